package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.merkle.MerkleProof;
import java.util.Objects;

/** One initial oracle's row at the query index (every committed polynomial's value there) and its Merkle path. */
public record FriOracleOpening(long[] row, MerkleProof proof) {
    public FriOracleOpening {
        row = row.clone();
        Objects.requireNonNull(proof, "proof");
    }
}
