package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Ext2Arrays;
import dev.zkcluster.proof.field.Goldilocks;

/**
 * Evaluation of a polynomial at one point by Horner's rule. Coefficients are lowest degree first; extension
 * coefficients are flat pairs [c0, c1, c0, c1, ...], so a polynomial of degree < n has 2n longs.
 */
public final class Horner {
    private Horner() {}

    /** f(x) for base coefficients and a base point. */
    public static long evaluate(long[] coefficients, long x) {
        long acc = 0;
        for (int i = coefficients.length - 1; i >= 0; i--) {
            acc = Goldilocks.add(Goldilocks.mul(acc, x), coefficients[i]);
        }
        return acc;
    }

    /** f(x) for base coefficients and an extension point. */
    public static Ext2 evaluate(long[] coefficients, Ext2 x) {
        return evaluateExtension(coefficients, false, x);
    }

    /** f(x) for extension coefficients (flat pairs) and an extension point. */
    public static Ext2 evaluatePairs(long[] coefficientPairs, Ext2 x) {
        requirePairs(coefficientPairs);
        return evaluateExtension(coefficientPairs, true, x);
    }

    private static Ext2 evaluateExtension(long[] coefficients, boolean pairs, Ext2 x) {
        long x0 = x.c0();
        long x1 = x.c1();
        long acc0 = 0;
        long acc1 = 0;
        for (int i = (pairs ? coefficients.length / 2 : coefficients.length) - 1; i >= 0; i--) {
            long c0 = pairs ? coefficients[2 * i] : coefficients[i];
            long c1 = pairs ? coefficients[2 * i + 1] : 0;
            long t0 = Goldilocks.add(Ext2Arrays.mulC0(acc0, acc1, x0, x1), c0);
            acc1 = Goldilocks.add(Ext2Arrays.mulC1(acc0, acc1, x0, x1), c1);
            acc0 = t0;
        }
        return new Ext2(acc0, acc1);
    }

    static void requirePairs(long[] pairs) {
        if ((pairs.length & 1) != 0) {
            throw new IllegalArgumentException("flat extension pairs need an even length, got " + pairs.length);
        }
    }
}
