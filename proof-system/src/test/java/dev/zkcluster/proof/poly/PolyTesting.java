package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import java.util.SplittableRandom;

/** Random inputs and slow, obviously correct oracles for the polynomial tests. */
final class PolyTesting {
    private PolyTesting() {}

    /** Arbitrary 64-bit values, so non-canonical inputs are exercised too. */
    static long[] randomLongs(SplittableRandom rnd, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rnd.nextLong();
        }
        return out;
    }

    static Ext2 randomExt(SplittableRandom rnd) {
        return new Ext2(rnd.nextLong(), rnd.nextLong());
    }

    /** Σ c_i·x^i, term by term with explicit powers. */
    static long naiveEvaluate(long[] coefficients, long x) {
        long sum = 0;
        long power = 1;
        for (long c : coefficients) {
            sum = Goldilocks.add(sum, Goldilocks.mul(c, power));
            power = Goldilocks.mul(power, x);
        }
        return sum;
    }

    /** Σ c_i·x^i over the extension, term by term, with the Ext2 record. */
    static Ext2 naiveEvaluatePairs(long[] pairs, Ext2 x) {
        Ext2 sum = Ext2.ZERO;
        Ext2 power = Ext2.ONE;
        for (int i = 0; i < pairs.length / 2; i++) {
            sum = sum.add(Ext2.fromPairs(pairs, i).mul(power));
            power = power.mul(x);
        }
        return sum;
    }

    /** Base coefficients as extension pairs with zero c1. */
    static long[] asPairs(long[] coefficients) {
        long[] pairs = new long[2 * coefficients.length];
        for (int i = 0; i < coefficients.length; i++) {
            pairs[2 * i] = Goldilocks.canonical(coefficients[i]);
        }
        return pairs;
    }
}
