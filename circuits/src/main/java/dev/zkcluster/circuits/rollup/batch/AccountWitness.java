package dev.zkcluster.circuits.rollup.batch;

import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.proof.hash.Digest;
import java.util.List;

/** One pre-state leaf the batch touches, with its sibling path (leaf level first) against the previous root. */
public record AccountWitness(long index, long balance, long nonce, Digest pubkeyHash, List<Digest> path) {
    public AccountWitness {
        path = List.copyOf(path);
    }

    public AccountState state() {
        return new AccountState(balance, nonce, pubkeyHash);
    }
}
