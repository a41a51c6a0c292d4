package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.field.Goldilocks;

/**
 * Per-stage twiddle factors for radix-2 transforms of every size up to 2^maxLog. Stage s (butterfly span
 * 2^(s−1)) holds w^0..w^(2^(s−1) − 1) for w a primitive 2^s-th root, contiguously at offset 2^(s−1) − 1. A stage's
 * table does not depend on the transform size, so one table serves every smaller size too.
 */
final class Twiddles {
    private static final int MIN_LOG = 16;
    private static volatile Twiddles cached;

    final int maxLog;
    final long[] forward;
    final long[] inverse;

    private Twiddles(int maxLog) {
        this.maxLog = maxLog;
        this.forward = build(maxLog, Goldilocks.primitiveRootOfUnity(maxLog));
        this.inverse = build(maxLog, Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(maxLog)));
    }

    static Twiddles upTo(int logN) {
        Twiddles t = cached;
        if (t != null && t.maxLog >= logN) {
            return t;
        }
        synchronized (Twiddles.class) {
            t = cached;
            if (t == null || t.maxLog < logN) {
                t = new Twiddles(Math.max(logN, MIN_LOG));
                cached = t;
            }
            return t;
        }
    }

    static int offset(int stage) {
        return (1 << (stage - 1)) - 1;
    }

    private static long[] build(int maxLog, long root) {
        long[] table = new long[(1 << maxLog) - 1];
        int top = offset(maxLog);
        int half = 1 << (maxLog - 1);
        long acc = 1;
        for (int j = 0; j < half; j++) {
            table[top + j] = acc;
            acc = Goldilocks.mul(acc, root);
        }
        // A primitive 2^s-th root is the square of a primitive 2^(s+1)-th one: stage s takes every other entry.
        for (int s = maxLog - 1; s >= 1; s--) {
            int dst = offset(s);
            int src = offset(s + 1);
            for (int j = 0, h = 1 << (s - 1); j < h; j++) {
                table[dst + j] = table[src + 2 * j];
            }
        }
        return table;
    }
}
