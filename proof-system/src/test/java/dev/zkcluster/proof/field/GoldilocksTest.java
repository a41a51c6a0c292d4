package dev.zkcluster.proof.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class GoldilocksTest {
    static final BigInteger P = new BigInteger("18446744069414584321");
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    /** Edge values, including non-canonical ones in [p, 2^64). */
    static final long[] EDGES = {
        0, 1, 2, Goldilocks.P - 1, Goldilocks.P - 2, 1L << 32, (1L << 32) - 1, (1L << 32) + 1, 1L << 63,
        (1L << 63) - 1, Goldilocks.P, Goldilocks.P + 1, -2L, -1L, 0xFFFF_FFFF_8000_0000L, Goldilocks.EPSILON << 32,
    };

    static BigInteger big(long x) {
        return new BigInteger(Long.toUnsignedString(x)).mod(P);
    }

    static long[] samples(long seed, int randomCount) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] out = new long[EDGES.length + randomCount];
        System.arraycopy(EDGES, 0, out, 0, EDGES.length);
        for (int i = EDGES.length; i < out.length; i++) {
            out[i] = rnd.nextLong();
        }
        return out;
    }

    private static void assertCanonicalEquals(BigInteger expected, long actual, String what) {
        assertTrue(Long.compareUnsigned(actual, Goldilocks.P) < 0, what + " is not canonical: " + actual);
        assertEquals(expected, big(actual), what);
    }

    private static void checkBinary(LongBinaryOperator op, BinaryOperator<BigInteger> oracle, long seed) {
        long[] xs = samples(seed, 400);
        for (long a : xs) {
            for (long b : xs) {
                String what = Long.toUnsignedString(a) + ", " + Long.toUnsignedString(b);
                assertCanonicalEquals(oracle.apply(big(a), big(b)).mod(P), op.applyAsLong(a, b), what);
            }
        }
    }

    private static void checkUnary(LongUnaryOperator op, UnaryOperator<BigInteger> oracle, long seed) {
        for (long a : samples(seed, 5000)) {
            assertCanonicalEquals(oracle.apply(big(a)).mod(P), op.applyAsLong(a), Long.toUnsignedString(a));
        }
    }

    @Test
    void addMatchesBigInteger() {
        checkBinary(Goldilocks::add, BigInteger::add, 1);
    }

    @Test
    void subMatchesBigInteger() {
        checkBinary(Goldilocks::sub, BigInteger::subtract, 2);
    }

    @Test
    void mulMatchesBigInteger() {
        checkBinary(Goldilocks::mul, BigInteger::multiply, 3);
    }

    @Test
    void squareMatchesBigInteger() {
        checkUnary(Goldilocks::square, a -> a.multiply(a), 4);
    }

    @Test
    void negMatchesBigInteger() {
        checkUnary(Goldilocks::neg, BigInteger::negate, 5);
    }

    @Test
    void expMatchesBigIntegerWithExponentReadAsUnsigned() {
        long[] xs = samples(6, 150);
        for (long a : xs) {
            for (long e : xs) {
                BigInteger expected = big(a).modPow(new BigInteger(Long.toUnsignedString(e)), P);
                assertCanonicalEquals(expected, Goldilocks.exp(a, e), Long.toUnsignedString(a) + "^" + e);
            }
        }
    }

    @Test
    void inverseMatchesBigIntegerOnNonZeroValues() {
        for (long a : samples(8, 2000)) {
            if (big(a).signum() != 0) {
                assertCanonicalEquals(big(a).modInverse(P), Goldilocks.inverse(a), Long.toUnsignedString(a));
            }
        }
    }

    @Test
    void inverseOfZeroThrows() {
        assertThrows(ArithmeticException.class, () -> Goldilocks.inverse(0));
        assertThrows(ArithmeticException.class, () -> Goldilocks.inverse(Goldilocks.P));
    }

    @Test
    void batchInverseMatchesElementwiseInverse() {
        long[] xs = samples(9, 3000);
        for (int i = 0; i < xs.length; i++) {
            if (big(xs[i]).signum() == 0) {
                xs[i] = 3;
            }
        }
        long[] copy = xs.clone();
        long[] inv = Goldilocks.batchInverse(xs);
        assertArrayEquals(copy, xs, "input changed");
        for (int i = 0; i < xs.length; i++) {
            assertCanonicalEquals(big(xs[i]).modInverse(P), inv[i], "index " + i);
        }
    }

    @Test
    void batchInverseOfEmptyIsEmpty() {
        assertEquals(0, Goldilocks.batchInverse(new long[0]).length);
    }

    @Test
    void batchInverseWithZeroThrowsNamingTheIndex() {
        long[] xs = {5, 9, Goldilocks.P, 11};
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Goldilocks.batchInverse(xs));
        assertTrue(e.getMessage().contains("index 2"), e.getMessage());
    }

    @Test
    void primitiveRootsOfUnityHaveExactOrder() {
        for (int k = 0; k <= Goldilocks.TWO_ADICITY; k++) {
            long w = Goldilocks.primitiveRootOfUnity(k);
            assertEquals(1, Goldilocks.exp(w, 1L << k), "w^(2^k) for k=" + k);
            if (k > 0) {
                assertEquals(Goldilocks.P - 1, Goldilocks.exp(w, 1L << (k - 1)), "w^(2^(k-1)) for k=" + k);
            }
        }
    }

    @Test
    void primitiveRootsComeFromGeneratorSeven() {
        for (int k = 0; k <= Goldilocks.TWO_ADICITY; k++) {
            BigInteger expected = BigInteger.valueOf(7).modPow(P.subtract(BigInteger.ONE).shiftRight(k), P);
            assertEquals(expected, big(Goldilocks.primitiveRootOfUnity(k)), "k=" + k);
        }
    }

    @Test
    void rootOfUnityBeyondTwoAdicityIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Goldilocks.primitiveRootOfUnity(33));
        assertThrows(IllegalArgumentException.class, () -> Goldilocks.primitiveRootOfUnity(-1));
    }

    @Test
    void generatorIsNotAQuadraticResidue() {
        // 7 generates the group iff no prime factor q of p − 1 has 7^((p−1)/q) = 1; here the residue test.
        assertNotEquals(1, Goldilocks.exp(7, (Goldilocks.P - 1) >>> 1));
    }

    @Test
    void powersAreSuccessiveProducts() {
        long base = 0x1234_5678_9ABC_DEF0L;
        long[] pw = Goldilocks.powers(base, 50);
        for (int i = 0; i < pw.length; i++) {
            assertEquals(big(base).modPow(BigInteger.valueOf(i), P), big(pw[i]), "power " + i);
        }
    }

    @Test
    void reduce128MatchesBigIntegerOnFull128BitValues() {
        SplittableRandom rnd = new SplittableRandom(10);
        for (int i = 0; i < 20000; i++) {
            long hi = i < EDGES.length ? EDGES[i] : rnd.nextLong();
            long lo = rnd.nextLong();
            BigInteger x = big(hi).multiply(TWO_64).add(new BigInteger(Long.toUnsignedString(lo)));
            assertCanonicalEquals(x.mod(P), Goldilocks.reduce128(hi, lo), "hi=" + hi + " lo=" + lo);
        }
    }
}
