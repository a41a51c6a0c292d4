package dev.zkcluster.circuits.rollup.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.circuits.rollup.batch.AccountWitness;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The executor's public inputs against a plain re-implementation of the contract: its own leaf rule, its own root
 * (recomputed from every touched leaf and the witness paths' unknown regions by walking each path), its own
 * encodings. Only the Poseidon2 primitives are shared.
 */
public class BatchExecutorReferenceTest {

    private static Digest leaf(long[] account) {
        boolean empty = true;
        for (long v : account) {
            empty &= v == 0;
        }
        return empty ? Digest.ZERO : Poseidon2Hash.hashNoPad(account);
    }

    // walks each touched leaf's pre-state path to the root, overriding siblings that are touched leaves' ancestors
    private static Digest root(Map<Long, long[]> accounts, Map<Long, List<Digest>> paths) {
        Map<String, Digest> nodes = new HashMap<>();
        for (int level = 0; level <= 32; level++) {
            for (Map.Entry<Long, List<Digest>> e : paths.entrySet()) {
                long pos = e.getKey() >>> level;
                if (level == 0) {
                    nodes.put("0/" + pos, leaf(accounts.get(e.getKey())));
                    continue;
                }
                long child = pos << 1;
                Digest left = nodes.getOrDefault((level - 1) + "/" + child, e.getValue().get(level - 1));
                Digest right = nodes.getOrDefault((level - 1) + "/" + (child + 1), e.getValue().get(level - 1));
                nodes.put(level + "/" + pos, Poseidon2Hash.twoToOne(left, right));
            }
        }
        return nodes.get("32/0");
    }

    private static Digest chain(Digest h, long... encoding) {
        return Poseidon2Hash.twoToOne(h, Poseidon2Hash.hashNoPad(encoding));
    }

    /** The batch public inputs by the plain re-implementation; other tests check proofs against it. */
    public static BatchPublicInputs reference(Batch batch) {
        Map<Long, long[]> accounts = new HashMap<>();
        Map<Long, List<Digest>> paths = new HashMap<>();
        for (AccountWitness a : batch.accounts()) {
            Digest pk = a.pubkeyHash();
            accounts.put(a.index(), new long[] {a.balance(), a.nonce(), pk.e0(), pk.e1(), pk.e2(), pk.e3()});
            paths.put(a.index(), a.path());
        }
        Digest prevRoot = root(accounts, paths);
        Digest dh = Digest.ZERO;
        for (Deposit d : batch.deposits()) {
            accounts.get(d.to())[0] += d.amount();
            dh = chain(dh, 0, d.to(), d.amount());
        }
        Digest th = Digest.ZERO;
        for (Transfer t : batch.transfers()) {
            accounts.get(t.from())[0] -= t.amount();
            accounts.get(t.from())[1] += 1;
            accounts.get(t.to())[0] += t.amount();
            th = chain(th, 1, t.from(), t.to(), t.amount(), t.nonce());
        }
        Digest wh = Digest.ZERO;
        for (Withdrawal w : batch.withdrawals()) {
            accounts.get(w.from())[0] -= w.amount();
            accounts.get(w.from())[1] += 1;
            byte[] a = w.l1Address();
            long[] enc = {2, w.from(), w.amount(), w.nonce(), 0, 0, 0, 0, 0};
            for (int i = 0; i < 20; i++) {
                enc[4 + i / 4] = enc[4 + i / 4] * 256 + (a[i] & 0xFF);
            }
            wh = chain(wh, enc);
        }
        return new BatchPublicInputs(batch.header().batchNumber(), prevRoot, root(accounts, paths), dh, th, wh);
    }

    private static ExecutedBatch execute(Batch batch, int capacity) {
        Execution e = new BatchExecutor(ExecutorLimits.DEFAULT, capacity).execute(batch);
        return assertInstanceOf(Execution.Executed.class, e).batch();
    }

    @Test
    void publicInputsEqualAnIndependentImplementationOfTheRules() {
        Batch batch = BatchGenerator.generate(new BatchSpec(7, "0.1.0", 25, 20, 100, 10, 99));
        BatchPublicInputs reference = reference(batch);
        assertEquals(batch.header().prevStateRoot(), reference.prevRoot());
        assertEquals(reference, execute(batch, 4).publicInputs());
    }

    @Test
    void instancesChainRootsAndHashesAcrossKinds() {
        Batch batch = BatchGenerator.generate(new BatchSpec(3, "0.1.0", 10, 5, 9, 0, 5));
        ExecutedBatch executed = execute(batch, 4);
        Digest root = batch.header().prevStateRoot();
        for (OpKind kind : OpKind.values()) {
            Digest hash = Digest.ZERO;
            for (BasicInstance instance : executed.instances().get(kind)) {
                assertEquals(root, instance.rootIn(), kind + " " + instance.sequence());
                assertEquals(hash, instance.opsHashIn(), kind + " " + instance.sequence());
                root = instance.rootOut();
                hash = instance.opsHashOut();
            }
        }
        assertEquals(executed.publicInputs().newRoot(), root);
        assertEquals(List.of(2, 3, 1), List.of(executed.instances().get(OpKind.DEPOSIT).size(),
                executed.instances().get(OpKind.TRANSFER).size(), executed.instances().get(OpKind.WITHDRAWAL).size()));
        assertEquals(0, executed.instances().get(OpKind.WITHDRAWAL).get(0).count());
    }

    @Test
    void generatesAThousandTransferBatchThatExecutes() {
        Batch batch = BatchGenerator.generate(new BatchSpec(1, "0.1.0", 200, 20, 1000, 10, 1));
        ExecutedBatch executed = execute(batch, 64);
        assertEquals(16, executed.instances().get(OpKind.TRANSFER).size());
        assertEquals(reference(batch), executed.publicInputs());
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        BatchSpec spec = new BatchSpec(1, "0.1.0", 8, 3, 6, 2, 42);
        assertEquals(BatchGenerator.generate(spec), BatchGenerator.generate(spec));
    }
}
