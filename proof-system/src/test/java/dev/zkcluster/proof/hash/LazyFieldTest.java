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
    void addIsCongruentModPForAnyUnsignedInputs() {
        check("add", LazyField::add, BigInteger::add);
    }

    @Test
    void subIsCongruentModPForAnyUnsignedInputs() {
        check("sub", LazyField::sub, BigInteger::subtract);
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
