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

    /** What {@link #addWitness} found. */
    public enum WitnessFit {
        /** The path reaches the root and agrees with every node stored: it is added. */
        ADDED,
        /** The path does not reach the given root. */
        OTHER_ROOT,
        /** The path reaches the root but some node on it is already stored with another value. */
        CONTRADICTS
    }

    /**
     * Adds a leaf known from a witness path to this partial view, once the path is found to reach {@code root}: the
     * leaf, the path's siblings and the recomputed ancestors. Anything but {@link WitnessFit#ADDED} changes nothing.
     *
     * <p>Hashing stops where the path meets this tree: at the first level whose running node is stored here with the
     * same value and above which every sibling of the path is the tree's own node there. Every stored node's parent
     * is stored too and is the hash of its two children, so from that level up the path's ancestors are the tree's,
     * and the root it reaches is {@link #root()}. Paths of accounts that share a subtree cost one hash per level below
     * the subtree only.
     */
    public WitnessFit addWitness(Digest root, long index, Digest leafDigest, List<Digest> path) {
        long position = checkIndex(index);
        if (path.size() != DEPTH) {
            throw new IllegalArgumentException("a path has " + DEPTH + " siblings, got " + path.size());
        }
        // from level `shared` up, every sibling on the path is the tree's own node
        int shared = DEPTH;
        while (shared > 0 && path.get(shared - 1).equals(node(shared - 1, (position >>> (shared - 1)) ^ 1))) {
            shared--;
        }
        Digest[] ancestors = new Digest[DEPTH + 1];
        ancestors[0] = leafDigest;
        boolean agrees = true;
        int level = 0;
        for (; level < DEPTH; level++) {
            long here = position >>> level;
            Digest known = levels.get(level).get(here);
            if (level >= shared && ancestors[level].equals(known)) {
                break;
            }
            agrees &= (known == null || known.equals(ancestors[level])) && agrees(level, here ^ 1, path.get(level));
            ancestors[level + 1] = (here & 1) == 0
                    ? Poseidon2Hash.twoToOne(ancestors[level], path.get(level))
                    : Poseidon2Hash.twoToOne(path.get(level), ancestors[level]);
        }
        int met = level;
        Digest reached = met == DEPTH ? ancestors[DEPTH] : root();
        if (!reached.equals(root)) {
            return WitnessFit.OTHER_ROOT;
        }
        if (!agrees || (met == DEPTH && !agrees(DEPTH, 0, reached))) {
            return WitnessFit.CONTRADICTS;
        }
        for (int l = 0; l < met; l++) {
            long here = position >>> l;
            store(l, here, ancestors[l]);
            store(l, here ^ 1, path.get(l));
        }
        if (met == DEPTH) {
            store(DEPTH, 0, reached);
        }
        return WitnessFit.ADDED;
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
