package dev.zkcluster.circuits.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.registry.VerifierKeyCodec;
import dev.zkcluster.circuits.registry.VerifierKeyDecoding;
import dev.zkcluster.circuits.rollup.aggregation.ChainAggregation;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.BasicInstance;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.BatchExecutorReferenceTest;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole batch through every round at the tiny version (capacity 2, fan-in 2, one node depth), proven once for
 * the class; every test reads that one run. About 4 minutes on 2 loaded cores, most of it the 7 aggregation jobs
 * and a second build of the 11 circuits for the digest comparison.
 */
@Tag("slow")
class LocalPipelineTest {
    private static final ProtocolVersion TINY = ProtocolVersion.V0_1_0_TINY;
    private static final CpuProvingBackend CPU = new CpuProvingBackend();

    private static Batch batch;
    private static List<BasicInstance> transfers;
    private static CircuitRegistry registry;
    private static LocalPipeline pipeline;
    private static PipelineResult result;
    private static Set<CircuitKey> heldAfterProving;

    @BeforeAll
    static void proveTinyBatch() {
        // 1 deposit, 3 transfers, 1 withdrawal
        batch = BatchGenerator.generate(new BatchSpec(7, TINY.version(), 4, 1, 3, 1, 11));
        Execution execution = new BatchExecutor(ExecutorLimits.DEFAULT, TINY.workload().capacity()).execute(batch);
        transfers = ((Execution.Executed) execution).batch().instances().get(OpKind.TRANSFER);
        registry = new CircuitRegistry(TINY, CPU);
        pipeline = new LocalPipeline(registry, CPU, line -> System.out.println(line));
        result = pipeline.prove(batch);
        heldAfterProving = registry.heldKeys();
    }

    @Test
    void finalProofVerifiesWithTheExportedKeyAlone(@TempDir Path store) throws Exception {
        List<Path> written = registry.exportKeys(store);
        assertEquals(11, written.size());
        for (CircuitKey key : registry.allKeys()) {
            assertTrue(Files.isRegularFile(store.resolve(key.storePath())), key.storePath());
        }
        byte[] file = Files.readAllBytes(store.resolve("keys/0.1.0-tiny/4/scheduler.vk"));
        VerifierKey key = ((VerifierKeyDecoding.Decoded) VerifierKeyCodec.decode(file)).key();
        long[] expected = SchedulerCircuit.publicInputs(BatchExecutorReferenceTest.reference(batch));
        assertInstanceOf(Verification.Accepted.class, Verifier.verify(key, result.finalProof().proof(), expected));
        // the final key is not interchangeable with another circuit's exported key
        byte[] tipFile = Files.readAllBytes(store.resolve("keys/0.1.0-tiny/3/tip.vk"));
        VerifierKey tipKey = ((VerifierKeyDecoding.Decoded) VerifierKeyCodec.decode(tipFile)).key();
        assertFalse(Verifier.verify(tipKey, result.finalProof().proof(), expected) instanceof Verification.Accepted);
    }

    @Test
    void publicInputsEqualTheIndependentRecomputation() {
        assertEquals(BatchExecutorReferenceTest.reference(batch), result.publicInputs());
        assertEquals(SchedulerCircuit.publicInputs(result.publicInputs()).length,
                result.finalProof().publicInputs().length);
        assertTrue(Arrays.equals(SchedulerCircuit.publicInputs(result.publicInputs()),
                result.finalProof().publicInputs()));
    }

    @Test
    void changingAnyPublicInputFailsTheFinalProof() {
        long[] inputs = result.finalProof().publicInputs();
        assertInstanceOf(Verification.Accepted.class, Verifier.verify(result.finalKey(), result.finalProof().proof(),
                inputs));
        for (int i = 0; i < inputs.length; i++) {
            long[] changed = inputs.clone();
            changed[i] = Goldilocks.add(changed[i], 1);
            assertInstanceOf(Verification.Rejected.class,
                    Verifier.verify(result.finalKey(), result.finalProof().proof(), changed), "public input " + i);
        }
    }

    @Test
    void reportsEveryRoundWithItsJobCount() {
        // 1 deposit, 3 transfers, 1 withdrawal at capacity 2 and fan-in 2: 4 basic, 3 leaf, 3 node, 1 tip, 1 scheduler
        List<Integer> jobs = result.rounds().stream().map(RoundReport::jobs).toList();
        assertEquals(List.of(4, 3, 3, 1, 1), jobs);
        assertEquals(List.of("basic", "leaf", "node depth 1", "tip", "scheduler"),
                result.rounds().stream().map(RoundReport::round).toList());
    }

    @Test
    void aWholeBatchRunHoldsNoProvingStateAfterwards() {
        assertEquals(Set.of(), heldAfterProving);
        assertEquals(registry.finalKey(), result.finalProof().circuit());
        assertEquals(result.finalKey().digest(), registry.verifierKey(registry.finalKey()).digest());
    }

    @Test
    void aggregationRefusesChildrenThatDoNotChainBeforeProving() {
        assertEquals(2, transfers.size());
        JobProof first = pipeline.proveBasic(transfers.get(0));
        JobProof second = pipeline.proveBasic(transfers.get(1));
        CircuitKey leafKey = registry.leafKey(OpKind.TRANSFER);
        registry.releaseAll();

        AggregationRefused refused = assertThrows(AggregationRefused.class,
                () -> pipeline.proveAggregation(CircuitKey.LEAF, OpKind.TRANSFER, 0, 0, List.of(second, first)));
        assertTrue(refused.getMessage().contains("do not chain"), refused.getMessage());
        // refused on the public inputs alone: the leaf circuit was not even built
        assertFalse(registry.isHeld(leafKey));
        // children of another circuit are refused the same way
        JobProof deposit = new JobProof(registry.basicKey(OpKind.DEPOSIT), 0, 0, first.proof(), first.publicInputs());
        assertThrows(AggregationRefused.class,
                () -> pipeline.proveAggregation(CircuitKey.LEAF, OpKind.TRANSFER, 0, 0, List.of(deposit)));
        assertFalse(registry.isHeld(leafKey));

        // the circuit itself refuses too, without the pipeline's check in front
        ChainAggregation leaf = registry.leaf(OpKind.TRANSFER);
        assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(leaf.circuit(),
                leaf.witness(List.of(second.proof(), first.proof()),
                        List.of(second.publicInputs(), first.publicInputs()))));
        // and the chained order goes through witness generation
        WitnessGeneration.generate(leaf.circuit(), leaf.witness(List.of(first.proof(), second.proof()),
                List.of(first.publicInputs(), second.publicInputs())));
        registry.releaseAll();
    }

    @Test
    void keyDigestsAreIdenticalAcrossTwoBuilds() {
        // a second registry derives every key circuit by circuit, holding no proving state between circuits
        CircuitRegistry again = new CircuitRegistry(TINY, CPU);
        List<CircuitKey> keys = registry.allKeys();
        assertEquals(11, keys.size(), "3 basic, 3 leaf, 3 node, tip, scheduler");
        for (CircuitKey key : keys) {
            assertEquals(registry.verifierKey(key).digest(), again.verifierKey(key).digest(), key.toString());
            assertEquals(Set.of(), again.heldKeys());
        }
        assertEquals(CircuitRegistry.digestHex(result.finalKey()),
                CircuitRegistry.digestHex(again.verifierKey(again.finalKey())));
    }
}
