package dev.zkcluster.circuits.rollup.exec;

/** The largest batch intake accepts: ops per kind and accounts in the witness. */
public record ExecutorLimits(int maxDeposits, int maxTransfers, int maxWithdrawals, int maxAccounts) {
    /** Room for batches of a few thousand ops per kind; every touched account may appear once. */
    public static final ExecutorLimits DEFAULT = new ExecutorLimits(4096, 16384, 4096, 3 * 16384);

    public ExecutorLimits {
        if (maxDeposits < 0 || maxTransfers < 0 || maxWithdrawals < 0 || maxAccounts < 0) {
            throw new IllegalArgumentException("limits are not negative: " + maxDeposits + ", " + maxTransfers
                    + ", " + maxWithdrawals + ", " + maxAccounts);
        }
    }
}
