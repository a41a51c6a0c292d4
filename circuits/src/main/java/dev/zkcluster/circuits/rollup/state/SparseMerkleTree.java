package dev.zkcluster.circuits.rollup.state;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The depth-32 state tree. Level 0 holds leaf digests, level 32 the root; node (level + 1, i) is
 * twoToOne(node(level, 2i), node(level, 2i + 1)). Only nodes that differ from the empty subtree of their level are
 * stored, so a tree with k leaves holds at most 33·k nodes.
 *
 * <p>A path lists the 32 sibling digests from the leaf level upward; bit i of the index set means the running node
 * is the right child at level i.
 *
 * <p>A tree can also be a partial view of a larger one: {@link #addWitness} stores a leaf together with its path's
 * siblings, after which that leaf can be read, updated and proven exactly as in the full tree.
 */
public final class SparseMerkleTree {
    public static final int DEPTH = 32;

    private static final Digest[] EMPTY = emptySubtrees();

    private final List<Map<Long, Digest>> levels = new ArrayList<>(DEPTH + 1);

    public SparseMerkleTree() {
        for (int level = 0; level <= DEPTH; level++) {
            levels.add(new HashMap<>());
        }
    }

    private static Digest[] emptySubtrees() {
        Digest[] empty = new Digest[DEPTH + 1];
        empty[0] = Digest.ZERO;
        for (int level = 0; level < DEPTH; level++) {
            empty[level + 1] = Poseidon2Hash.twoToOne(empty[level], empty[level]);
        }
        return empty;
    }

    /** The root of an empty subtree whose leaves are {@code level} levels below it. */
    public static Digest emptySubtree(int level) {
        return EMPTY[level];
    }

    public static boolean isValidIndex(long index) {
        return index >= 0 && index < 1L << DEPTH;
    }

    public Digest root() {
        return node(DEPTH, 0);
    }

    public Digest leaf(long index) {
        return node(0, checkIndex(index));
    }

    private Digest node(int level, long position) {
        return levels.get(level).getOrDefault(position, EMPTY[level]);
    }

    private void store(int level, long position, Digest digest) {
        if (digest.equals(EMPTY[level])) {
            levels.get(level).remove(position);
        } else {
            levels.get(level).put(position, digest);
        }
    }

    /** Sets the leaf digest at {@code index} and recomputes its ancestors. */
    public void setLeaf(long index, Digest leafDigest) {
        long position = checkIndex(index);
        Digest running = leafDigest;
        store(0, position, running);
        for (int level = 0; level < DEPTH; level++) {
            Digest sibling = node(level, position ^ 1);
            running = (position & 1) == 0
                    ? Poseidon2Hash.twoToOne(running, sibling)
                    : Poseidon2Hash.twoToOne(sibling, running);
            position >>>= 1;
            store(level + 1, position, running);
        }
    }

    public void set(long index, AccountState account) {
        setLeaf(index, account.leafDigest());
    }

    /** The 32 siblings of the leaf at {@code index}, leaf level first. */
    public List<Digest> path(long index) {
        long position = checkIndex(index);
        List<Digest> path = new ArrayList<>(DEPTH);
        for (int level = 0; level < DEPTH; level++) {
            path.add(node(level, position ^ 1));
            position >>>= 1;
        }
        return List.copyOf(path);
    }

    /** The root that {@code leafDigest} at {@code index} reaches through {@code path} (32 siblings). */
    public static Digest rootFromPath(long index, Digest leafDigest, List<Digest> path) {
        checkIndex(index);
        if (path.size() != DEPTH) {
            throw new IllegalArgumentException("a path has " + DEPTH + " siblings, got " + path.size());
        }
        Digest running = leafDigest;
        for (int level = 0; level < DEPTH; level++) {
            running = ((index >>> level) & 1) == 0
                    ? Poseidon2Hash.twoToOne(running, path.get(level))
                    : Poseidon2Hash.twoToOne(path.get(level), running);
        }
        return running;
    }

    public static boolean verifyPath(Digest root, long index, Digest leafDigest, List<Digest> path) {
        return path.size() == DEPTH && isValidIndex(index) && rootFromPath(index, leafDigest, path).equals(root);
    }

    /**
     * Adds a leaf known from a witness path to this partial view: the leaf, the path's siblings and the recomputed
     * ancestors. Returns false, changing nothing, when any of those nodes is already stored with another value, which
     * means the two paths cannot both belong to one tree.
     */
    public boolean addWitness(long index, Digest leafDigest, List<Digest> path) {
        long position = checkIndex(index);
        if (path.size() != DEPTH) {
            throw new IllegalArgumentException("a path has " + DEPTH + " siblings, got " + path.size());
        }
        Digest[] ancestors = new Digest[DEPTH + 1];
        ancestors[0] = leafDigest;
        for (int level = 0; level < DEPTH; level++) {
            long here = position >>> level;
            if (!agrees(level, here, ancestors[level]) || !agrees(level, here ^ 1, path.get(level))) {
                return false;
            }
            ancestors[level + 1] = (here & 1) == 0
                    ? Poseidon2Hash.twoToOne(ancestors[level], path.get(level))
                    : Poseidon2Hash.twoToOne(path.get(level), ancestors[level]);
        }
        for (int level = 0; level < DEPTH; level++) {
            long here = position >>> level;
            store(level, here, ancestors[level]);
            store(level, here ^ 1, path.get(level));
        }
        store(DEPTH, 0, ancestors[DEPTH]);
        return true;
    }

    // a node is free to take a value when nothing is known of it yet: not stored and not on a stored node's path
    private boolean agrees(int level, long position, Digest digest) {
        Digest known = levels.get(level).get(position);
        return known == null || known.equals(digest);
    }

    private static long checkIndex(long index) {
        if (!isValidIndex(index)) {
            throw new IllegalArgumentException("leaf index " + index + " is outside the depth-32 tree");
        }
        return index;
    }
}
