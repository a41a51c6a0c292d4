package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.SplittableRandom;

/** Random extension-field polynomials and their codewords, for tests. */
final class FriTestPolynomials {
    private FriTestPolynomials() {}

    /** {@code count} random coefficients as flat pairs. */
    static long[] randomCoefficients(SplittableRandom rng, int count) {
        long[] coeffs = new long[2 * count];
        for (int i = 0; i < coeffs.length; i++) {
            coeffs[i] = Goldilocks.canonical(rng.nextLong());
        }
        return coeffs;
    }

    /** The values of the polynomial on shift·⟨ω_logN⟩ in bit-reversed order, by Horner at every point. */
    static long[] codeword(long[] coeffs, int logN, long shift) {
        int n = 1 << logN;
        long[] out = new long[2 * n];
        long root = FriDomain.rootOfUnity(logN);
        long x = shift;
        for (int k = 0; k < n; k++) {
            var v = FriFolding.evaluate(coeffs, x);
            int pos = FriDomain.reverseBits(k, logN);
            out[2 * pos] = v.c0();
            out[2 * pos + 1] = v.c1();
            x = Goldilocks.mul(x, root);
        }
        return out;
    }
}
