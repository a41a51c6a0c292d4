package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.parallel.ParallelRange;
import java.util.concurrent.ForkJoinPool;

/** The in-place permutation that swaps index i with its logN-bit reversal, for arrays of length 2^logN. */
public final class BitReversal {
    // Indices split as (high, middle, low) with TILE_BITS-bit high and low parts: a tile of fixed middle bits
    // maps onto the tile of reversed middle bits, so both stay in cache while they are swapped.
    private static final int TILE_BITS = 5;
    private static final int TILED_MIN_LOG = 2 * TILE_BITS + 2;
    private static final int[] TILE_REV = new int[1 << TILE_BITS];

    static {
        for (int i = 0; i < TILE_REV.length; i++) {
            TILE_REV[i] = reverse(i, TILE_BITS);
        }
    }

    private BitReversal() {}

    /** i with its low logN bits reversed; logN = 0 gives 0. */
    public static int reverse(int i, int logN) {
        return logN == 0 ? 0 : Integer.reverse(i) >>> (32 - logN);
    }

    public static void permute(long[] values) {
        int logN = Ntt.log2(values.length);
        if (logN < TILED_MIN_LOG) {
            permuteSimple(values, logN);
        } else {
            permuteTiles(values, logN, 0, 1 << (logN - 2 * TILE_BITS));
        }
    }

    /** The same permutation, with tiles shared out across the pool. */
    public static void permute(long[] values, ForkJoinPool pool) {
        int logN = Ntt.log2(values.length);
        if (logN < TILED_MIN_LOG) {
            permuteSimple(values, logN);
        } else {
            int middles = 1 << (logN - 2 * TILE_BITS);
            ParallelRange.forEach(pool, 0, middles, Math.max(1, middles / 64),
                    (from, to) -> permuteTiles(values, logN, from, to));
        }
    }

    private static void permuteSimple(long[] a, int logN) {
        for (int i = 0; i < a.length; i++) {
            int j = reverse(i, logN);
            if (i < j) {
                long t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }

    private static void permuteTiles(long[] a, int logN, int midFrom, int midTo) {
        int midBits = logN - 2 * TILE_BITS;
        int highShift = midBits + TILE_BITS;
        int side = 1 << TILE_BITS;
        for (int mid = midFrom; mid < midTo; mid++) {
            int revMid = reverse(mid, midBits);
            // Each pair of distinct tiles is swapped once, from the smaller middle; a self-paired tile swaps i < j.
            if (revMid < mid) {
                continue;
            }
            boolean self = revMid == mid;
            int base = mid << TILE_BITS;
            int revBase = revMid << TILE_BITS;
            for (int hi = 0; hi < side; hi++) {
                int rowI = (hi << highShift) | base;
                int colJ = TILE_REV[hi];
                for (int lo = 0; lo < side; lo++) {
                    int i = rowI | lo;
                    int j = (TILE_REV[lo] << highShift) | revBase | colJ;
                    if (!self || i < j) {
                        long t = a[i];
                        a[i] = a[j];
                        a[j] = t;
                    }
                }
            }
        }
    }
}
