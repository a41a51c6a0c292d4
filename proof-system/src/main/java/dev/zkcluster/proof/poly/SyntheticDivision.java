package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Ext2Arrays;
import dev.zkcluster.proof.field.Goldilocks;

/**
 * The opening quotient q = (f(X) − f(z))/(X − z) by synthetic division, coefficients lowest degree first. For f
 * of degree < n the quotient has n − 1 coefficients (none when n ≤ 1). Extension coefficients, in and out, are
 * flat pairs [c0, c1, c0, c1, ...].
 */
public final class SyntheticDivision {
    private SyntheticDivision() {}

    // q_(n−2) = c_(n−1) and q_(i−1) = c_i + z·q_i; the remainder c_0 + z·q_0 is f(z) and is dropped.

    /** The quotient for base coefficients and a base point. */
    public static long[] divideByLinear(long[] coefficients, long z) {
        int n = coefficients.length;
        long[] q = new long[Math.max(n - 1, 0)];
        long acc = 0;
        for (int i = n - 1; i >= 1; i--) {
            acc = Goldilocks.add(Goldilocks.mul(acc, z), coefficients[i]);
            q[i - 1] = acc;
        }
        return q;
    }

    /** The quotient, as flat pairs, for base coefficients and an extension point. */
    public static long[] divideByLinear(long[] coefficients, Ext2 z) {
        return divideExtension(coefficients, false, z);
    }

    /** The quotient, as flat pairs, for extension coefficients (flat pairs) and an extension point. */
    public static long[] divideByLinearPairs(long[] coefficientPairs, Ext2 z) {
        Horner.requirePairs(coefficientPairs);
        return divideExtension(coefficientPairs, true, z);
    }

    private static long[] divideExtension(long[] coefficients, boolean pairs, Ext2 z) {
        int n = pairs ? coefficients.length / 2 : coefficients.length;
        long[] q = new long[2 * Math.max(n - 1, 0)];
        long z0 = z.c0();
        long z1 = z.c1();
        long acc0 = 0;
        long acc1 = 0;
        for (int i = n - 1; i >= 1; i--) {
            long c0 = pairs ? coefficients[2 * i] : coefficients[i];
            long c1 = pairs ? coefficients[2 * i + 1] : 0;
            long t0 = Goldilocks.add(Ext2Arrays.mulC0(acc0, acc1, z0, z1), c0);
            acc1 = Goldilocks.add(Ext2Arrays.mulC1(acc0, acc1, z0, z1), c1);
            acc0 = t0;
            q[2 * (i - 1)] = acc0;
            q[2 * (i - 1) + 1] = acc1;
        }
        return q;
    }
}
