package dev.zkcluster.circuits.rollup.batch;

/** The three kinds of rollup operation, each proven by its own basic circuit, in execution order. */
public enum OpKind {
    DEPOSIT("deposit", "deposits", 0),
    TRANSFER("transfer", "transfers", 1),
    WITHDRAWAL("withdrawal", "withdrawals", 2);

    private final String circuitId;
    private final String listName;
    private final long tag;

    OpKind(String circuitId, String listName, long tag) {
        this.circuitId = circuitId;
        this.listName = listName;
        this.tag = tag;
    }

    /** The basic circuit's id, as jobs and prover groups name it. */
    public String circuitId() {
        return circuitId;
    }

    /** The name of the op list in the batch input, as errors name it. */
    public String listName() {
        return listName;
    }

    /** The first element of every op encoding of this kind. */
    public long tag() {
        return tag;
    }
}
