package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.proof.plonk.PlonkProofDecoding.Reason;
import dev.zkcluster.proof.plonk.ProofFixtures.Proved;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Decoding untrusted bytes gives a proof or a typed error, never another exception. */
class PlonkProofCodecTest {
    private static final Proved PROVED = ProofFixtures.everyGate(3);
    private static final byte[] BYTES = PlonkProofCodec.encode(PROVED.proof());

    @Test
    void decodingAndEncodingAgainReproducesTheBytes() {
        PlonkProofDecoding.Decoded decoded = assertInstanceOf(PlonkProofDecoding.Decoded.class,
                PlonkProofCodec.decode(BYTES, PROVED.verifierKey()));
        assertArrayEquals(BYTES, PlonkProofCodec.encode(decoded.proof()));
    }

    @Test
    void encodedSizeIsFixedByTheKey() {
        assertEquals(PlonkProofCodec.encodedSize(PROVED.verifierKey()), BYTES.length);
    }

    @Test
    void rejectsEveryTruncationAsTruncated() {
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200; i++) {
            int length = i < 50 ? i : random.nextInt(BYTES.length);
            assertReason(Reason.TRUNCATED, Arrays.copyOf(BYTES, length));
        }
    }

    @Test
    void rejectsOversizedInputAsTrailingBytes() {
        assertReason(Reason.TRAILING_BYTES, Arrays.copyOf(BYTES, BYTES.length + 1));
        assertReason(Reason.TRAILING_BYTES, Arrays.copyOf(BYTES, 4 * BYTES.length));
    }

    @Test
    void rejectsOtherMagicAndVersion() {
        byte[] magic = BYTES.clone();
        magic[0] ^= 1;
        assertReason(Reason.BAD_MAGIC, magic);
        byte[] version = BYTES.clone();
        version[5] ^= 1;
        assertReason(Reason.UNSUPPORTED_VERSION, version);
    }

    @Test
    void rejectsHugeDeclaredOpeningCountWithoutAllocating() {
        byte[] huge = BYTES.clone();
        int capsLength = ByteBuffer.wrap(huge).getInt(PlonkProofCodec.HEADER_BYTES);
        int openings = PlonkProofCodec.HEADER_BYTES + 4 + capsLength;
        ByteBuffer.wrap(huge).putInt(openings + 4, Integer.MAX_VALUE);
        assertReason(Reason.BAD_SECTION, huge);
    }

    @Test
    void rejectsNonCanonicalOpening() {
        byte[] bad = BYTES.clone();
        int capsLength = ByteBuffer.wrap(bad).getInt(PlonkProofCodec.HEADER_BYTES);
        int firstValue = PlonkProofCodec.HEADER_BYTES + 4 + capsLength + 8;
        ByteBuffer.wrap(bad).putLong(firstValue, -1L);
        assertReason(Reason.NON_CANONICAL, bad);
    }

    @Test
    void randomBytesGiveTypedErrors() {
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(0, 2 * BYTES.length)];
            random.nextBytes(bytes);
            assertInstanceOf(PlonkProofDecoding.Rejected.class, PlonkProofCodec.decode(bytes, PROVED.verifierKey()));
        }
    }

    // Random content behind a valid header and at the exact length: decoding may succeed, verifying must not.
    @Test
    void randomBodiesBehindAValidHeaderAreNeverAccepted() {
        SplittableRandom random = new SplittableRandom(4);
        for (int i = 0; i < 100; i++) {
            byte[] bytes = BYTES.clone();
            int from = PlonkProofCodec.HEADER_BYTES + random.nextInt(BYTES.length - PlonkProofCodec.HEADER_BYTES);
            byte[] noise = new byte[Math.min(64, bytes.length - from)];
            random.nextBytes(noise);
            System.arraycopy(noise, 0, bytes, from, noise.length);
            assertFalse(Verifier.verify(PROVED.verifierKey(), bytes, PROVED.publicInputs()).isAccepted());
        }
    }

    @Test
    void rejectsNullBytes() {
        assertReason(Reason.TRUNCATED, null);
    }

    private static void assertReason(Reason expected, byte[] bytes) {
        PlonkProofDecoding decoding = PlonkProofCodec.decode(bytes, PROVED.verifierKey());
        assertEquals(expected, assertInstanceOf(PlonkProofDecoding.Rejected.class, decoding).reason());
    }
}
