package dev.zkcluster.circuits.rollup.state;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;

/** The contents of one state-tree leaf. The all-zero account is the empty leaf. */
public record AccountState(long balance, long nonce, Digest pubkeyHash) {
    public static final AccountState EMPTY = new AccountState(0, 0, Digest.ZERO);
    /** Balances, amounts and nonces stay below 2^48, so that sums never wrap around the field. */
    public static final int VALUE_BITS = 48;
    public static final long VALUE_LIMIT = 1L << VALUE_BITS;

    public boolean isEmpty() {
        return balance == 0 && nonce == 0 && pubkeyHash.equals(Digest.ZERO);
    }

    /** The leaf encoding hashed into the tree: [balance, nonce, pk0, pk1, pk2, pk3]. */
    public long[] encode() {
        return new long[] {balance, nonce, pubkeyHash.e0(), pubkeyHash.e1(), pubkeyHash.e2(), pubkeyHash.e3()};
    }

    /** [0, 0, 0, 0] for the empty leaf, otherwise hashNoPad of the encoding. */
    public Digest leafDigest() {
        return isEmpty() ? Digest.ZERO : Poseidon2Hash.hashNoPad(encode());
    }

    public AccountState withBalance(long newBalance) {
        return new AccountState(newBalance, nonce, pubkeyHash);
    }

    public AccountState withBalanceAndNonce(long newBalance, long newNonce) {
        return new AccountState(newBalance, newNonce, pubkeyHash);
    }
}
