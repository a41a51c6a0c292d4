package dev.zkcluster.proof.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NttTest {
    private static ForkJoinPool pool;

    @BeforeAll
    static void startPool() {
        // More workers than cores, so the parallel paths really split even on a small machine.
        pool = new ForkJoinPool(4);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdown();
    }

    private static long[] naiveDft(long[] coefficients, long root) {
        int n = coefficients.length;
        long[] out = new long[n];
        long x = 1;
        for (int i = 0; i < n; i++) {
            out[i] = PolyTesting.naiveEvaluate(coefficients, x);
            x = Goldilocks.mul(x, root);
        }
        return out;
    }

    @Test
    void forwardMatchesNaiveDftForEverySizeUpTo1024() {
        SplittableRandom rnd = new SplittableRandom(31);
        for (int logN = 0; logN <= 10; logN++) {
            long[] c = PolyTesting.randomLongs(rnd, 1 << logN);
            long[] expected = naiveDft(c, Goldilocks.primitiveRootOfUnity(logN));
            Ntt.forward(c);
            assertArrayEquals(expected, c, "size 2^" + logN);
        }
    }

    @Test
    void inverseMatchesNaiveInverseDftForEverySizeUpTo1024() {
        SplittableRandom rnd = new SplittableRandom(32);
        for (int logN = 0; logN <= 10; logN++) {
            long[] v = PolyTesting.randomLongs(rnd, 1 << logN);
            long[] expected = naiveDft(v, Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(logN)));
            long nInv = Goldilocks.inverse(1L << logN);
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Goldilocks.mul(expected[i], nInv);
            }
            Ntt.inverse(v);
            assertArrayEquals(expected, v, "size 2^" + logN);
        }
    }

    @Test
    void inverseUndoesForwardUpTo2To20() {
        SplittableRandom rnd = new SplittableRandom(33);
        for (int logN = 11; logN <= 20; logN++) {
            long[] x = PolyTesting.randomLongs(rnd, 1 << logN);
            long[] expected = x.clone();
            for (int i = 0; i < expected.length; i++) {
                expected[i] = Goldilocks.canonical(expected[i]);
            }
            Ntt.forward(x);
            Ntt.inverse(x);
            assertArrayEquals(expected, x, "size 2^" + logN);
        }
    }

    @Test
    void forwardOfSparsePolynomialMatchesDirectEvaluationAt2To19() {
        // f = X^k·g(X), g of degree 7, so f(ω^i) = (ω^k)^i·g(ω^i): an oracle for the large stages that is not
        // O(n²). Eight consecutive exponents land in every quarter of the fused large-stage butterflies.
        int logN = 19;
        int k = 123456;
        long[] g = {3, 1, 4, 1, 5, 9, 2, 6};
        long[] c = new long[1 << logN];
        System.arraycopy(g, 0, c, k, g.length);
        Ntt.forward(c);
        long w = Goldilocks.primitiveRootOfUnity(logN);
        long wk = Goldilocks.exp(w, k);
        long x = 1;
        long xk = 1;
        for (int i = 0; i < c.length; i++) {
            assertEquals(Goldilocks.mul(xk, PolyTesting.naiveEvaluate(g, x)), c[i], "index " + i);
            x = Goldilocks.mul(x, w);
            xk = Goldilocks.mul(xk, wk);
        }
    }

    @Test
    void parallelTransformsAreBitIdenticalToSingleThread() {
        SplittableRandom rnd = new SplittableRandom(34);
        for (int logN : new int[] {10, 16, 17, 19}) {
            long[] x = PolyTesting.randomLongs(rnd, 1 << logN);
            long[] single = x.clone();
            long[] parallel = x.clone();
            Ntt.forward(single);
            Ntt.forward(parallel, pool);
            assertArrayEquals(single, parallel, "forward 2^" + logN);
            Ntt.inverse(single);
            Ntt.inverse(parallel, pool);
            assertArrayEquals(single, parallel, "inverse 2^" + logN);
        }
    }

    @Test
    void columnBatchesEqualTransformingEachColumnAlone() {
        SplittableRandom rnd = new SplittableRandom(35);
        for (int count : new int[] {1, 3, 9}) {
            long[][] columns = new long[count][];
            long[][] expected = new long[count][];
            for (int c = 0; c < count; c++) {
                columns[c] = PolyTesting.randomLongs(rnd, 1 << (10 + 3 * (c % 3)));
                expected[c] = columns[c].clone();
                Ntt.forward(expected[c]);
            }
            Ntt.forwardColumns(columns, pool);
            assertArrayEquals(expected, columns, count + " columns forward");
            for (long[] e : expected) {
                Ntt.inverse(e);
            }
            Ntt.inverseColumns(columns, pool);
            assertArrayEquals(expected, columns, count + " columns inverse");
        }
    }

    @Test
    void commonPoolEntryPointsEqualSingleThread() {
        SplittableRandom rnd = new SplittableRandom(36);
        long[][] columns = {PolyTesting.randomLongs(rnd, 1 << 16), PolyTesting.randomLongs(rnd, 1 << 12)};
        long[][] expected = {columns[0].clone(), columns[1].clone()};
        Ntt.forward(expected[0]);
        Ntt.forward(expected[1]);
        Ntt.forwardColumns(columns);
        assertArrayEquals(expected, columns);
        Ntt.inverseColumns(columns);
        Ntt.inverse(expected[0]);
        Ntt.inverse(expected[1]);
        assertArrayEquals(expected, columns);
    }

    @Test
    void forwardMatchesChecksumOfScalarCReference() {
        // Input and checksum as in the C yardstick: a[i] = (i·0x9e3779b97f4a7c15 mod 2^64) mod p, Σ a[i]·(i+1).
        long[][] cases = {{5, 0x625873e215a2adf1L}, {12, 0x9c0774b26a1a772eL}, {13, 0x15dd38543a8d7351L}};
        for (long[] c : cases) {
            int n = 1 << c[0];
            long[] a = new long[n];
            for (int i = 0; i < n; i++) {
                a[i] = Goldilocks.canonical(i * 0x9e3779b97f4a7c15L);
            }
            Ntt.forward(a);
            long check = 0;
            for (int i = 0; i < n; i++) {
                check = Goldilocks.add(check, Goldilocks.mul(a[i], i + 1));
            }
            assertEquals(c[1], check, "size 2^" + c[0]);
        }
    }

    @Test
    void lengthThatIsNotAPowerOfTwoIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Ntt.forward(new long[12]));
        assertThrows(IllegalArgumentException.class, () -> Ntt.inverse(new long[0]));
    }
}
