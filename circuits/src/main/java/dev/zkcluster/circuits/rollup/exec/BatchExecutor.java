package dev.zkcluster.circuits.rollup.exec;

import static dev.zkcluster.circuits.rollup.state.AccountState.VALUE_LIMIT;

import dev.zkcluster.circuits.rollup.batch.AccountWitness;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.batch.OpsHash;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.exec.BatchViolation.Section;
import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree;
import dev.zkcluster.proof.hash.Digest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a batch against the rules and, when every op is valid, produces its public inputs, round-0 witnesses and job
 * plan. Checks run in a fixed order and the first violation ends execution: the limits, the header, each account of
 * the witness in list order, then all deposits, all transfers and all withdrawals, each in list order against the
 * state the earlier ops left.
 */
public final class BatchExecutor {
    private final ExecutorLimits limits;
    private final int capacity;

    /** {@code capacity} is the op count of one basic circuit instance. */
    public BatchExecutor(ExecutorLimits limits, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is at least 1, got " + capacity);
        }
        this.limits = limits;
        this.capacity = capacity;
    }

    public Execution execute(Batch batch) {
        try {
            return new Execution.Executed(new Run(batch, true).execute());
        } catch (Violation v) {
            return new Execution.Rejected(v.violation);
        }
    }

    /**
     * Applies every rule {@link #execute} applies, in the same order, and gives the same verdict: empty for a batch
     * {@code execute} runs, else the violation it names. It checks the accounts' paths against the previous root but
     * does not update the state tree after each op, so it computes no witnesses and no roots: a tenth of the hashing
     * or less, for a gateway that must refuse a bad batch at intake and leaves its witnesses to the witness
     * generator. A valid batch's job counts follow from its op counts ({@link JobPlan#forOpCounts}).
     */
    public Optional<BatchViolation> check(Batch batch) {
        try {
            new Run(batch, false).execute();
            return Optional.empty();
        } catch (Violation v) {
            return Optional.of(v.violation);
        }
    }

    // unwinds a run at its first violation; never escapes execute
    private static final class Violation extends RuntimeException {
        final BatchViolation violation;

        Violation(Section section, int index, String field, String detail) {
            super(null, null, false, false);
            this.violation = new BatchViolation(section, index, field, detail);
        }
    }

    private final class Run {
        private final Batch batch;
        // false: check the rules only, and keep the tree as the witness paths left it (no op updates it)
        private final boolean witnesses;
        private final SparseMerkleTree tree = new SparseMerkleTree();
        private final Map<Long, AccountState> accounts = new HashMap<>();
        private final Map<Long, Integer> witnessPosition = new HashMap<>();

        Run(Batch batch, boolean witnesses) {
            this.batch = batch;
            this.witnesses = witnesses;
        }

        // the executed batch, or null when only checking
        ExecutedBatch execute() {
            checkLimit(Section.DEPOSITS, batch.deposits().size(), limits.maxDeposits());
            checkLimit(Section.TRANSFERS, batch.transfers().size(), limits.maxTransfers());
            checkLimit(Section.WITHDRAWALS, batch.withdrawals().size(), limits.maxWithdrawals());
            checkLimit(Section.ACCOUNTS, batch.accounts().size(), limits.maxAccounts());
            if (batch.header().prevStateRoot() == null) {
                throw new Violation(Section.HEADER, -1, "prev_state_root", "missing");
            }
            Digest prevRoot = batch.header().prevStateRoot();
            for (int i = 0; i < batch.accounts().size(); i++) {
                addAccount(i, batch.accounts().get(i), prevRoot);
            }

            List<OpStep> deposits = new ArrayList<>();
            for (int i = 0; i < batch.deposits().size(); i++) {
                deposits.add(deposit(i, batch.deposits().get(i)));
            }
            Digest afterDeposits = tree.root();
            List<OpStep> transfers = new ArrayList<>();
            for (int i = 0; i < batch.transfers().size(); i++) {
                transfers.add(transfer(i, batch.transfers().get(i)));
            }
            Digest afterTransfers = tree.root();
            List<OpStep> withdrawals = new ArrayList<>();
            for (int i = 0; i < batch.withdrawals().size(); i++) {
                withdrawals.add(withdrawal(i, batch.withdrawals().get(i)));
            }
            if (!witnesses) {
                return null;
            }
            Digest newRoot = tree.root();

            Map<OpKind, List<BasicInstance>> instances = new EnumMap<>(OpKind.class);
            instances.put(OpKind.DEPOSIT, split(OpKind.DEPOSIT, deposits, prevRoot, afterDeposits));
            instances.put(OpKind.TRANSFER, split(OpKind.TRANSFER, transfers, afterDeposits, afterTransfers));
            instances.put(OpKind.WITHDRAWAL, split(OpKind.WITHDRAWAL, withdrawals, afterTransfers, newRoot));
            BatchPublicInputs publicInputs = new BatchPublicInputs(batch.header().batchNumber(), prevRoot, newRoot,
                    lastHash(instances.get(OpKind.DEPOSIT)), lastHash(instances.get(OpKind.TRANSFER)),
                    lastHash(instances.get(OpKind.WITHDRAWAL)));
            Map<OpKind, Integer> counts = Map.of(OpKind.DEPOSIT, deposits.size(), OpKind.TRANSFER, transfers.size(),
                    OpKind.WITHDRAWAL, withdrawals.size());
            return new ExecutedBatch(publicInputs, instances, JobPlan.forOpCounts(counts, capacity));
        }

        private void checkLimit(Section section, int size, int max) {
            if (size > max) {
                throw new Violation(section, -1, "", "at most " + max + " allowed, got " + size);
            }
        }

        private void addAccount(int i, AccountWitness a, Digest prevRoot) {
            if (!SparseMerkleTree.isValidIndex(a.index())) {
                throw new Violation(Section.ACCOUNTS, i, "index", "expected below 2^32, got " + a.index());
            }
            Integer earlier = witnessPosition.putIfAbsent(a.index(), i);
            if (earlier != null) {
                throw new Violation(Section.ACCOUNTS, i, "index",
                        "account " + a.index() + " appears again, first at accounts[" + earlier + "]");
            }
            checkValue(Section.ACCOUNTS, i, "balance", a.balance());
            checkValue(Section.ACCOUNTS, i, "nonce", a.nonce());
            if (a.pubkeyHash() == null) {
                throw new Violation(Section.ACCOUNTS, i, "pubkey_hash", "missing");
            }
            if (a.path().size() != SparseMerkleTree.DEPTH) {
                throw new Violation(Section.ACCOUNTS, i, "path",
                        "expected " + SparseMerkleTree.DEPTH + " digests, got " + a.path().size());
            }
            Digest leaf = a.state().leafDigest();
            switch (tree.addWitness(prevRoot, a.index(), leaf, a.path())) {
                case OTHER_ROOT -> throw new Violation(Section.ACCOUNTS, i, "path",
                        "the path of account " + a.index() + " does not reach prev_state_root");
                case CONTRADICTS -> throw new Violation(Section.ACCOUNTS, i, "path",
                        "the path of account " + a.index() + " contradicts an earlier account's path");
                case ADDED -> { }
            }
            accounts.put(a.index(), a.state());
        }

        private void checkValue(Section section, int i, String field, long value) {
            if (value < 0 || value >= VALUE_LIMIT) {
                throw new Violation(section, i, field, "expected below 2^48, got " + Long.toUnsignedString(value));
            }
        }

        private AccountState account(Section section, int i, String field, long index) {
            AccountState state = accounts.get(index);
            if (state == null) {
                throw new Violation(section, i, field, "account " + Long.toUnsignedString(index)
                        + " is not in accounts");
            }
            return state;
        }

        // the leaf's witness before the update (null when only checking: the ops then hold no witnesses)
        private LeafWitness update(long index, AccountState after) {
            if (!witnesses) {
                accounts.put(index, after);
                return null;
            }
            LeafWitness before = new LeafWitness(index, accounts.get(index), tree.path(index));
            accounts.put(index, after);
            tree.set(index, after);
            return before;
        }

        private void checkNonce(Section section, int i, AccountState sender, long nonce) {
            if (nonce != sender.nonce()) {
                throw new Violation(section, i, "nonce", "expected " + sender.nonce() + ", got "
                        + Long.toUnsignedString(nonce));
            }
            if (sender.nonce() + 1 >= VALUE_LIMIT) {
                throw new Violation(section, i, "nonce", "the next nonce would reach 2^48");
            }
        }

        private void checkDebit(Section section, int i, long from, AccountState sender, long amount) {
            checkValue(section, i, "amount", amount);
            if (amount < 1) {
                throw new Violation(section, i, "amount", "expected at least 1, got 0");
            }
            if (amount > sender.balance()) {
                throw new Violation(section, i, "amount", "expected at most the balance " + sender.balance()
                        + " of account " + from + ", got " + amount);
            }
        }

        private long credit(Section section, int i, long to, AccountState receiver, long amount) {
            long balance = receiver.balance() + amount;
            if (balance >= VALUE_LIMIT) {
                throw new Violation(section, i, "amount", "the balance " + receiver.balance() + " of account " + to
                        + " plus " + amount + " reaches 2^48");
            }
            return balance;
        }

        private OpStep deposit(int i, Deposit d) {
            AccountState receiver = account(Section.DEPOSITS, i, "to", d.to());
            checkValue(Section.DEPOSITS, i, "amount", d.amount());
            long balance = credit(Section.DEPOSITS, i, d.to(), receiver, d.amount());
            LeafWitness to = update(d.to(), receiver.withBalance(balance));
            return witnesses ? new OpStep.DepositStep(d, to) : null;
        }

        private OpStep transfer(int i, Transfer t) {
            AccountState sender = account(Section.TRANSFERS, i, "from", t.from());
            AccountState receiver = account(Section.TRANSFERS, i, "to", t.to());
            if (t.from() == t.to()) {
                throw new Violation(Section.TRANSFERS, i, "to", "expected another account than from (" + t.from()
                        + ")");
            }
            checkDebit(Section.TRANSFERS, i, t.from(), sender, t.amount());
            checkNonce(Section.TRANSFERS, i, sender, t.nonce());
            long credited = credit(Section.TRANSFERS, i, t.to(), receiver, t.amount());
            LeafWitness from = update(t.from(),
                    sender.withBalanceAndNonce(sender.balance() - t.amount(), sender.nonce() + 1));
            LeafWitness to = update(t.to(), receiver.withBalance(credited));
            return witnesses ? new OpStep.TransferStep(t, from, to) : null;
        }

        private OpStep withdrawal(int i, Withdrawal w) {
            AccountState sender = account(Section.WITHDRAWALS, i, "from", w.from());
            checkDebit(Section.WITHDRAWALS, i, w.from(), sender, w.amount());
            checkNonce(Section.WITHDRAWALS, i, sender, w.nonce());
            if (w.l1Address().length != Withdrawal.ADDRESS_BYTES) {
                throw new Violation(Section.WITHDRAWALS, i, "l1_address",
                        "expected " + Withdrawal.ADDRESS_BYTES + " bytes, got " + w.l1Address().length);
            }
            LeafWitness from = update(w.from(),
                    sender.withBalanceAndNonce(sender.balance() - w.amount(), sender.nonce() + 1));
            return witnesses ? new OpStep.WithdrawalStep(w, from) : null;
        }

        private List<BasicInstance> split(OpKind kind, List<OpStep> steps, Digest rootIn, Digest rootOut) {
            List<BasicInstance> out = new ArrayList<>();
            Digest root = rootIn;
            Digest hash = Digest.ZERO;
            int start = 0;
            do {
                List<OpStep> chunk = steps.subList(start, Math.min(steps.size(), start + capacity));
                Digest hashOut = hash;
                for (OpStep step : chunk) {
                    hashOut = OpsHash.append(hashOut, step.encode());
                }
                Digest next = chunk.isEmpty() ? root : rootAfter(steps, start + chunk.size(), rootOut);
                out.add(new BasicInstance(kind, out.size(), root, next, hash, hashOut, chunk));
                root = next;
                hash = hashOut;
                start += capacity;
            } while (start < steps.size());
            return out;
        }

        // the root after steps[0, end): the root before steps[end] when there is one, else the kind's final root
        private Digest rootAfter(List<OpStep> steps, int end, Digest rootOut) {
            if (end == steps.size()) {
                return rootOut;
            }
            LeafWitness first = steps.get(end).firstLeaf();
            return SparseMerkleTree.rootFromPath(first.index(), first.before().leafDigest(), first.path());
        }

        private Digest lastHash(List<BasicInstance> instances) {
            return instances.get(instances.size() - 1).opsHashOut();
        }
    }
}
