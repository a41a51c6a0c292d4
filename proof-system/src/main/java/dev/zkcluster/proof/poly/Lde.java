package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.parallel.ParallelRange;
import java.util.concurrent.ForkJoinPool;

/**
 * Low-degree extension onto a coset: from a polynomial of degree < n = 2^logN, its values at
 * shift·ω_N^0..shift·ω_N^(N−1) in natural order, where N = n·2^rateBits and ω_N =
 * {@link Goldilocks#primitiveRootOfUnity(int) primitiveRootOfUnity(logN + rateBits)}.
 */
public final class Lde {
    public static final int DEFAULT_RATE_BITS = 3;
    public static final long DEFAULT_SHIFT = Goldilocks.GENERATOR;

    private Lde() {}

    /** The LDE with shift 7 and rate bits 3, on the calling thread. */
    public static long[] fromCoefficients(long[] coefficients) {
        return fromCoefficients(coefficients, DEFAULT_RATE_BITS, DEFAULT_SHIFT);
    }

    /** The LDE of the polynomial with these coefficients (lowest degree first), on the calling thread. */
    public static long[] fromCoefficients(long[] coefficients, int rateBits, long shift) {
        long[] out = scaledAndPadded(coefficients, rateBits, shift);
        Ntt.forwardZeroPadded(out, rateBits);
        return out;
    }

    /** The LDE with shift 7 and rate bits 3 of the polynomial with these values on the subgroup. */
    public static long[] fromValues(long[] values) {
        return fromValues(values, DEFAULT_RATE_BITS, DEFAULT_SHIFT);
    }

    /** The LDE of the polynomial that takes these values at ω_n^0..ω_n^(n−1), on the calling thread. */
    public static long[] fromValues(long[] values, int rateBits, long shift) {
        long[] coefficients = values.clone();
        Ntt.inverse(coefficients);
        return fromCoefficients(coefficients, rateBits, shift);
    }

    /** The LDE of every column of coefficients with shift 7 and rate bits 3, in parallel on the common pool. */
    public static long[][] fromCoefficients(long[][] columns) {
        return fromCoefficients(columns, DEFAULT_RATE_BITS, DEFAULT_SHIFT, ForkJoinPool.commonPool());
    }

    /** The LDE of every column of coefficients, in parallel on the pool. The input is left unchanged. */
    public static long[][] fromCoefficients(long[][] columns, int rateBits, long shift, ForkJoinPool pool) {
        long[][] out = new long[columns.length][];
        ParallelRange.forEach(pool, 0, columns.length, 1, (from, to) -> {
            for (int c = from; c < to; c++) {
                out[c] = scaledAndPadded(columns[c], rateBits, shift);
            }
        });
        Ntt.forwardZeroPadded(out, rateBits, pool);
        return out;
    }

    /** The LDE of every column of values on the subgroup, in parallel on the pool. The input is left unchanged. */
    public static long[][] fromValues(long[][] columns, int rateBits, long shift, ForkJoinPool pool) {
        long[][] coefficients = new long[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            coefficients[c] = columns[c].clone();
        }
        Ntt.inverseColumns(coefficients, pool);
        return fromCoefficients(coefficients, rateBits, shift, pool);
    }

    // f(shift·x) = Σ (c_i·shift^i)·x^i, so the coset values are the plain transform of the scaled coefficients.
    private static long[] scaledAndPadded(long[] coefficients, int rateBits, long shift) {
        int logN = Ntt.log2(coefficients.length);
        if (rateBits < 0 || logN + rateBits > Goldilocks.TWO_ADICITY || logN + rateBits > 30) {
            throw new IllegalArgumentException("no LDE of size 2^" + logN + " with rate bits " + rateBits);
        }
        long[] out = new long[coefficients.length << rateBits];
        long power = 1;
        for (int i = 0; i < coefficients.length; i++) {
            out[i] = Goldilocks.mul(coefficients[i], power);
            power = Goldilocks.mul(power, shift);
        }
        return out;
    }
}
