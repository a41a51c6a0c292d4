package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.poly.BitReversal;
import java.util.stream.IntStream;

/**
 * FRI folding on codewords of extension elements stored as flat pairs (c0, c1) in bit-reversed order.
 *
 * <p>Folding by 2^a at β maps f(X) = Σ_{r<2^a} X^r·g_r(X^(2^a)) to Σ_r β^r·g_r(Y). On one coset x0·⟨η⟩ this is the
 * value at β of the polynomial of degree < 2^a that interpolates the coset's values, after the substitution
 * X = x0·Z. It is computed as a chain of a 2-folds at β, β², β⁴, …, each pairing the points x and −x, which sit next
 * to each other in bit-reversed order: f'(x²) = (f(x) + f(−x))/2 + β·(f(x) − f(−x))/(2x). The prover and the verifier
 * fold with the same {@link #foldCoset} routine.
 */
public final class FriFolding {
    /** ETA_INV_REV[a][i] = η_a^(−rev_{a−1}(i)), with η_a the primitive 2^a-th root of unity. */
    private static final long[][] ETA_INV_REV = new long[FriConfig.MAX_ARITY_BITS + 1][];
    /** 2^(−a). */
    private static final long[] TWO_INV_POW = new long[FriConfig.MAX_ARITY_BITS + 1];

    static {
        long twoInv = Goldilocks.inverse(2);
        TWO_INV_POW[0] = 1;
        for (int a = 1; a <= FriConfig.MAX_ARITY_BITS; a++) {
            TWO_INV_POW[a] = Goldilocks.mul(TWO_INV_POW[a - 1], twoInv);
            long etaInv = Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(a));
            long[] table = new long[1 << (a - 1)];
            for (int i = 0; i < table.length; i++) {
                table[i] = Goldilocks.exp(etaInv, BitReversal.reverse(i, a - 1));
            }
            ETA_INV_REV[a] = table;
        }
    }

    private FriFolding() {}

    /** Scratch space for {@link #foldCoset}: one per thread. */
    static final class Scratch {
        final long[] values = new long[2 << FriConfig.MAX_ARITY_BITS];
        final long[] xInv = new long[1 << FriConfig.MAX_ARITY_BITS];
    }

    /**
     * Folds one coset at β and returns the folded value.
     *
     * @param values flat pairs; the coset's 2^arityBits values start at pair index {@code pairOffset}
     * @param x0Inv the inverse of the coset's first point x0 (the point of its first bit-reversed position)
     */
    public static Ext2 foldCoset(long[] values, int pairOffset, int arityBits, long x0Inv, Ext2 beta) {
        long[] out = new long[2];
        foldCoset(values, pairOffset, arityBits, x0Inv, beta.c0(), beta.c1(), out, 0, new Scratch());
        return new Ext2(out[0], out[1]);
    }

    static void foldCoset(
            long[] values,
            int pairOffset,
            int arityBits,
            long x0Inv,
            long beta0,
            long beta1,
            long[] out,
            int outPair,
            Scratch scratch) {
        if (arityBits < 1 || arityBits > FriConfig.MAX_ARITY_BITS) {
            throw new IllegalArgumentException("arity bits must be in [1, 4], got " + arityBits);
        }
        long[] s = scratch.values;
        long[] t = scratch.xInv;
        int count = 1 << arityBits;
        System.arraycopy(values, 2 * pairOffset, s, 0, 2 * count);
        long[] etaInv = ETA_INV_REV[arityBits];
        // t[i] = 1/x_{2i}, the inverse of the first point of pair i: x0·η^rev_{a−1}(i)
        for (int i = 0; i < count / 2; i++) {
            t[i] = Goldilocks.mul(x0Inv, etaInv[i]);
        }
        long b0 = beta0;
        long b1 = beta1;
        while (count > 1) {
            int half = count / 2;
            for (int i = 0; i < half; i++) {
                long u0 = s[4 * i];
                long u1 = s[4 * i + 1];
                long v0 = s[4 * i + 2];
                long v1 = s[4 * i + 3];
                // d = (f(x) − f(−x))/x
                long d0 = Goldilocks.mul(Goldilocks.sub(u0, v0), t[i]);
                long d1 = Goldilocks.mul(Goldilocks.sub(u1, v1), t[i]);
                // 2·f'(x²) = (f(x) + f(−x)) + β·d, with β·d in F_p[X]/(X² − 7)
                long bd0 = Goldilocks.add(Goldilocks.mul(b0, d0), Goldilocks.mul(Ext2.W, Goldilocks.mul(b1, d1)));
                long bd1 = Goldilocks.add(Goldilocks.mul(b0, d1), Goldilocks.mul(b1, d0));
                s[2 * i] = Goldilocks.add(Goldilocks.add(u0, v0), bd0);
                s[2 * i + 1] = Goldilocks.add(Goldilocks.add(u1, v1), bd1);
            }
            // The next level's pairs start at the squares of every other first point.
            for (int i = 0; i < half / 2; i++) {
                t[i] = Goldilocks.square(t[2 * i]);
            }
            // β ← β²
            long nb0 = Goldilocks.add(Goldilocks.mul(b0, b0), Goldilocks.mul(Ext2.W, Goldilocks.mul(b1, b1)));
            long nb1 = Goldilocks.mul(Goldilocks.add(b0, b0), b1);
            b0 = nb0;
            b1 = nb1;
            count = half;
        }
        // Each level skipped its division by 2.
        out[2 * outPair] = Goldilocks.mul(s[0], TWO_INV_POW[arityBits]);
        out[2 * outPair + 1] = Goldilocks.mul(s[1], TWO_INV_POW[arityBits]);
    }

    /**
     * Folds a whole codeword of 2^logN values on shift·⟨ω_logN⟩ by 2^arityBits at β. The result has 2^(logN − a)
     * values on shift^(2^a)·⟨ω_(logN − a)⟩, also in bit-reversed order.
     */
    public static long[] foldCodeword(long[] codeword, int logN, long shift, int arityBits, Ext2 beta) {
        if (codeword.length != 2 << logN || arityBits > logN) {
            throw new IllegalArgumentException(
                    "codeword of " + codeword.length / 2 + " values cannot be folded as 2^" + logN + " by 2^" + arityBits);
        }
        int foldedBits = logN - arityBits;
        int cosets = 1 << foldedBits;
        // x0(m)^(−1) = shift^(−1)·ω_logN^(−rev_{logN−a}(m)): powers of ω^(−1) in natural order, read bit-reversed
        long[] rootInvPowers = powers(Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(logN)), Goldilocks.inverse(shift), cosets);
        long[] folded = new long[2 * cosets];
        long b0 = beta.c0();
        long b1 = beta.c1();
        int chunk = Math.max(1, Math.min(cosets, 1 << 10));
        IntStream.range(0, (cosets + chunk - 1) / chunk).parallel().forEach(c -> {
            Scratch scratch = new Scratch();
            int end = Math.min(cosets, (c + 1) * chunk);
            for (int m = c * chunk; m < end; m++) {
                long x0Inv = rootInvPowers[BitReversal.reverse(m, foldedBits)];
                foldCoset(codeword, m << arityBits, arityBits, x0Inv, b0, b1, folded, m, scratch);
            }
        });
        return folded;
    }

    /**
     * The first 2^coeffBits coefficients (flat pairs) of the polynomial interpolating a codeword of 2^logN values on
     * shift·⟨ω⟩ in bit-reversed order: c_j = shift^(−j)·2^(−logN)·Σ_k v_k·ω^(−jk). For a codeword of degree below
     * 2^coeffBits this is the whole polynomial; otherwise the higher coefficients are dropped.
     */
    public static long[] interpolate(long[] codeword, int logN, long shift, int coeffBits) {
        int n = 1 << logN;
        int k = 1 << coeffBits;
        if (codeword.length != 2 * n || coeffBits > logN) {
            throw new IllegalArgumentException(
                    "cannot take 2^" + coeffBits + " coefficients of a codeword of " + codeword.length / 2 + " values");
        }
        long rootInv = Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(logN));
        long[] rootInvPowers = powers(rootInv, 1, n);
        long nInv = Goldilocks.inverse(n);
        long shiftInv = Goldilocks.inverse(shift);
        long[] coeffs = new long[2 * k];
        long scale = nInv;
        for (int j = 0; j < k; j++) {
            long acc0 = 0;
            long acc1 = 0;
            for (int pos = 0; pos < n; pos++) {
                int natural = BitReversal.reverse(pos, logN);
                long w = rootInvPowers[(int) (((long) j * natural) & (n - 1))];
                acc0 = Goldilocks.add(acc0, Goldilocks.mul(codeword[2 * pos], w));
                acc1 = Goldilocks.add(acc1, Goldilocks.mul(codeword[2 * pos + 1], w));
            }
            coeffs[2 * j] = Goldilocks.mul(acc0, scale);
            coeffs[2 * j + 1] = Goldilocks.mul(acc1, scale);
            scale = Goldilocks.mul(scale, shiftInv);
        }
        return coeffs;
    }

    /** Evaluates a polynomial with flat-pair extension coefficients at a base-field point (Horner). */
    public static Ext2 evaluate(long[] coeffs, long x) {
        long r0 = 0;
        long r1 = 0;
        for (int j = coeffs.length / 2 - 1; j >= 0; j--) {
            r0 = Goldilocks.add(Goldilocks.mul(r0, x), coeffs[2 * j]);
            r1 = Goldilocks.add(Goldilocks.mul(r1, x), coeffs[2 * j + 1]);
        }
        return new Ext2(r0, r1);
    }

    /** scale·base^i for i < count. */
    static long[] powers(long base, long scale, int count) {
        long[] out = new long[count];
        long acc = Goldilocks.canonical(scale);
        for (int i = 0; i < count; i++) {
            out[i] = acc;
            acc = Goldilocks.mul(acc, base);
        }
        return out;
    }
}
