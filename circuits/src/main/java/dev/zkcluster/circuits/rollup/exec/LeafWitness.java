package dev.zkcluster.circuits.rollup.exec;

import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.proof.hash.Digest;
import java.util.List;

/** A leaf as one op finds it, and its 32-sibling path against the root at that moment. */
public record LeafWitness(long index, AccountState before, List<Digest> path) {
    public LeafWitness {
        path = List.copyOf(path);
    }
}
