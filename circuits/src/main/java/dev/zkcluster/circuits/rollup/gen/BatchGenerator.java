package dev.zkcluster.circuits.rollup.gen;

import dev.zkcluster.circuits.rollup.batch.AccountWitness;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.BatchHeader;
import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Makes valid batches, deterministically from a seed: funded accounts at random tree positions with random public
 * key hashes, then random deposits, transfers and withdrawals that each keep to the rules. The accounts witness
 * lists the touched accounts in index order, with paths against the pre-state root.
 */
public final class BatchGenerator {
    /** Timestamps count from this instant (2025-01-01, in Unix seconds) plus the batch number. */
    private static final long EPOCH = 1_735_689_600L;
    private static final long INITIAL_BALANCE_MIN = 1_000_000;
    private static final long INITIAL_BALANCE_SPREAD = 9_000_000;
    private static final long MAX_OP_AMOUNT = 1_000;

    private BatchGenerator() {}

    public static Batch generate(BatchSpec spec) {
        Random random = new Random(spec.seed());
        List<Long> indices = distinctIndices(random, spec.accounts());
        SparseMerkleTree tree = new SparseMerkleTree();
        AccountState[] states = new AccountState[spec.accounts()];
        for (int a = 0; a < states.length; a++) {
            Digest pubkeyHash = new Digest(element(random), element(random), element(random), element(random));
            states[a] = new AccountState(INITIAL_BALANCE_MIN + random.nextInt((int) INITIAL_BALANCE_SPREAD), 0,
                    pubkeyHash);
            tree.set(indices.get(a), states[a]);
        }
        AccountState[] initial = states.clone();
        Set<Integer> touched = new HashSet<>();

        List<Deposit> deposits = new ArrayList<>();
        for (int i = 0; i < spec.deposits(); i++) {
            int to = random.nextInt(states.length);
            long amount = 1 + random.nextInt((int) MAX_OP_AMOUNT);
            states[to] = states[to].withBalance(states[to].balance() + amount);
            touched.add(to);
            deposits.add(new Deposit(indices.get(to), amount));
        }
        List<Transfer> transfers = new ArrayList<>();
        for (int i = 0; i < spec.transfers(); i++) {
            int from = funded(random, states);
            int to = (from + 1 + random.nextInt(states.length - 1)) % states.length;
            long amount = 1 + random.nextInt((int) Math.min(states[from].balance(), MAX_OP_AMOUNT));
            transfers.add(new Transfer(indices.get(from), indices.get(to), amount, states[from].nonce()));
            states[from] = states[from].withBalanceAndNonce(states[from].balance() - amount, states[from].nonce() + 1);
            states[to] = states[to].withBalance(states[to].balance() + amount);
            touched.add(from);
            touched.add(to);
        }
        List<Withdrawal> withdrawals = new ArrayList<>();
        for (int i = 0; i < spec.withdrawals(); i++) {
            int from = funded(random, states);
            long amount = 1 + random.nextInt((int) Math.min(states[from].balance(), MAX_OP_AMOUNT));
            byte[] address = new byte[Withdrawal.ADDRESS_BYTES];
            random.nextBytes(address);
            withdrawals.add(new Withdrawal(indices.get(from), amount, states[from].nonce(), address));
            states[from] = states[from].withBalanceAndNonce(states[from].balance() - amount, states[from].nonce() + 1);
            touched.add(from);
        }

        List<AccountWitness> witness = new ArrayList<>();
        for (int a : new TreeSet<>(touched)) {
            long index = indices.get(a);
            AccountState s = initial[a];
            witness.add(new AccountWitness(index, s.balance(), s.nonce(), s.pubkeyHash(), tree.path(index)));
        }
        witness.sort((x, y) -> Long.compare(x.index(), y.index()));
        BatchHeader header = new BatchHeader(spec.batchNumber(), spec.protocolVersion(), tree.root(),
                EPOCH + spec.batchNumber());
        return new Batch(header, deposits, transfers, withdrawals, witness);
    }

    private static List<Long> distinctIndices(Random random, int count) {
        Set<Long> seen = new HashSet<>();
        List<Long> out = new ArrayList<>(count);
        while (out.size() < count) {
            long index = random.nextLong() >>> SparseMerkleTree.DEPTH;
            if (seen.add(index)) {
                out.add(index);
            }
        }
        return out;
    }

    private static long element(Random random) {
        return Long.remainderUnsigned(random.nextLong(), Goldilocks.P);
    }

    // a random account with a positive balance: scans on from a random start, so a drained account is skipped
    private static int funded(Random random, AccountState[] states) {
        int start = random.nextInt(states.length);
        for (int k = 0; k < states.length; k++) {
            int a = (start + k) % states.length;
            if (states[a].balance() > 0) {
                return a;
            }
        }
        throw new IllegalStateException("no funded account left to send from");
    }
}
