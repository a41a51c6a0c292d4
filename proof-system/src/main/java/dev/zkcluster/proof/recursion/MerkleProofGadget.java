package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * In-circuit {@code MerkleProof.verify}: the running digest climbs the sibling path, each level ordered by one index
 * bit (a conditional swap), and the top index bits pick the cap entry it must equal.
 */
public final class MerkleProofGadget {
    private static final long MINUS_ONE = Goldilocks.neg(1);

    private MerkleProofGadget() {}

    /**
     * The node reached from {@code leaf} by hashing up through {@code siblings}, level by level: the little-endian
     * {@code indexBits} (already constrained boolean; only the first {@code siblings.size()} are read) say at each
     * level whether the running node is the right child.
     */
    public static List<Target> rootFromPath(CircuitBuilder b, List<Target> leaf, List<Target> indexBits,
            List<List<Target>> siblings) {
        List<Target> current = leaf;
        for (int level = 0; level < siblings.size(); level++) {
            Target bit = indexBits.get(level);
            List<Target> sibling = siblings.get(level);
            List<Target> left = new ArrayList<>(Digest.ELEMENTS);
            List<Target> right = new ArrayList<>(Digest.ELEMENTS);
            for (int e = 0; e < Digest.ELEMENTS; e++) {
                // bit = 0: (current, sibling); bit = 1: (sibling, current)
                Target diff = b.sub(sibling.get(e), current.get(e));
                left.add(b.mulAdd(bit, diff, current.get(e)));
                right.add(b.arithmetic(MINUS_ONE, bit, diff, 1, sibling.get(e)));
            }
            current = b.twoToOne(left, right);
        }
        return current;
    }

    /**
     * Constrains {@code leafDigest} to be the leaf at the index with little-endian {@code indexBits} (already
     * constrained boolean) of the tree committed to by {@code cap}. The bits above the path length choose the cap
     * entry, so the cap has 2^(indexBits − siblings) digests.
     */
    public static void verify(CircuitBuilder b, List<Target> leafDigest, List<Target> indexBits,
            List<List<Target>> cap, List<List<Target>> siblings) {
        int depth = siblings.size();
        int capBits = indexBits.size() - depth;
        if (capBits < 0 || cap.size() != 1 << capBits) {
            throw new IllegalArgumentException("a cap of " + cap.size() + " digests does not fit " + indexBits.size()
                    + " index bits and a path of " + depth);
        }
        List<Target> current = rootFromPath(b, leafDigest, indexBits, siblings);
        if (capBits == 0) {
            for (int e = 0; e < Digest.ELEMENTS; e++) {
                b.assertEqual(current.get(e), cap.get(0).get(e));
            }
            return;
        }
        Target capIndex = ChallengeBits.recompose(b, indexBits.subList(depth, indexBits.size()));
        for (int e = 0; e < Digest.ELEMENTS; e++) {
            List<Target> column = new ArrayList<>(cap.size());
            for (List<Target> d : cap) {
                column.add(d.get(e));
            }
            b.assertEqual(b.randomAccess(capIndex, column), current.get(e));
        }
    }
}
