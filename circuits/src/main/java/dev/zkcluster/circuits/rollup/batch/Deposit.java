package dev.zkcluster.circuits.rollup.batch;

/** An L1 → L2 priority operation: balance[to] += amount. */
public record Deposit(long to, long amount) {
    /** [0, to, amount]. */
    public long[] encode() {
        return new long[] {OpKind.DEPOSIT.tag(), to, amount};
    }
}
