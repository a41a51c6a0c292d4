package dev.zkcluster.proof.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class BitReversalTest {
    private static long[] identity(int n) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    @Test
    void permuteMovesEachIndexToItsBitReversal() {
        for (int logN = 0; logN <= 16; logN++) {
            long[] a = identity(1 << logN);
            BitReversal.permute(a);
            for (int i = 0; i < a.length; i++) {
                int reversed = 0;
                for (int bit = 0; bit < logN; bit++) {
                    reversed |= ((i >>> bit) & 1) << (logN - 1 - bit);
                }
                assertEquals(reversed, a[i], "index " + i + " of 2^" + logN);
            }
        }
    }

    @Test
    void permuteIsAnInvolution() {
        long[] a = identity(1 << 18);
        BitReversal.permute(a);
        BitReversal.permute(a);
        assertArrayEquals(identity(1 << 18), a);
    }

    @Test
    void parallelPermuteEqualsSequential() {
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            for (int logN : new int[] {3, 12, 15, 18}) {
                long[] a = identity(1 << logN);
                long[] b = identity(1 << logN);
                BitReversal.permute(a);
                BitReversal.permute(b, pool);
                assertArrayEquals(a, b, "2^" + logN);
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void reverseReversesTheLowBits() {
        assertEquals(0b0011, BitReversal.reverse(0b1100, 4));
        assertEquals(0b10110, BitReversal.reverse(0b01101, 5));
        assertEquals(0, BitReversal.reverse(0, 0));
    }
}
