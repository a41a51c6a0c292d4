package dev.zkcluster.proof.plonk.algebra;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The constraint algebra over blocks of base-field values: a {@code long[]} holds one value per point of a block of
 * consecutive points (rows of the trace, or points of the coset LDE), and every operation is one tight loop over
 * the block.
 *
 * <p>Every block must hold canonical elements (the loaded columns and the results here are canonical), which lets
 * addition and subtraction skip reducing their inputs.
 *
 * <p>Results come from an arena of reusable buffers, so evaluating a gate allocates nothing once the arena has
 * grown to the gate's working set. {@link #reset()} hands every buffer back; values from before a reset must not
 * be read after it. Not thread-safe: use one instance per thread.
 */
public final class BlockAlgebra implements Algebra<long[]> {
    private final int blockSize;
    private final List<long[]> arena = new ArrayList<>();
    private int used;

    public BlockAlgebra(int blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        this.blockSize = blockSize;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Makes every buffer handed out so far available again. */
    public void reset() {
        used = 0;
    }

    /** A scratch buffer of the block size, valid until the next {@link #reset()}. Its contents are arbitrary. */
    public long[] allocate() {
        if (used == arena.size()) {
            arena.add(new long[blockSize]);
        }
        return arena.get(used++);
    }

    /** A buffer holding {@code src[from .. from + blockSize)}. */
    public long[] load(long[] src, int from) {
        long[] r = allocate();
        System.arraycopy(src, from, r, 0, blockSize);
        return r;
    }

    @Override
    public long[] add(long[] a, long[] b) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            r[i] = addCanonical(a[i], b[i]);
        }
        return r;
    }

    @Override
    public long[] sub(long[] a, long[] b) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            r[i] = subCanonical(a[i], b[i]);
        }
        return r;
    }

    @Override
    public long[] scaleAdd(long[] a, long c, long[] b) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            r[i] = addCanonical(Goldilocks.mul(a[i], c), b[i]);
        }
        return r;
    }

    @Override
    public long[] addConstant(long[] a, long c) {
        long[] r = allocate();
        long k = Goldilocks.canonical(c);
        for (int i = 0; i < blockSize; i++) {
            r[i] = addCanonical(a[i], k);
        }
        return r;
    }

    /** a + b for canonical a and b. */
    // with t = b + ε (no wrap, b < p), a + t carries exactly when a + b ≥ p
    public static long addCanonical(long a, long b) {
        long t = b + Goldilocks.EPSILON;
        long s = a + t;
        return Long.compareUnsigned(s, t) < 0 ? s : s - Goldilocks.EPSILON;
    }

    /** a − b for canonical a and b. */
    // a borrow took 2^64 ≡ ε, so adding p back is subtracting ε
    public static long subCanonical(long a, long b) {
        long d = a - b;
        return Long.compareUnsigned(a, b) < 0 ? d - Goldilocks.EPSILON : d;
    }

    @Override
    public long[] mul(long[] a, long[] b) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            r[i] = Goldilocks.mul(a[i], b[i]);
        }
        return r;
    }

    @Override
    public long[] constant(long c) {
        long[] r = allocate();
        Arrays.fill(r, Goldilocks.canonical(c));
        return r;
    }

    @Override
    public long[] scale(long[] a, long c) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            r[i] = Goldilocks.mul(a[i], c);
        }
        return r;
    }

    @Override
    public long[] mulAdd(long[] a, long[] b, long[] c) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            r[i] = addCanonical(Goldilocks.mul(a[i], b[i]), c[i]);
        }
        return r;
    }

    @Override
    public long[] pow7(long[] a) {
        long[] r = allocate();
        for (int i = 0; i < blockSize; i++) {
            long x = a[i];
            long x2 = Goldilocks.mul(x, x);
            long x3 = Goldilocks.mul(x2, x);
            r[i] = Goldilocks.mul(Goldilocks.mul(x2, x2), x3);
        }
        return r;
    }
}
