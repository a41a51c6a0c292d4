package dev.zkcluster.proof.hash;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import org.junit.jupiter.api.Test;

class LazyFieldTest {
    private static final BigInteger P = new BigInteger("18446744069414584321");
    private static final long[] EDGES = {
        0, 1, 2, (1L << 32) - 1, 1L << 32, (1L << 32) + 1, Long.MAX_VALUE, Long.MIN_VALUE,
        LazyField.P - 1, LazyField.P, LazyField.P + 1, -2L, -1L, LazyField.HALF
    };

    private static BigInteger big(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }

    private static void check(String op, LongBinaryOperator lazy, BinaryOperator<BigInteger> exact) {
        SplittableRandom random = new SplittableRandom(op.hashCode());
        for (int n = 0; n < 20_000; n++) {
            long a = n < EDGES.length * EDGES.length ? EDGES[n % EDGES.length] : random.nextLong();
            long b = n < EDGES.length * EDGES.length ? EDGES[n / EDGES.length] : random.nextLong();
            if (n % 3 == 0 && n >= EDGES.length * EDGES.length) {
                a = -1L - random.nextInt(1 << 20);
            }
            BigInteger expected = exact.apply(big(a), big(b)).mod(P);
            assertEquals(expected, big(lazy.applyAsLong(a, b)).mod(P),
                    op + "(" + Long.toUnsignedString(a) + ", " + Long.toUnsignedString(b) + ")");
        }
    }

    @Test
    void addCanonicalIsCongruentModPForAnyFirstInput() {
        check("addCanonical", (a, b) -> LazyField.addCanonical(a, LazyField.canonical(b)), BigInteger::add);
    }

    @Test
    void foldIsCongruentToHighTimesTwoToThe32PlusLowForFortyBitLanes() {
        long mask = (1L << 40) - 1;
        check("fold", (a, b) -> LazyField.fold(a & mask, b & mask),
                (a, b) -> a.and(BigInteger.valueOf(mask)).shiftLeft(32).add(b.and(BigInteger.valueOf(mask))));
    }

    @Test
    void reduceIsCongruentForAnyHighAndLowWordsIncludingWrapsBelowZero() {
        SplittableRandom random = new SplittableRandom(5);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (int n = 0; n < 20_000; n++) {
            long hi = random.nextLong();
            // Low words below 2^33 make r1 small enough for the rare wrap below zero.
            long lo = switch (n % 4) {
                case 0 -> random.nextLong(1L << 33);
                case 1 -> -hi << 32;
                case 2 -> (-hi << 32) + random.nextInt(1 << 20);
                default -> random.nextLong();
            };
            BigInteger expected = big(hi).multiply(two64).add(big(lo)).mod(P);
            assertEquals(expected, big(LazyField.reduce(hi, lo)).mod(P),
                    "reduce(" + Long.toUnsignedString(hi) + ", " + Long.toUnsignedString(lo) + ")");
        }
        assertEquals(P.subtract(BigInteger.ONE), big(LazyField.reduce(1L << 32, 0)).mod(P));
    }

    @Test
    void squareIsCongruentModPForAnyUnsignedInput() {
        check("square", (a, b) -> LazyField.square(a), (a, b) -> a.multiply(a));
    }

    @Test
    void mulIsCongruentModPForAnyUnsignedInputs() {
        check("mul", LazyField::mul, BigInteger::multiply);
    }

    @Test
    void halfTimesTwoIsCongruentToInputForAnyUnsignedInput() {
        check("half", (a, b) -> LazyField.half(a), (a, b) -> a.multiply(P.add(BigInteger.ONE).shiftRight(1)));
    }

    @Test
    void canonicalIsTheLeastResidue() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            long a = n < EDGES.length ? EDGES[n] : n % 2 == 0 ? random.nextLong() : -1L - random.nextInt(1 << 20);
            assertEquals(big(a).mod(P), big(LazyField.canonical(a)), Long.toUnsignedString(a));
        }
    }
}
