package dev.zkcluster.proof.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticDivisionTest {
    /** Checks q(X)·(X − z) + f(z) = f(X) coefficient by coefficient, all as extension pairs. */
    private static void assertQuotient(long[] fPairs, long[] qPairs, Ext2 z) {
        int n = fPairs.length / 2;
        assertEquals(2 * Math.max(n - 1, 0), qPairs.length);
        Ext2 fz = PolyTesting.naiveEvaluatePairs(fPairs, z);
        for (int i = 0; i < n; i++) {
            // coefficient i of q·(X − z) is q_(i−1) − z·q_i
            Ext2 below = i >= 1 ? Ext2.fromPairs(qPairs, i - 1) : Ext2.ZERO;
            Ext2 here = i < n - 1 ? Ext2.fromPairs(qPairs, i) : Ext2.ZERO;
            Ext2 product = below.sub(z.mul(here));
            Ext2 expected = Ext2.fromPairs(fPairs, i);
            assertEquals(expected, i == 0 ? product.add(fz) : product, "coefficient " + i + " of " + n);
        }
    }

    @Test
    void baseQuotientTimesLinearPlusValueIsPolynomial() {
        SplittableRandom rnd = new SplittableRandom(61);
        for (int n = 0; n < 40; n++) {
            long[] f = PolyTesting.randomLongs(rnd, n);
            long z = rnd.nextLong();
            long[] q = SyntheticDivision.divideByLinear(f, z);
            assertQuotient(PolyTesting.asPairs(f), PolyTesting.asPairs(q), Ext2.ofBase(z));
        }
    }

    @Test
    void baseQuotientVanishesRemainderAtRoot() {
        // f = (X − 3)(X − 5) = X² − 8X + 15 divides exactly: q = X − 5.
        long[] f = {15, Goldilocks.neg(8), 1};
        long[] q = SyntheticDivision.divideByLinear(f, 3);
        assertEquals(Goldilocks.neg(5), q[0]);
        assertEquals(1, q[1]);
    }

    @Test
    void baseCoefficientsByExtensionPointQuotientTimesLinearPlusValueIsPolynomial() {
        SplittableRandom rnd = new SplittableRandom(62);
        for (int n = 0; n < 40; n++) {
            long[] f = PolyTesting.randomLongs(rnd, n);
            Ext2 z = PolyTesting.randomExt(rnd);
            assertQuotient(PolyTesting.asPairs(f), SyntheticDivision.divideByLinear(f, z), z);
        }
    }

    @Test
    void extensionQuotientTimesLinearPlusValueIsPolynomial() {
        SplittableRandom rnd = new SplittableRandom(63);
        for (int n = 0; n < 40; n++) {
            long[] f = PolyTesting.randomLongs(rnd, 2 * n);
            Ext2 z = PolyTesting.randomExt(rnd);
            long[] canonical = f.clone();
            for (int i = 0; i < canonical.length; i++) {
                canonical[i] = Goldilocks.canonical(canonical[i]);
            }
            assertQuotient(canonical, SyntheticDivision.divideByLinearPairs(f, z), z);
        }
    }
}
