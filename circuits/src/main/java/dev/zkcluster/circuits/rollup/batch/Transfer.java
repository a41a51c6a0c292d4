package dev.zkcluster.circuits.rollup.batch;

/** Moves amount from one account to another; nonce must equal the sender's current nonce. */
public record Transfer(long from, long to, long amount, long nonce) {
    /** [1, from, to, amount, nonce]. */
    public long[] encode() {
        return new long[] {OpKind.TRANSFER.tag(), from, to, amount, nonce};
    }
}
