package dev.zkcluster.proof.merkle;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.List;
import java.util.Objects;

/**
 * A Merkle opening: the sibling digests from the leaf level up to, but excluding, the cap. Entry l is the sibling
 * at level l; bit l of the leaf index says whether the running digest is the left (0) or right (1) input.
 */
public record MerkleProof(List<Digest> siblings) {
    public MerkleProof {
        siblings = List.copyOf(siblings);
    }

    /**
     * Whether {@code leafValues} is the leaf at {@code index} of a tree committed to by {@code cap}. The bits of
     * the index above the proof's length choose the cap entry. Bad data (a wrong value, index or sibling, an
     * index out of range) gives false; only null arguments throw.
     */
    public static boolean verify(long[] leafValues, int index, MerkleCap cap, MerkleProof proof) {
        Objects.requireNonNull(leafValues, "leafValues");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(proof, "proof");
        return verifyDigest(Poseidon2Hash.hashNoPad(leafValues), index, cap, proof);
    }

    /** As {@link #verify}, for a leaf whose hash the caller already holds. */
    public static boolean verifyDigest(Digest leafDigest, int index, MerkleCap cap, MerkleProof proof) {
        Objects.requireNonNull(leafDigest, "leafDigest");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(proof, "proof");
        int depth = proof.siblings.size();
        if (index < 0 || depth > Integer.SIZE - 1 || (index >>> depth) >= cap.size()) {
            return false;
        }
        Digest current = leafDigest;
        for (int level = 0; level < depth; level++) {
            Digest sibling = proof.siblings.get(level);
            current = ((index >>> level) & 1) == 0
                    ? Poseidon2Hash.twoToOne(current, sibling)
                    : Poseidon2Hash.twoToOne(sibling, current);
        }
        return current.equals(cap.get(index >>> depth));
    }
}
