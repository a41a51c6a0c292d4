package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.merkle.MerkleProof;
import java.util.Objects;

/**
 * One reduction layer's leaf on a query path: the 2^arity values of the coset holding the query's point, as flat
 * extension pairs in bit-reversed order, and the leaf's Merkle path.
 */
public record FriLayerOpening(long[] values, MerkleProof proof) {
    public FriLayerOpening {
        values = values.clone();
        Objects.requireNonNull(proof, "proof");
    }
}
