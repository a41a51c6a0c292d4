package dev.zkcluster.proof.fri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FriProofCodecTest {
    // Degree 2^10: one arity-16 and one arity-2 layer, and two oracles, so every kind of section is present. Fewer
    // queries and grinding bits than the standard configuration keep the bit sweep quick; the format is the same.
    private static final FriConfig CONFIG = new FriConfig(3, 2, 8, 8, 4, 5);
    private static FriOpeningsFixture fixture;
    private static FriProof proof;
    private static FriProofShape shape;
    private static byte[] bytes;

    @BeforeAll
    static void proveOnce() {
        fixture = FriOpeningsFixture.random(CONFIG, 10, 77, 3, 2);
        proof = fixture.prove();
        shape = FriProofShape.of(fixture.config, fixture.degreeBits, fixture.instance.oracleWidths());
        bytes = FriProofCodec.encode(proof);
    }

    /** A named byte range of the encoding. */
    private record Region(String name, int offset, int length) {}

    // The layout, walked independently of the codec from the shape.
    private static List<Region> layout() {
        List<Region> regions = new ArrayList<>();
        int[] at = {0};
        BiConsumer<String, Integer> add = (name, length) -> {
            regions.add(new Region(name, at[0], length));
            at[0] += length;
        };
        add.accept("magic", 4);
        add.accept("version", 2);
        add.accept("caps length", 4);
        add.accept("caps count", 1);
        for (int i = 0; i < shape.layers().size(); i++) {
            add.accept("cap " + i + " size", 2);
            add.accept("cap " + i + " digests", 32 * shape.layers().get(i).capSize());
        }
        add.accept("final length", 4);
        add.accept("final count", 4);
        add.accept("final coefficients", 16 * shape.finalPolyLength());
        add.accept("pow length", 4);
        add.accept("pow nonce", 8);
        add.accept("queries length", 4);
        add.accept("query count", 2);
        for (int q = 0; q < shape.numQueries(); q++) {
            add.accept("query " + q + " oracle count", 1);
            for (int o = 0; o < shape.oracles().size(); o++) {
                FriProofShape.OracleShape oracle = shape.oracles().get(o);
                add.accept("query " + q + " oracle " + o + " width", 4);
                add.accept("query " + q + " oracle " + o + " row", 8 * oracle.width());
                add.accept("query " + q + " oracle " + o + " path length", 1);
                add.accept("query " + q + " oracle " + o + " siblings", 32 * oracle.siblings());
            }
            add.accept("query " + q + " layer count", 1);
            for (int i = 0; i < shape.layers().size(); i++) {
                FriProofShape.LayerShape layer = shape.layers().get(i);
                add.accept("query " + q + " layer " + i + " value count", 2);
                add.accept("query " + q + " layer " + i + " values", 16 << layer.arityBits());
                add.accept("query " + q + " layer " + i + " path length", 1);
                add.accept("query " + q + " layer " + i + " siblings", 32 * layer.siblings());
            }
        }
        assertEquals(bytes.length, at[0], "layout covers the encoding");
        return regions;
    }

    /** Every bit of a small region; for a large one its first and last byte's extreme bits and a fixed sample. */
    private static Set<Integer> bitsToFlip(Region region, SplittableRandom rng) {
        int bits = 8 * region.length();
        Set<Integer> out = new LinkedHashSet<>();
        if (bits <= 32) {
            for (int b = 0; b < bits; b++) {
                out.add(b);
            }
            return out;
        }
        out.add(0);
        out.add(7);
        out.add(bits - 8);
        out.add(bits - 1);
        for (int i = 0; i < 4; i++) {
            out.add(rng.nextInt(bits));
        }
        return out;
    }

    private static FriVerification decodeAndVerify(byte[] candidate) {
        FriProofDecoding decoded = FriProofCodec.decode(candidate, shape);
        if (decoded instanceof FriProofDecoding.Decoded d) {
            return fixture.verify(d.proof());
        }
        return new FriVerification.Rejected("decoding: " + ((FriProofDecoding.Malformed) decoded).reason());
    }

    @Test
    void encodedProofDecodesToTheSameBytesAndStillVerifies() {
        FriProofDecoding decoded = FriProofCodec.decode(bytes, shape);
        FriProof back = assertInstanceOf(FriProofDecoding.Decoded.class, decoded).proof();
        assertArrayEquals(bytes, FriProofCodec.encode(back));
        assertEquals(FriVerification.accepted(), fixture.verify(back));
    }

    @Test
    void encodedSizeIsWhatTheShapeDeclares() {
        assertEquals(shape.encodedSize(), bytes.length);
    }

    @Test
    void rejectsProofWithAnySingleBitFlippedInEverySection() {
        SplittableRandom rng = new SplittableRandom(5);
        int flips = 0;
        for (Region region : layout()) {
            for (int bit : bitsToFlip(region, rng)) {
                byte[] tampered = bytes.clone();
                int position = 8 * region.offset() + bit;
                tampered[position >>> 3] ^= (byte) (0x80 >>> (position & 7));
                FriVerification verdict = decodeAndVerify(tampered);
                assertFalse(verdict.isAccepted(), "flipped bit " + bit + " of " + region.name() + " was accepted");
                flips++;
            }
        }
        assertTrue(flips > 500, "swept " + flips + " bits");
    }

    @Test
    void rejectsEveryTruncation() {
        for (int length = 0; length < bytes.length; length += 1 + length / 7) {
            byte[] cut = Arrays.copyOf(bytes, length);
            assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(cut, shape), "length " + length);
        }
        assertInstanceOf(FriProofDecoding.Malformed.class,
                FriProofCodec.decode(Arrays.copyOf(bytes, bytes.length - 1), shape));
    }

    @Test
    void rejectsOversizeInput() {
        assertInstanceOf(FriProofDecoding.Malformed.class,
                FriProofCodec.decode(Arrays.copyOf(bytes, bytes.length + 1), shape));
        assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(new byte[64 << 20], shape));
    }

    @Test
    void rejectsRandomBytesOfAnyLength() {
        SplittableRandom rng = new SplittableRandom(6);
        for (int i = 0; i < 200; i++) {
            int length = i % 2 == 0 ? bytes.length : rng.nextInt(2 * bytes.length);
            byte[] random = new byte[length];
            rng.nextBytes(random);
            assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(random, shape));
        }
        assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(null, shape));
    }

    @Test
    void randomBodyBehindAValidHeaderIsNeverAccepted() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int i = 0; i < 100; i++) {
            byte[] candidate = new byte[bytes.length];
            rng.nextBytes(candidate);
            int keep = 6 + rng.nextInt(bytes.length - 6);
            System.arraycopy(bytes, 0, candidate, 0, keep);
            assertFalse(decodeAndVerify(candidate).isAccepted(), "random body after byte " + keep);
        }
    }

    @Test
    void rejectsHugeDeclaredCountsWithoutAllocating() {
        byte[] tampered = bytes.clone();
        Region count = layout().stream().filter(r -> r.name().equals("final count")).findFirst().orElseThrow();
        Arrays.fill(tampered, count.offset(), count.offset() + count.length(), (byte) 0x7F);
        assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(tampered, shape));
    }

    @Test
    void rejectsNonCanonicalFieldElement() {
        byte[] tampered = bytes.clone();
        Region nonce = layout().stream().filter(r -> r.name().equals("pow nonce")).findFirst().orElseThrow();
        // nonce + p, the same residue: only the canonical encoding is accepted
        long nonPrime = proof.powNonce() + Goldilocks.P;
        for (int i = 0; i < 8; i++) {
            tampered[nonce.offset() + i] = (byte) (nonPrime >>> (56 - 8 * i));
        }
        FriProofDecoding decoded = FriProofCodec.decode(tampered, shape);
        assertTrue(assertInstanceOf(FriProofDecoding.Malformed.class, decoded).reason().contains("non-canonical"));
    }

    @Test
    void rejectsBytesDecodedAgainstAnotherShape() {
        FriProofShape other = FriProofShape.of(fixture.config, fixture.degreeBits + 1, fixture.instance.oracleWidths());
        assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(bytes, other));
        FriProofShape narrower = FriProofShape.of(fixture.config, fixture.degreeBits, List.of(3, 1));
        assertInstanceOf(FriProofDecoding.Malformed.class, FriProofCodec.decode(bytes, narrower));
    }
}
