package dev.zkcluster.circuits.rollup.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.rollup.batch.AccountWitness;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.proof.hash.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link BatchExecutor#check} (the rules without witnesses, which intake runs) against {@link BatchExecutor#execute}
 * on generated batches with one random defect each: both must give the same verdict, down to the violation's field.
 */
class BatchCheckAgreementTest {
    private static final int CAPACITY = 4;

    @Test
    void checkGivesExecutesVerdictOnMutatedBatches() {
        Random random = new Random(20261125);
        int rejected = 0;
        for (int round = 0; round < 300; round++) {
            Batch valid = BatchGenerator.generate(new BatchSpec(round + 1, "0.1.0", 6, 4, 6, 3, round));
            Batch batch = mutate(valid, random);
            BatchExecutor executor = new BatchExecutor(ExecutorLimits.DEFAULT, CAPACITY);
            Execution execution = executor.execute(batch);
            Optional<BatchViolation> expected = execution instanceof Execution.Rejected r
                    ? Optional.of(r.violation()) : Optional.empty();
            assertEquals(expected, executor.check(batch), "round " + round);
            rejected += expected.isPresent() ? 1 : 0;
        }
        // the mutations mostly break a rule, and some leave the batch valid
        assertTrue(rejected > 150 && rejected < 300, rejected + " of 300 rejected");
    }

    private static Batch mutate(Batch b, Random random) {
        List<Deposit> deposits = new ArrayList<>(b.deposits());
        List<Transfer> transfers = new ArrayList<>(b.transfers());
        List<Withdrawal> withdrawals = new ArrayList<>(b.withdrawals());
        List<AccountWitness> accounts = new ArrayList<>(b.accounts());
        long big = random.nextBoolean() ? 1L << 48 : random.nextLong();
        switch (random.nextInt(9)) {
            case 0 -> {
                int i = random.nextInt(transfers.size());
                Transfer t = transfers.get(i);
                transfers.set(i, new Transfer(t.from(), t.to(), t.amount() + random.nextInt(3) * big, t.nonce()));
            }
            case 1 -> {
                int i = random.nextInt(transfers.size());
                Transfer t = transfers.get(i);
                transfers.set(i, new Transfer(t.from(), t.to(), t.amount(), t.nonce() + random.nextInt(2)));
            }
            case 2 -> {
                int i = random.nextInt(withdrawals.size());
                Withdrawal w = withdrawals.get(i);
                withdrawals.set(i, new Withdrawal(w.from(), random.nextBoolean() ? 0 : big, w.nonce(),
                        w.l1Address()));
            }
            case 3 -> {
                int i = random.nextInt(deposits.size());
                Deposit d = deposits.get(i);
                deposits.set(i, new Deposit(random.nextBoolean() ? d.to() ^ 1 : d.to(), d.amount() + big));
            }
            case 4 -> {
                int i = random.nextInt(accounts.size());
                AccountWitness a = accounts.get(i);
                List<Digest> path = new ArrayList<>(a.path());
                int level = random.nextInt(path.size());
                Digest d = path.get(level);
                path.set(level, new Digest(d.get(0) + 1, d.get(1), d.get(2), d.get(3)));
                accounts.set(i, new AccountWitness(a.index(), a.balance(), a.nonce(), a.pubkeyHash(), path));
            }
            case 5 -> {
                int i = random.nextInt(accounts.size());
                AccountWitness a = accounts.get(i);
                accounts.set(i, new AccountWitness(a.index(), a.balance() + random.nextInt(2), a.nonce(),
                        a.pubkeyHash(), a.path()));
            }
            case 6 -> accounts.remove(random.nextInt(accounts.size()));
            case 7 -> accounts.add(accounts.get(random.nextInt(accounts.size())));
            default -> {
                int i = random.nextInt(transfers.size());
                Transfer t = transfers.get(i);
                transfers.set(i, new Transfer(t.from(), random.nextBoolean() ? t.from() : t.to(), t.amount(),
                        t.nonce()));
            }
        }
        return new Batch(b.header(), deposits, transfers, withdrawals, accounts);
    }
}
