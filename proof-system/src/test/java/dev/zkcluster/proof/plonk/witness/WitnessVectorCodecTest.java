package dev.zkcluster.proof.plonk.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.proof.field.Goldilocks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WitnessVectorCodecTest {
    private static WitnessVector sample() {
        Random rnd = new Random(5);
        long[][] wires = new long[3][8];
        for (long[] col : wires) {
            for (int i = 0; i < col.length; i++) {
                col[i] = Goldilocks.canonical(rnd.nextLong());
            }
        }
        return new WitnessVector(wires, new long[] {1, Goldilocks.P - 1});
    }

    private static WitnessDecoding.Reason rejection(byte[] bytes) {
        return assertInstanceOf(WitnessDecoding.Rejected.class, WitnessVector.fromBytes(bytes)).reason();
    }

    @Test
    void roundTripGivesTheSameAssignment() {
        WitnessVector w = sample();
        WitnessVector back =
                assertInstanceOf(WitnessDecoding.Decoded.class, WitnessVector.fromBytes(w.toBytes())).witness();
        assertArrayEquals(w.publicInputs(), back.publicInputs());
        for (int c = 0; c < w.numWires(); c++) {
            assertArrayEquals(w.wires()[c], back.wires()[c]);
        }
    }

    @Test
    void everyTruncationIsRejectedAsTruncated() {
        byte[] bytes = sample().toBytes();
        for (int len = 0; len < bytes.length; len++) {
            assertEquals(WitnessDecoding.Reason.TRUNCATED, rejection(Arrays.copyOf(bytes, len)), "length " + len);
        }
    }

    @Test
    void extraTrailingBytesAreRejected() {
        byte[] bytes = sample().toBytes();
        assertEquals(WitnessDecoding.Reason.TRAILING_BYTES, rejection(Arrays.copyOf(bytes, bytes.length + 1)));
    }

    @Test
    void oversizeDeclaredShapeIsRejectedWithoutAllocating() {
        ByteBuffer header = ByteBuffer.allocate(WitnessVector.HEADER_BYTES + 16).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(WitnessVector.MAGIC).putShort(WitnessVector.VERSION);
        // within the limits but far beyond the bytes present: must not allocate 4096 × 2^24 longs
        header.putInt(WitnessVector.MAX_WIRES).putInt(WitnessVector.MAX_ROWS).putInt(0);
        assertEquals(WitnessDecoding.Reason.TRUNCATED, rejection(header.array()));
        header.putInt(6, WitnessVector.MAX_WIRES + 1);
        assertEquals(WitnessDecoding.Reason.BAD_SHAPE, rejection(header.array()));
        header.putInt(6, 3).putInt(10, 6);
        assertEquals(WitnessDecoding.Reason.BAD_SHAPE, rejection(header.array()));
        header.putInt(10, 8).putInt(14, -1);
        assertEquals(WitnessDecoding.Reason.BAD_SHAPE, rejection(header.array()));
    }

    @Test
    void nonCanonicalElementIsRejected() {
        byte[] bytes = sample().toBytes();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(WitnessVector.HEADER_BYTES + 8, Goldilocks.P);
        assertEquals(WitnessDecoding.Reason.NON_CANONICAL, rejection(bytes));
    }

    @Test
    void wrongMagicOrVersionIsRejected() {
        byte[] bytes = sample().toBytes();
        byte[] magic = bytes.clone();
        magic[0] ^= 1;
        assertEquals(WitnessDecoding.Reason.BAD_MAGIC, rejection(magic));
        byte[] version = bytes.clone();
        version[4] = 2;
        assertEquals(WitnessDecoding.Reason.UNSUPPORTED_VERSION, rejection(version));
    }

    @Test
    void randomBytesAreRejectedWithATypedError() {
        Random rnd = new Random(77);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = new byte[rnd.nextInt(200)];
            rnd.nextBytes(bytes);
            if (i % 2 == 0 && bytes.length >= 6) {
                // half keep a valid magic and version so the shape checks are exercised
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(WitnessVector.MAGIC)
                        .putShort(WitnessVector.VERSION);
            }
            assertInstanceOf(WitnessDecoding.Rejected.class, WitnessVector.fromBytes(bytes));
        }
    }
}
