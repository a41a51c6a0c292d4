package dev.zkcluster.circuits.rollup.batch;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.List;

/** The running hash of one op list: h₀ = [0, 0, 0, 0], h ← twoToOne(h, hashNoPad(enc(op))). */
public final class OpsHash {
    private OpsHash() {}

    public static Digest append(Digest running, long[] encodedOp) {
        return Poseidon2Hash.twoToOne(running, Poseidon2Hash.hashNoPad(encodedOp));
    }

    public static Digest ofDeposits(List<Deposit> deposits) {
        Digest h = Digest.ZERO;
        for (Deposit d : deposits) {
            h = append(h, d.encode());
        }
        return h;
    }

    public static Digest ofTransfers(List<Transfer> transfers) {
        Digest h = Digest.ZERO;
        for (Transfer t : transfers) {
            h = append(h, t.encode());
        }
        return h;
    }

    public static Digest ofWithdrawals(List<Withdrawal> withdrawals) {
        Digest h = Digest.ZERO;
        for (Withdrawal w : withdrawals) {
            h = append(h, w.encode());
        }
        return h;
    }
}
