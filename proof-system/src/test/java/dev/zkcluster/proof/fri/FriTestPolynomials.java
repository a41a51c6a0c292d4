package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Lde;
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
        long root = Goldilocks.primitiveRootOfUnity(logN);
        long x = shift;
        for (int k = 0; k < n; k++) {
            var v = FriFolding.evaluate(coeffs, x);
            int pos = BitReversal.reverse(k, logN);
            out[2 * pos] = v.c0();
            out[2 * pos + 1] = v.c1();
            x = Goldilocks.mul(x, root);
        }
        return out;
    }

    /**
     * The codeword FRI commits to: the LDE with blowup 2^rateBits on the coset 7·⟨ω⟩, bit-reversed, as flat pairs.
     * The number of coefficient pairs must be a power of two.
     */
    static long[] lde(long[] coeffs, int rateBits) {
        int n = coeffs.length / 2;
        long[] c0 = new long[n];
        long[] c1 = new long[n];
        for (int i = 0; i < n; i++) {
            c0[i] = coeffs[2 * i];
            c1[i] = coeffs[2 * i + 1];
        }
        long[] v0 = Lde.fromCoefficients(c0, rateBits, FriDomain.SHIFT);
        long[] v1 = Lde.fromCoefficients(c1, rateBits, FriDomain.SHIFT);
        BitReversal.permute(v0);
        BitReversal.permute(v1);
        long[] out = new long[2 * v0.length];
        for (int i = 0; i < v0.length; i++) {
            out[2 * i] = v0[i];
            out[2 * i + 1] = v1[i];
        }
        return out;
    }
}
