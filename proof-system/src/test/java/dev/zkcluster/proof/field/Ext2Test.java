package dev.zkcluster.proof.field;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ext2Test {
    private static final int TRIALS = 2000;

    private static Ext2 random(SplittableRandom rnd) {
        return new Ext2(rnd.nextLong(), rnd.nextLong());
    }

    @Test
    void xSquaredIsSeven() {
        Ext2 x = new Ext2(0, 1);
        assertEquals(Ext2.ofBase(7), x.mul(x));
    }

    @Test
    void mulIsCommutativeAndAssociative() {
        SplittableRandom rnd = new SplittableRandom(21);
        for (int i = 0; i < TRIALS; i++) {
            Ext2 a = random(rnd);
            Ext2 b = random(rnd);
            Ext2 c = random(rnd);
            assertEquals(a.mul(b), b.mul(a));
            assertEquals(a.mul(b).mul(c), a.mul(b.mul(c)));
        }
    }

    @Test
    void mulDistributesOverAddAndSub() {
        SplittableRandom rnd = new SplittableRandom(22);
        for (int i = 0; i < TRIALS; i++) {
            Ext2 a = random(rnd);
            Ext2 b = random(rnd);
            Ext2 c = random(rnd);
            assertEquals(a.mul(b.add(c)), a.mul(b).add(a.mul(c)));
            assertEquals(a.mul(b.sub(c)), a.mul(b).sub(a.mul(c)));
        }
    }

    @Test
    void mulMatchesSchoolbookWithXSquaredSeven() {
        SplittableRandom rnd = new SplittableRandom(23);
        for (int i = 0; i < TRIALS; i++) {
            Ext2 a = random(rnd);
            Ext2 b = random(rnd);
            long c0 = Goldilocks.add(Goldilocks.mul(a.c0(), b.c0()),
                    Goldilocks.mul(7, Goldilocks.mul(a.c1(), b.c1())));
            long c1 = Goldilocks.add(Goldilocks.mul(a.c0(), b.c1()), Goldilocks.mul(a.c1(), b.c0()));
            assertEquals(new Ext2(c0, c1), a.mul(b));
        }
    }

    @Test
    void elementTimesInverseIsOne() {
        SplittableRandom rnd = new SplittableRandom(24);
        for (int i = 0; i < TRIALS; i++) {
            Ext2 a = random(rnd);
            assertEquals(Ext2.ONE, a.mul(a.inverse()), a.toString());
        }
        assertEquals(Ext2.ONE, Ext2.ofBase(5).mul(Ext2.ofBase(5).inverse()));
        assertEquals(Ext2.ONE, new Ext2(0, 3).mul(new Ext2(0, 3).inverse()));
    }

    @Test
    void inverseOfZeroThrows() {
        assertThrows(ArithmeticException.class, Ext2.ZERO::inverse);
    }

    @Test
    void expAgreesWithRepeatedMultiplication() {
        SplittableRandom rnd = new SplittableRandom(25);
        Ext2 a = random(rnd);
        Ext2 acc = Ext2.ONE;
        for (int e = 0; e < 300; e++) {
            assertEquals(acc, a.exp(e), "exponent " + e);
            acc = acc.mul(a);
        }
    }

    @Test
    void groupOrderIsPSquaredMinusOne() {
        // |F_p²*| = p² − 1 = (p − 1)(p + 1); a^(p−1) then ^(p+1) must be one.
        SplittableRandom rnd = new SplittableRandom(26);
        for (int i = 0; i < 50; i++) {
            Ext2 a = random(rnd);
            assertEquals(Ext2.ONE, a.exp(Goldilocks.P - 1).exp(Goldilocks.P + 1));
        }
    }

    @Test
    void addSubNegAreConsistent() {
        SplittableRandom rnd = new SplittableRandom(27);
        for (int i = 0; i < TRIALS; i++) {
            Ext2 a = random(rnd);
            Ext2 b = random(rnd);
            assertEquals(a, a.add(b).sub(b));
            assertEquals(Ext2.ZERO, a.add(a.neg()));
            assertEquals(a.scale(b.c0()), a.mul(Ext2.ofBase(b.c0())));
        }
    }

    @Test
    void componentsAreCanonical() {
        Ext2 a = new Ext2(Goldilocks.P + 3, -1L);
        assertEquals(3, a.c0());
        assertEquals(Goldilocks.EPSILON - 1, a.c1());
    }

    @Test
    void flatPairsRoundTrip() {
        long[] pairs = new long[6];
        Ext2 a = new Ext2(11, 12);
        a.toPairs(pairs, 2);
        assertEquals(11, pairs[4]);
        assertEquals(12, pairs[5]);
        assertEquals(a, Ext2.fromPairs(pairs, 2));
    }
}
