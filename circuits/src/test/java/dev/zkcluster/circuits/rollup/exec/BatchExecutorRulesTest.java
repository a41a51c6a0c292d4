package dev.zkcluster.circuits.rollup.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.circuits.rollup.batch.AccountWitness;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.BatchHeader;
import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree;
import dev.zkcluster.proof.hash.Digest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each rule, broken once, is named by the executor's first violation. */
class BatchExecutorRulesTest {
    private static final long NEAR_LIMIT = (1L << 48) - 10;
    private static final byte[] ADDRESS = new byte[20];

    // accounts 10 (balance 100, nonce 0), 11 (balance 50, nonce 3), 12 (balance 2^48 − 10)
    private static final long[][] ACCOUNTS = {{10, 100, 0}, {11, 50, 3}, {12, NEAR_LIMIT, 0}};

    private final SparseMerkleTree tree = new SparseMerkleTree();
    private final List<AccountWitness> witnesses = new ArrayList<>();

    BatchExecutorRulesTest() {
        for (long[] a : ACCOUNTS) {
            tree.set(a[0], new AccountState(a[1], a[2], new Digest(a[0], 1, 2, 3)));
        }
        for (long[] a : ACCOUNTS) {
            witnesses.add(new AccountWitness(a[0], a[1], a[2], new Digest(a[0], 1, 2, 3), tree.path(a[0])));
        }
    }

    // puts one more account in the tree and re-derives every witness path against the new root
    private void addAccount(long index, long balance, long nonce) {
        tree.set(index, new AccountState(balance, nonce, new Digest(index, 1, 2, 3)));
        witnesses.add(new AccountWitness(index, balance, nonce, new Digest(index, 1, 2, 3), List.of()));
        witnesses.replaceAll(a -> new AccountWitness(a.index(), a.balance(), a.nonce(), a.pubkeyHash(),
                tree.path(a.index())));
    }

    private Batch batch(List<Deposit> d, List<Transfer> t, List<Withdrawal> w) {
        return new Batch(new BatchHeader(1, "0.1.0", tree.root(), 0), d, t, w, witnesses);
    }

    // the violation execute names; the check without witnesses must name the same one
    private static String violation(Batch batch, ExecutorLimits limits) {
        Execution e = new BatchExecutor(limits, 4).execute(batch);
        BatchViolation v = assertInstanceOf(Execution.Rejected.class, e).violation();
        assertEquals(Optional.of(v), new BatchExecutor(limits, 4).check(batch), "check and execute disagree");
        return v.message();
    }

    // execute runs the batch, and the check without witnesses accepts it too
    private static ExecutedBatch executed(Batch batch, ExecutorLimits limits) {
        ExecutedBatch done = assertInstanceOf(Execution.Executed.class, new BatchExecutor(limits, 4).execute(batch))
                .batch();
        assertEquals(Optional.empty(), new BatchExecutor(limits, 4).check(batch), "check and execute disagree");
        return done;
    }

    private static String violation(Batch batch) {
        return violation(batch, ExecutorLimits.DEFAULT);
    }

    @Test
    void acceptsTheValidBaseline() {
        Batch ok = batch(List.of(new Deposit(10, 5)), List.of(new Transfer(10, 11, 105, 0)),
                List.of(new Withdrawal(11, 155, 3, ADDRESS)));
        executed(ok, ExecutorLimits.DEFAULT);
    }

    @Test
    void namesAWrongTransferNonce() {
        List<Transfer> t = List.of(new Transfer(10, 11, 1, 0), new Transfer(10, 11, 1, 0));
        assertEquals("transfers[1].nonce: expected 1, got 0", violation(batch(List.of(), t, List.of())));
    }

    @Test
    void namesATransferOverdraw() {
        String v = violation(batch(List.of(), List.of(new Transfer(11, 10, 51, 3)), List.of()));
        assertEquals("transfers[0].amount: expected at most the balance 50 of account 11, got 51", v);
    }

    @Test
    void namesAnOverdrawCausedByAnEarlierDeposit() {
        // the deposit runs first, so 60 is within balance; a second 60 is not
        List<Transfer> t = List.of(new Transfer(11, 10, 60, 3), new Transfer(11, 10, 60, 4));
        String v = violation(batch(List.of(new Deposit(11, 20)), t, List.of()));
        assertEquals("transfers[1].amount: expected at most the balance 10 of account 11, got 60", v);
    }

    @Test
    void namesAZeroTransferAmount() {
        String v = violation(batch(List.of(), List.of(new Transfer(10, 11, 0, 0)), List.of()));
        assertEquals("transfers[0].amount: expected at least 1, got 0", v);
    }

    @Test
    void namesATransferToItself() {
        String v = violation(batch(List.of(), List.of(new Transfer(10, 10, 1, 0)), List.of()));
        assertEquals("transfers[0].to: expected another account than from (10)", v);
    }

    @Test
    void namesATransferOverflowingTheReceiver() {
        String v = violation(batch(List.of(), List.of(new Transfer(10, 12, 10, 0)), List.of()));
        assertEquals("transfers[0].amount: the balance " + NEAR_LIMIT + " of account 12 plus 10 reaches 2^48", v);
    }

    @Test
    void namesADepositOverflow() {
        String v = violation(batch(List.of(new Deposit(12, 9), new Deposit(12, 1)), List.of(), List.of()));
        assertEquals("deposits[1].amount: the balance " + (NEAR_LIMIT + 9) + " of account 12 plus 1 reaches 2^48",
                v);
    }

    @Test
    void namesAnAmountOf2To48() {
        String v = violation(batch(List.of(new Deposit(10, 1L << 48)), List.of(), List.of()));
        assertEquals("deposits[0].amount: expected below 2^48, got 281474976710656", v);
    }

    @Test
    void namesAWithdrawalNonceOverdrawAndAmount() {
        assertEquals("withdrawals[0].nonce: expected 3, got 2",
                violation(batch(List.of(), List.of(), List.of(new Withdrawal(11, 1, 2, ADDRESS)))));
        assertEquals("withdrawals[0].amount: expected at most the balance 50 of account 11, got 51",
                violation(batch(List.of(), List.of(), List.of(new Withdrawal(11, 51, 3, ADDRESS)))));
        assertEquals("withdrawals[0].amount: expected at least 1, got 0",
                violation(batch(List.of(), List.of(), List.of(new Withdrawal(11, 0, 3, ADDRESS)))));
    }

    @Test
    void namesAnL1AddressOfTheWrongLength() {
        String v = violation(batch(List.of(), List.of(), List.of(new Withdrawal(11, 1, 3, new byte[21]))));
        assertEquals("withdrawals[0].l1_address: expected 20 bytes, got 21", v);
    }

    @Test
    void namesAMissingAccountForEachOpKind() {
        assertEquals("deposits[0].to: account 99 is not in accounts",
                violation(batch(List.of(new Deposit(99, 1)), List.of(), List.of())));
        assertEquals("transfers[0].to: account 99 is not in accounts",
                violation(batch(List.of(), List.of(new Transfer(10, 99, 1, 0)), List.of())));
        assertEquals("withdrawals[0].from: account 98 is not in accounts",
                violation(batch(List.of(), List.of(), List.of(new Withdrawal(98, 1, 0, ADDRESS)))));
    }

    @Test
    void namesADuplicateAccount() {
        witnesses.add(witnesses.get(0));
        assertEquals("accounts[3].index: account 10 appears again, first at accounts[0]",
                violation(batch(List.of(), List.of(), List.of())));
    }

    @Test
    void namesAPathThatDoesNotReachThePreviousRoot() {
        AccountWitness a = witnesses.get(1);
        List<Digest> path = new ArrayList<>(a.path());
        path.set(7, new Digest(1, 2, 3, 4));
        witnesses.set(1, new AccountWitness(a.index(), a.balance(), a.nonce(), a.pubkeyHash(), path));
        assertEquals("accounts[1].path: the path of account 11 does not reach prev_state_root",
                violation(batch(List.of(), List.of(), List.of())));
    }

    @Test
    void namesALeafWhoseContentsDoNotMatchThePreviousRoot() {
        AccountWitness a = witnesses.get(0);
        witnesses.set(0, new AccountWitness(a.index(), a.balance() + 1, a.nonce(), a.pubkeyHash(), a.path()));
        assertEquals("accounts[0].path: the path of account 10 does not reach prev_state_root",
                violation(batch(List.of(), List.of(), List.of())));
    }

    @Test
    void namesAPathOfTheWrongLength() {
        AccountWitness a = witnesses.get(2);
        witnesses.set(2, new AccountWitness(a.index(), a.balance(), a.nonce(), a.pubkeyHash(),
                a.path().subList(0, 31)));
        assertEquals("accounts[2].path: expected 32 digests, got 31", violation(batch(List.of(), List.of(), List.of())));
    }

    @Test
    void namesAnAccountBalanceOrIndexOutOfRange() {
        AccountWitness a = witnesses.get(0);
        witnesses.set(0, new AccountWitness(a.index(), 1L << 48, a.nonce(), a.pubkeyHash(), a.path()));
        assertEquals("accounts[0].balance: expected below 2^48, got 281474976710656",
                violation(batch(List.of(), List.of(), List.of())));
        witnesses.set(0, new AccountWitness(1L << 32, a.balance(), a.nonce(), a.pubkeyHash(), a.path()));
        assertEquals("accounts[0].index: expected below 2^32, got 4294967296",
                violation(batch(List.of(), List.of(), List.of())));
    }

    @Test
    void namesEachExceededLimit() {
        Batch b = batch(List.of(new Deposit(10, 1), new Deposit(10, 1)), List.of(new Transfer(10, 11, 1, 0)),
                List.of());
        assertEquals("deposits: at most 1 allowed, got 2", violation(b, new ExecutorLimits(1, 10, 10, 10)));
        assertEquals("transfers: at most 0 allowed, got 1", violation(b, new ExecutorLimits(10, 0, 10, 10)));
        assertEquals("accounts: at most 2 allowed, got 3", violation(b, new ExecutorLimits(10, 10, 10, 2)));
        Batch w = batch(List.of(), List.of(), List.of(new Withdrawal(11, 1, 3, ADDRESS)));
        assertEquals("withdrawals: at most 0 allowed, got 1", violation(w, new ExecutorLimits(10, 10, 0, 10)));
    }

    @Test
    void acceptsTheBoundaryOfEveryInequality() {
        // a transfer and a withdrawal of the whole balance, a credit to exactly 2^48 − 1
        Batch edge = batch(List.of(new Deposit(12, 9)), List.of(new Transfer(11, 10, 50, 3)),
                List.of(new Withdrawal(10, 150, 0, ADDRESS)));
        assertEquals(BatchExecutorReferenceTest.reference(edge), executed(edge, ExecutorLimits.DEFAULT).publicInputs());
        executed(batch(List.of(), List.of(), List.of()), new ExecutorLimits(0, 0, 0, 3));
    }

    @Test
    void namesAMissingSender() {
        assertEquals("transfers[0].from: account 97 is not in accounts",
                violation(batch(List.of(), List.of(new Transfer(97, 10, 1, 0)), List.of())));
    }

    @Test
    void namesTransferAndWithdrawalAmountsOf2To48() {
        assertEquals("transfers[0].amount: expected below 2^48, got 281474976710656",
                violation(batch(List.of(), List.of(new Transfer(12, 10, 1L << 48, 0)), List.of())));
        assertEquals("withdrawals[0].amount: expected below 2^48, got 18446744073709551615",
                violation(batch(List.of(), List.of(), List.of(new Withdrawal(12, -1, 0, ADDRESS)))));
    }

    @Test
    void namesANonceWhoseSuccessorWouldReach2To48() {
        addAccount(13, 5, (1L << 48) - 1);
        long last = (1L << 48) - 1;
        assertEquals("transfers[0].nonce: the next nonce would reach 2^48",
                violation(batch(List.of(), List.of(new Transfer(13, 10, 1, last)), List.of())));
        assertEquals("withdrawals[0].nonce: the next nonce would reach 2^48",
                violation(batch(List.of(), List.of(), List.of(new Withdrawal(13, 1, last, ADDRESS)))));
    }

    @Test
    void namesAnAccountNonceOutOfRange() {
        AccountWitness a = witnesses.get(1);
        witnesses.set(1, new AccountWitness(a.index(), a.balance(), 1L << 48, a.pubkeyHash(), a.path()));
        assertEquals("accounts[1].nonce: expected below 2^48, got 281474976710656",
                violation(batch(List.of(), List.of(), List.of())));
    }

    @Test
    void namesAMissingPubkeyHashAndAMissingPreviousRoot() {
        AccountWitness a = witnesses.get(2);
        witnesses.set(2, new AccountWitness(a.index(), a.balance(), a.nonce(), null, a.path()));
        assertEquals("accounts[2].pubkey_hash: missing", violation(batch(List.of(), List.of(), List.of())));
        Batch noRoot = new Batch(new BatchHeader(1, "0.1.0", null, 0), List.of(), List.of(), List.of(), witnesses);
        assertEquals("header.prev_state_root: missing", violation(noRoot));
    }

    @Test
    void aRejectedBatchNamesTheSameViolationEveryTime() {
        // the executor keeps no state between runs: the second run of a bad batch fails the same way and a good
        // batch after it still executes
        BatchExecutor executor = new BatchExecutor(ExecutorLimits.DEFAULT, 4);
        Batch bad = batch(List.of(), List.of(new Transfer(10, 11, 1, 5)), List.of());
        String first = assertInstanceOf(Execution.Rejected.class, executor.execute(bad)).violation().message();
        assertEquals(first, assertInstanceOf(Execution.Rejected.class, executor.execute(bad)).violation().message());
        assertInstanceOf(Execution.Executed.class,
                executor.execute(batch(List.of(), List.of(new Transfer(10, 11, 1, 0)), List.of())));
    }

    @Test
    void reportsTheFirstViolationInExecutionOrder() {
        // both the deposit and the transfer are bad; deposits run first
        Batch b = batch(List.of(new Deposit(99, 1)), List.of(new Transfer(10, 11, 1, 7)), List.of());
        assertEquals("deposits[0].to: account 99 is not in accounts", violation(b));
    }
}
