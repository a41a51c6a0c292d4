package dev.zkcluster.proof.fri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FriFoldingTest {
    private static Ext2 randomExt(SplittableRandom rng) {
        return new Ext2(Goldilocks.canonical(rng.nextLong()), Goldilocks.canonical(rng.nextLong()));
    }

    // Σ_r β^r·g_r(Y), where f(X) = Σ_{r<arity} X^r·g_r(X^arity)
    private static long[] foldCoefficients(long[] coeffs, int arityBits, Ext2 beta) {
        int arity = 1 << arityBits;
        int n = coeffs.length / 2;
        long[] out = new long[2 * Math.max(1, n / arity)];
        Ext2 betaPow = Ext2.ONE;
        for (int r = 0; r < arity; r++) {
            for (int j = r; j < n; j += arity) {
                Ext2 term = betaPow.mul(new Ext2(coeffs[2 * j], coeffs[2 * j + 1]));
                int k = j / arity;
                Ext2 acc = new Ext2(out[2 * k], out[2 * k + 1]).add(term);
                out[2 * k] = acc.c0();
                out[2 * k + 1] = acc.c1();
            }
            betaPow = betaPow.mul(beta);
        }
        return out;
    }

    @Test
    void foldedCodewordIsTheCodewordOfTheFoldedPolynomialForEveryArity() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int arityBits = 1; arityBits <= FriConfig.MAX_ARITY_BITS; arityBits++) {
            int degreeBits = 6;
            int logN = degreeBits + 2;
            long[] coeffs = FriTestPolynomials.randomCoefficients(rng, 1 << degreeBits);
            Ext2 beta = randomExt(rng);
            long shift = FriDomain.SHIFT;
            long[] folded = FriFolding.foldCodeword(
                    FriTestPolynomials.codeword(coeffs, logN, shift), logN, shift, arityBits, beta);
            long[] expected = FriTestPolynomials.codeword(
                    foldCoefficients(coeffs, arityBits, beta),
                    logN - arityBits,
                    FriDomain.shiftAfter(shift, arityBits));
            assertArrayEquals(expected, folded, "arity 2^" + arityBits);
        }
    }

    @Test
    void foldCosetAgreesWithTheFoldedPolynomialAtTheCosetsPower() {
        SplittableRandom rng = new SplittableRandom(12);
        int logN = 9;
        int arityBits = 4;
        long[] coeffs = FriTestPolynomials.randomCoefficients(rng, 32);
        long[] codeword = FriTestPolynomials.codeword(coeffs, logN, FriDomain.SHIFT);
        Ext2 beta = randomExt(rng);
        long[] foldedCoeffs = foldCoefficients(coeffs, arityBits, beta);
        for (int m : new int[] {0, 1, 5, 31}) {
            long x0 = FriDomain.point(logN, FriDomain.SHIFT, m << arityBits);
            Ext2 value = FriFolding.foldCoset(codeword, m << arityBits, arityBits, Goldilocks.inverse(x0), beta);
            assertEquals(FriFolding.evaluate(foldedCoeffs, Goldilocks.exp(x0, 16)), value, "coset " + m);
        }
    }

    @Test
    void interpolateRecoversTheCoefficientsOfALowDegreeCodeword() {
        SplittableRandom rng = new SplittableRandom(13);
        long shift = FriDomain.shiftAfter(FriDomain.SHIFT, 5);
        long[] coeffs = FriTestPolynomials.randomCoefficients(rng, 32);
        long[] codeword = FriTestPolynomials.codeword(coeffs, 8, shift);
        assertArrayEquals(coeffs, FriFolding.interpolate(codeword, 8, shift, 5));
    }

    @Test
    void interpolateDropsTheHighCoefficientsOfATooHighDegreeCodeword() {
        SplittableRandom rng = new SplittableRandom(14);
        long[] coeffs = FriTestPolynomials.randomCoefficients(rng, 64);
        long[] codeword = FriTestPolynomials.codeword(coeffs, 8, FriDomain.SHIFT);
        assertArrayEquals(Arrays.copyOf(coeffs, 64), FriFolding.interpolate(codeword, 8, FriDomain.SHIFT, 5));
    }
}
