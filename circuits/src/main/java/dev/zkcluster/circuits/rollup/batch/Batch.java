package dev.zkcluster.circuits.rollup.batch;

import java.util.List;

/** A batch as the executor reads it: its ops in execution order per kind, and the pre-state witness. */
public record Batch(
        BatchHeader header,
        List<Deposit> deposits,
        List<Transfer> transfers,
        List<Withdrawal> withdrawals,
        List<AccountWitness> accounts) {
    public Batch {
        deposits = List.copyOf(deposits);
        transfers = List.copyOf(transfers);
        withdrawals = List.copyOf(withdrawals);
        accounts = List.copyOf(accounts);
    }
}
