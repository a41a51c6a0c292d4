package dev.zkcluster.proof.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class LdeTest {
    /** Checks out[i] = f(shift·ω_N^i) at every index, or at 200 sampled indices for large N. */
    private static void assertCosetValues(long[] coefficients, long[] out, int rateBits, long shift,
            SplittableRandom rnd) {
        int bigN = coefficients.length << rateBits;
        assertEquals(bigN, out.length);
        long w = Goldilocks.primitiveRootOfUnity(Integer.numberOfTrailingZeros(bigN));
        int checks = Math.min(bigN, 200);
        for (int t = 0; t < checks; t++) {
            int i = bigN <= 200 ? t : rnd.nextInt(bigN);
            long x = Goldilocks.mul(shift, Goldilocks.exp(w, i));
            assertEquals(PolyTesting.naiveEvaluate(coefficients, x), out[i], "index " + i);
        }
    }

    @Test
    void ldeValuesAreTheCosetEvaluationsOfThePolynomial() {
        SplittableRandom rnd = new SplittableRandom(41);
        for (int logN = 0; logN <= 14; logN++) {
            long[] c = PolyTesting.randomLongs(rnd, 1 << logN);
            assertCosetValues(c, Lde.fromCoefficients(c), Lde.DEFAULT_RATE_BITS, Lde.DEFAULT_SHIFT, rnd);
        }
    }

    @Test
    void ldeHonoursRateBitsAndShift() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int rateBits = 0; rateBits <= 4; rateBits++) {
            long[] c = PolyTesting.randomLongs(rnd, 64);
            long shift = rnd.nextLong();
            assertCosetValues(c, Lde.fromCoefficients(c, rateBits, shift), rateBits, shift, rnd);
        }
    }

    @Test
    void ldeFromValuesInterpolatesFirst() {
        SplittableRandom rnd = new SplittableRandom(43);
        long[] c = PolyTesting.randomLongs(rnd, 256);
        long[] values = c.clone();
        Ntt.forward(values);
        assertArrayEquals(Lde.fromCoefficients(c, 2, 7), Lde.fromValues(values, 2, 7));
    }

    @Test
    void batchLdeEqualsColumnByColumn() {
        SplittableRandom rnd = new SplittableRandom(44);
        ForkJoinPool pool = new ForkJoinPool(4);
        try {
            for (int count : new int[] {2, 7}) {
                long[][] columns = new long[count][];
                long[][] values = new long[count][];
                for (int c = 0; c < count; c++) {
                    columns[c] = PolyTesting.randomLongs(rnd, 1 << 14);
                    values[c] = columns[c].clone();
                    Ntt.forward(values[c]);
                }
                long[][] fromCoefficients = Lde.fromCoefficients(columns, 3, 7, pool);
                long[][] fromValues = Lde.fromValues(values, 3, 7, pool);
                for (int c = 0; c < count; c++) {
                    long[] expected = Lde.fromCoefficients(columns[c]);
                    assertArrayEquals(expected, fromCoefficients[c], "coefficients, column " + c);
                    assertArrayEquals(expected, fromValues[c], "values, column " + c);
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
