package dev.zkcluster.proof.poly;

import static dev.zkcluster.proof.poly.LazyGoldilocks.add;
import static dev.zkcluster.proof.poly.LazyGoldilocks.canonical;
import static dev.zkcluster.proof.poly.LazyGoldilocks.mul;
import static dev.zkcluster.proof.poly.LazyGoldilocks.sub;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.parallel.ParallelRange;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

/**
 * Radix-2 number-theoretic transforms over Goldilocks, in place, natural order in and out.
 *
 * <p>{@code forward} maps the coefficients c of a polynomial of degree < n = 2^logN to its values at
 * ω^0..ω^(n−1), with ω = {@link Goldilocks#primitiveRootOfUnity(int) primitiveRootOfUnity(logN)};
 * {@code inverse} maps those values back. Inputs may be any 64-bit values; outputs are canonical. Columns of a
 * batch ({@code long[][]}, one polynomial per {@code long[]}) may differ in length.
 *
 * <p>The work is a bit-reversal permutation and then decimation-in-time stages, done depth-first: blocks of 2^12
 * run their first twelve stages while they sit in L1, later stages go in groups of four over blocks of 2^16 that
 * sit in L2, and passes over larger blocks fuse two stages (radix-4) to halve the trips to memory. Twiddle tables
 * are computed once for the largest size used so far and shared by all threads.
 */
public final class Ntt {
    /** Single transforms at least this long are split inside across the pool. */
    public static final int PARALLEL_MIN_LOG = 16;
    private static final int L1_BLOCK_LOG = 12;
    private static final int L2_BLOCK_LOG = 17;
    private static final int STAGES_PER_BLOCK = 4;

    private Ntt() {}

    /** Forward transform on the calling thread. */
    public static void forward(long[] values) {
        transform(values, false, null);
    }

    /** Inverse transform on the calling thread. */
    public static void inverse(long[] values) {
        transform(values, true, null);
    }

    /** Forward transform of one column, split across the pool when it is at least 2^{@value PARALLEL_MIN_LOG}. */
    public static void forward(long[] values, ForkJoinPool pool) {
        transform(values, false, pool);
    }

    public static void inverse(long[] values, ForkJoinPool pool) {
        transform(values, true, pool);
    }

    /** Forward transform of every column, in parallel on the common pool. */
    public static void forwardColumns(long[][] columns) {
        columns(columns, false, ForkJoinPool.commonPool());
    }

    public static void inverseColumns(long[][] columns) {
        columns(columns, true, ForkJoinPool.commonPool());
    }

    public static void forwardColumns(long[][] columns, ForkJoinPool pool) {
        columns(columns, false, pool);
    }

    public static void inverseColumns(long[][] columns, ForkJoinPool pool) {
        columns(columns, true, pool);
    }

    /** log2 of a length that must be a power of two. */
    static int log2(int n) {
        if (n <= 0 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("length must be a power of two, got " + n);
        }
        return Integer.numberOfTrailingZeros(n);
    }

    /**
     * Forward transform of columns whose entries from n/2^zeroBits on are zero, as in a low-degree extension: after
     * bit reversal each run of 2^zeroBits holds one non-zero value, so the first zeroBits stages only copy it.
     */
    static void forwardZeroPadded(long[][] columns, int zeroBits, ForkJoinPool pool) {
        columns(columns, false, pool, zeroBits);
    }

    /** The same for one column, on the calling thread. */
    static void forwardZeroPadded(long[] column, int zeroBits) {
        transform(column, false, null, zeroBits);
    }

    private static void columns(long[][] columns, boolean inverse, ForkJoinPool pool) {
        columns(columns, inverse, pool, 0);
    }

    private static void columns(long[][] columns, boolean inverse, ForkJoinPool pool, int zeroBits) {
        // With fewer columns than workers, each column is split inside instead.
        if (columns.length >= ParallelRange.threads(pool)) {
            ParallelRange.forEach(pool, 0, columns.length, 1, (from, to) -> {
                for (int c = from; c < to; c++) {
                    transform(columns[c], inverse, null, zeroBits);
                }
            });
        } else {
            for (long[] column : columns) {
                transform(column, inverse, pool, zeroBits);
            }
        }
    }

    private static void transform(long[] a, boolean inverse, ForkJoinPool pool) {
        transform(a, inverse, pool, 0);
    }

    /** pool == null runs on the calling thread. */
    private static void transform(long[] a, boolean inverse, ForkJoinPool pool, int zeroBits) {
        int logN = log2(a.length);
        if (logN > Goldilocks.TWO_ADICITY) {
            throw new IllegalArgumentException("no transform of size 2^" + logN);
        }
        boolean parallel = pool != null && logN >= PARALLEL_MIN_LOG && ParallelRange.threads(pool) > 1;
        Twiddles tables = Twiddles.upTo(logN);
        long[] tw = inverse ? tables.inverse : tables.forward;
        long scale = inverse ? Goldilocks.inverse(1L << logN) : 1;
        if (parallel) {
            BitReversal.permute(a, pool);
            if (zeroBits > 0) {
                ParallelRange.forEach(pool, 0, a.length, 1 << 14, (from, to) -> replicate(a, from, to, zeroBits));
            }
            stagesParallel(a, logN, zeroBits + 1, tw, pool);
            ParallelRange.forEach(pool, 0, a.length, 1 << 14, (from, to) -> finish(a, from, to, scale));
        } else {
            BitReversal.permute(a);
            replicate(a, 0, a.length, zeroBits);
            stages(a, logN, zeroBits + 1, tw);
            finish(a, 0, a.length, scale);
        }
    }

    // A stage whose pairs are (x, 0) maps them to (x, x): the skipped stages just spread each run's first value.
    private static void replicate(long[] a, int from, int to, int zeroBits) {
        int run = 1 << zeroBits;
        for (int k = from; k < to && run > 1; k += run) {
            Arrays.fill(a, k + 1, k + run, a[k]);
        }
    }

    private static void stages(long[] a, int logN, int firstStage, long[] tw) {
        int n = a.length;
        int first = Math.min(logN, L1_BLOCK_LOG);
        for (int k = 0; k < n && firstStage <= first; k += 1 << first) {
            blockStages(a, k, 1 << first, firstStage, first, tw);
        }
        for (int s0 = Math.max(first + 1, firstStage); s0 <= logN; s0 += STAGES_PER_BLOCK) {
            int s1 = Math.min(s0 + STAGES_PER_BLOCK - 1, logN);
            for (int k = 0; k < n; k += 1 << s1) {
                blockStages(a, k, 1 << s1, s0, s1, tw);
            }
        }
    }

    private static void stagesParallel(long[] a, int logN, int firstStage, long[] tw, ForkJoinPool pool) {
        int n = a.length;
        int first = Math.min(logN, L1_BLOCK_LOG);
        if (firstStage <= first) {
            ParallelRange.forEach(pool, 0, n >>> first, Math.max(1, (n >>> first) / 64), (from, to) -> {
                for (int b = from; b < to; b++) {
                    blockStages(a, b << first, 1 << first, firstStage, first, tw);
                }
            });
        }
        int tasks = 4 * ParallelRange.threads(pool);
        for (int s0 = Math.max(first + 1, firstStage); s0 <= logN; s0 += STAGES_PER_BLOCK) {
            int s1 = Math.min(s0 + STAGES_PER_BLOCK - 1, logN);
            int blocks = n >>> s1;
            int lowStage = s0;
            if (blocks >= tasks) {
                ParallelRange.forEach(pool, 0, blocks, 1, (from, to) -> {
                    for (int b = from; b < to; b++) {
                        blockStages(a, b << s1, 1 << s1, lowStage, s1, tw);
                    }
                });
            } else {
                // Few, large blocks: each pass is split by butterfly position j, across all blocks at once.
                int s = s0;
                for (; s + 1 <= s1; s += 2) {
                    int stage = s;
                    int quarter = 1 << (s - 1);
                    ParallelRange.forEach(pool, 0, quarter, Math.max(8, quarter / tasks),
                            (from, to) -> radix4(a, 0, n, stage, tw, from, to));
                }
                if (s == s1) {
                    int stage = s;
                    int half = 1 << (s - 1);
                    ParallelRange.forEach(pool, 0, half, Math.max(8, half / tasks),
                            (from, to) -> radix2(a, 0, n, stage, tw, from, to));
                }
            }
        }
    }

    /** Stages s0..s1 on [from, from + len), where every butterfly group of stage s1 lies inside the block. */
    private static void blockStages(long[] a, int from, int len, int s0, int s1, long[] tw) {
        int to = from + len;
        int s = s0;
        if (s == 1 && s1 >= 2) {
            firstTwoStages(a, from, to, tw[Twiddles.offset(2) + 1]);
            s = 3;
        }
        // In cache, plain radix-2 is faster (fused butterflies spill registers); beyond L2, fusing saves memory trips.
        for (; s + 1 <= s1 && len > (1 << L2_BLOCK_LOG); s += 2) {
            radix4(a, from, to, s, tw, 0, 1 << (s - 1));
        }
        for (; s <= s1; s++) {
            radix2(a, from, to, s, tw, 0, 1 << (s - 1));
        }
    }

    // Stages 1 and 2 together: twiddles are 1, except ω_4 for the second pair of stage 2.
    private static void firstTwoStages(long[] a, int from, int to, long w4) {
        for (int k = from; k < to; k += 4) {
            long x0 = a[k];
            long x1 = canonical(a[k + 1]);
            long x2 = a[k + 2];
            long x3 = canonical(a[k + 3]);
            long b0 = add(x0, x1);
            long b1 = sub(x0, x1);
            long b2 = canonical(add(x2, x3));
            long b3 = mul(sub(x2, x3), w4);
            a[k] = add(b0, b2);
            a[k + 2] = sub(b0, b2);
            a[k + 1] = add(b1, b3);
            a[k + 3] = sub(b1, b3);
        }
    }

    // One stage s: (u, v) → (u + w·v, u − w·v), span h = 2^(s−1), for positions j in [jFrom, jTo) of each group.
    private static void radix2(long[] a, int from, int to, int s, long[] tw, int jFrom, int jTo) {
        int h = 1 << (s - 1);
        int off = Twiddles.offset(s);
        int shift = off - h;
        for (int k = from; k < to; k += 2 * h) {
            int end = k + h + jTo;
            int twiddleFromHigh = shift - k;
            for (int i1 = k + h + jFrom; i1 < end; i1++) {
                long u = a[i1 - h];
                long v = mul(a[i1], tw[i1 + twiddleFromHigh]);
                a[i1 - h] = add(u, v);
                a[i1] = sub(u, v);
            }
        }
    }

    // Stages s and s+1 fused: four points at span q = 2^(s−1) go through both stages in registers.
    private static void radix4(long[] a, int from, int to, int s, long[] tw, int jFrom, int jTo) {
        int q = 1 << (s - 1);
        int offA = Twiddles.offset(s);
        int offB = Twiddles.offset(s + 1);
        for (int k = from; k < to; k += 4 * q) {
            for (int j = jFrom; j < jTo; j++) {
                int i0 = k + j;
                int i1 = i0 + q;
                int i2 = i1 + q;
                int i3 = i2 + q;
                long w1 = tw[offA + j];
                long x0 = a[i0];
                long v1 = mul(a[i1], w1);
                long x2 = a[i2];
                long v3 = mul(a[i3], w1);
                long b0 = add(x0, v1);
                long b1 = sub(x0, v1);
                long b2 = mul(add(x2, v3), tw[offB + j]);
                long b3 = mul(sub(x2, v3), tw[offB + j + q]);
                a[i0] = add(b0, b2);
                a[i2] = sub(b0, b2);
                a[i1] = add(b1, b3);
                a[i3] = sub(b1, b3);
            }
        }
    }

    private static void finish(long[] a, int from, int to, long scale) {
        if (scale == 1) {
            for (int i = from; i < to; i++) {
                a[i] = canonical(a[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                a[i] = mul(a[i], scale);
            }
        }
    }
}
