package dev.zkcluster.circuits.rollup.aggregation;

import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;

/**
 * The shape of one protocol version's proof tree.
 *
 * @param capacity ops per basic (round-0) instance
 * @param fanIn children per leaf and node job
 * @param nodeDepths node (round-2) depths every kind goes through, so that the tip always verifies proofs of the
 *     same circuits and the protocol version has one final verifier key
 */
public record WorkloadConfig(int capacity, int fanIn, int nodeDepths) {
    public static final WorkloadConfig DEFAULT = new WorkloadConfig(64, 8, 1);

    public WorkloadConfig {
        if (capacity < 1 || fanIn < 1 || nodeDepths < 0) {
            throw new IllegalArgumentException("need capacity >= 1, fan-in >= 1 and node depths >= 0, got "
                    + capacity + ", " + fanIn + ", " + nodeDepths);
        }
    }

    /** The most ops of one kind the tree can hold: capacity · fanIn^(nodeDepths + 1). */
    public long maxOpsPerKind() {
        long max = capacity;
        for (int d = 0; d <= nodeDepths; d++) {
            max = Math.multiplyExact(max, fanIn);
        }
        return max;
    }

    /** The given limits, lowered where the tree cannot hold as many ops of a kind. */
    public ExecutorLimits limitsWithin(ExecutorLimits limits) {
        int cap = (int) Math.min(Integer.MAX_VALUE, maxOpsPerKind());
        return new ExecutorLimits(Math.min(cap, limits.maxDeposits()), Math.min(cap, limits.maxTransfers()),
                Math.min(cap, limits.maxWithdrawals()), limits.maxAccounts());
    }
}
