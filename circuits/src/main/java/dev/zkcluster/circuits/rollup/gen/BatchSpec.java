package dev.zkcluster.circuits.rollup.gen;

/** What {@link BatchGenerator} makes: a batch over {@code accounts} funded accounts, with the given op counts. */
public record BatchSpec(
        long batchNumber,
        String protocolVersion,
        int accounts,
        int deposits,
        int transfers,
        int withdrawals,
        long seed) {
    public BatchSpec {
        if (accounts < 1 || deposits < 0 || transfers < 0 || withdrawals < 0) {
            throw new IllegalArgumentException("a batch needs at least 1 account and no negative op count: "
                    + accounts + " accounts, " + deposits + " deposits, " + transfers + " transfers, "
                    + withdrawals + " withdrawals");
        }
        if (transfers > 0 && accounts < 2) {
            throw new IllegalArgumentException("transfers need at least 2 accounts, got " + accounts);
        }
    }
}
