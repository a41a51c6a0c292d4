package dev.zkcluster.proof.merkle;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.parallel.ParallelRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;

/**
 * A Merkle tree over rows: leaf i is {@code hashNoPad(row i)}, and a parent is {@code twoToOne(left, right)}.
 * The tree is committed to by its cap, the 2^h digests at height h below the root.
 *
 * <p>The number of leaves must be a power of two. If the tree has fewer than 2^h leaves, the cap height is
 * clamped to log2(leaves): the cap is then the leaf digests themselves and proofs are empty.
 *
 * <p>The tree keeps a reference to the rows or columns it was built from (no copy); they must not change
 * afterwards. Leaf hashing and each interior level run in parallel on the given ForkJoin pool.
 */
public final class MerkleTree {
    public static final int DEFAULT_CAP_HEIGHT = 4;

    // Below these many nodes a task runs sequentially; a leaf costs about width/8 permutations, a node one.
    private static final int LEAF_GRAIN = 64;
    private static final int NODE_GRAIN = 256;

    private final long[][] rows;
    private final long[][] columns;
    // the leaf width of a tree that keeps no leaf values (rows and columns both null)
    private final int width;
    private final int logLeaves;
    private final int capHeight;
    // levels[l] holds the (leaves >> l) digests of level l, 4 elements each; the last level is the cap.
    private final long[][] levels;

    private MerkleTree(long[][] rows, long[][] columns, int leaves, int capHeight, ForkJoinPool pool) {
        if (leaves <= 0 || (leaves & (leaves - 1)) != 0) {
            throw new IllegalArgumentException("a Merkle tree needs a power-of-two number of leaves, got " + leaves);
        }
        if (capHeight < 0) {
            throw new IllegalArgumentException("cap height must be non-negative, got " + capHeight);
        }
        Objects.requireNonNull(pool, "pool");
        this.rows = rows;
        this.columns = columns;
        this.width = rows != null ? rows[0].length : columns.length;
        this.logLeaves = Integer.numberOfTrailingZeros(leaves);
        this.capHeight = Math.min(capHeight, logLeaves);
        this.levels = new long[logLeaves - this.capHeight + 1][];
        levels[0] = new long[leaves * Digest.ELEMENTS];
        ParallelRange.forEach(pool, 0, leaves, LEAF_GRAIN, this::hashLeaves);
        for (int l = 1; l < levels.length; l++) {
            int nodes = leaves >> l;
            levels[l] = new long[nodes * Digest.ELEMENTS];
            long[] below = levels[l - 1];
            long[] out = levels[l];
            ParallelRange.forEach(pool, 0, nodes, NODE_GRAIN, (from, to) -> hashNodes(below, out, from, to));
        }
    }

    // A tree over digest levels computed elsewhere (a proving backend); the levels are checked for shape only.
    private MerkleTree(long[][] columns, int width, int leaves, long[][] levels) {
        this.rows = null;
        this.columns = columns;
        this.width = width;
        this.levels = levels;
        this.logLeaves = Integer.numberOfTrailingZeros(leaves);
        this.capHeight = logLeaves - (levels.length - 1);
    }

    /**
     * A tree over {@code columns} whose digests were already computed as {@link #digestLevels()} lays them out, for
     * instance by a proving backend. Only the shape of the levels is checked; the caller vouches for their values.
     */
    public static MerkleTree fromColumnsAndLevels(long[][] columns, long[][] levels) {
        if (columns.length == 0 || levels.length == 0) {
            throw new IllegalArgumentException("a Merkle tree needs at least one column and one level");
        }
        int leaves = columns[0].length;
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].length != leaves) {
                throw new IllegalArgumentException(
                        "column " + c + " has " + columns[c].length + " values, column 0 has " + leaves);
            }
        }
        checkLevels(leaves, levels);
        return new MerkleTree(columns, columns.length, leaves, levels);
    }

    /**
     * A tree that keeps its digest levels (as {@link #digestLevels()} lays them out) but not its leaf values, for a
     * holder that can produce the values of an opened leaf itself: it proves paths and gives its cap, but
     * {@link #leaf} is refused. Only the shape of the levels is checked.
     */
    public static MerkleTree fromLevels(int leafWidth, long[][] levels) {
        if (leafWidth <= 0 || levels.length == 0) {
            throw new IllegalArgumentException("a Merkle tree needs a positive leaf width and at least one level, got "
                    + leafWidth + " and " + levels.length);
        }
        int leaves = levels[0].length / Digest.ELEMENTS;
        checkLevels(leaves, levels);
        return new MerkleTree(null, leafWidth, leaves, levels);
    }

    private static void checkLevels(int leaves, long[][] levels) {
        if (leaves <= 0 || (leaves & (leaves - 1)) != 0) {
            throw new IllegalArgumentException("a Merkle tree needs a power-of-two number of leaves, got " + leaves);
        }
        int logLeaves = Integer.numberOfTrailingZeros(leaves);
        if (levels.length > logLeaves + 1) {
            throw new IllegalArgumentException(levels.length + " levels for a tree of 2^" + logLeaves + " leaves");
        }
        for (int l = 0; l < levels.length; l++) {
            if (levels[l].length != (leaves >> l) * Digest.ELEMENTS) {
                throw new IllegalArgumentException("level " + l + " has " + levels[l].length + " elements, expected "
                        + (leaves >> l) * Digest.ELEMENTS);
            }
        }
    }

    /**
     * The digest levels, leaves first: level l holds the (leaves >> l) digests of height l, 4 elements each, and the
     * last level is the cap. The arrays are the tree's own; do not change them.
     */
    public long[][] digestLevels() {
        return levels;
    }

    public static MerkleTree fromColumns(long[][] columns) {
        return fromColumns(columns, DEFAULT_CAP_HEIGHT, ForkJoinPool.commonPool());
    }

    public static MerkleTree fromColumns(long[][] columns, int capHeight) {
        return fromColumns(columns, capHeight, ForkJoinPool.commonPool());
    }

    /** A tree whose leaf i is the row (columns[0][i], columns[1][i], ...). All columns have the same length. */
    public static MerkleTree fromColumns(long[][] columns, int capHeight, ForkJoinPool pool) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a Merkle tree over columns needs at least one column");
        }
        int leaves = columns[0].length;
        for (int c = 1; c < columns.length; c++) {
            if (columns[c].length != leaves) {
                throw new IllegalArgumentException(
                        "column " + c + " has " + columns[c].length + " values, column 0 has " + leaves);
            }
        }
        return new MerkleTree(null, columns, leaves, capHeight, pool);
    }

    public static MerkleTree fromRows(long[][] rows) {
        return fromRows(rows, DEFAULT_CAP_HEIGHT, ForkJoinPool.commonPool());
    }

    public static MerkleTree fromRows(long[][] rows, int capHeight) {
        return fromRows(rows, capHeight, ForkJoinPool.commonPool());
    }

    /** A tree whose leaf i is rows[i]. All rows have the same length. */
    public static MerkleTree fromRows(long[][] rows, int capHeight, ForkJoinPool pool) {
        for (int r = 1; r < rows.length; r++) {
            if (rows[r].length != rows[0].length) {
                throw new IllegalArgumentException(
                        "row " + r + " has " + rows[r].length + " values, row 0 has " + rows[0].length);
            }
        }
        return new MerkleTree(rows, null, rows.length, capHeight, pool);
    }

    public int leafCount() {
        return 1 << logLeaves;
    }

    /** The number of values in each leaf. */
    public int leafWidth() {
        return width;
    }

    /** The cap height in use, after clamping to log2(leaves). */
    public int capHeight() {
        return capHeight;
    }

    public MerkleCap cap() {
        return new MerkleCap(digestsOf(levels[levels.length - 1]));
    }

    /** A copy of the values of leaf {@code index}; refused by a tree built {@link #fromLevels}. */
    public long[] leaf(int index) {
        Objects.checkIndex(index, leafCount());
        if (rows == null && columns == null) {
            throw new IllegalStateException("this tree keeps digests only, not its leaf values");
        }
        if (rows != null) {
            return rows[index].clone();
        }
        long[] row = new long[columns.length];
        gather(index, row);
        return row;
    }

    public Digest leafDigest(int index) {
        Objects.checkIndex(index, leafCount());
        return Digest.of(levels[0], index * Digest.ELEMENTS);
    }

    /** The siblings of leaf {@code index}'s path, from the leaf level up to the cap. */
    public MerkleProof prove(int index) {
        Objects.checkIndex(index, leafCount());
        List<Digest> siblings = new ArrayList<>(levels.length - 1);
        for (int l = 0; l < levels.length - 1; l++) {
            int sibling = (index >>> l) ^ 1;
            siblings.add(Digest.of(levels[l], sibling * Digest.ELEMENTS));
        }
        return new MerkleProof(siblings);
    }

    private void hashLeaves(int from, int to) {
        long[] state = new long[Poseidon2Hash.WIDTH];
        long[] out = levels[0];
        if (rows != null) {
            for (int i = from; i < to; i++) {
                long[] row = rows[i];
                Poseidon2Hash.hashNoPad(row, 0, row.length, out, i * Digest.ELEMENTS, state);
            }
            return;
        }
        long[] row = new long[columns.length];
        for (int i = from; i < to; i++) {
            gather(i, row);
            Poseidon2Hash.hashNoPad(row, 0, row.length, out, i * Digest.ELEMENTS, state);
        }
    }

    private void gather(int index, long[] row) {
        for (int c = 0; c < columns.length; c++) {
            row[c] = columns[c][index];
        }
    }

    private static void hashNodes(long[] below, long[] out, int from, int to) {
        long[] state = new long[Poseidon2Hash.WIDTH];
        for (int i = from; i < to; i++) {
            int left = 2 * i * Digest.ELEMENTS;
            Poseidon2Hash.twoToOne(below, left, left + Digest.ELEMENTS, out, i * Digest.ELEMENTS, state);
        }
    }

    private static List<Digest> digestsOf(long[] flat) {
        List<Digest> digests = new ArrayList<>(flat.length / Digest.ELEMENTS);
        for (int i = 0; i < flat.length; i += Digest.ELEMENTS) {
            digests.add(Digest.of(flat, i));
        }
        return digests;
    }
}
