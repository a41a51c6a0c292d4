package dev.zkcluster.circuits.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole batch through every round at the tiny version (capacity 2, fan-in 2, one node depth). */
class LocalPipelineTest {
    private static final ProtocolVersion TINY = ProtocolVersion.V0_1_0_TINY;
    private static final CpuProvingBackend CPU = new CpuProvingBackend();

    private static Batch batch;
    private static CircuitRegistry registry;
    private static LocalPipeline pipeline;
    private static PipelineResult result;

    @BeforeAll
    static void proveTinyBatch() {
        batch = BatchGenerator.generate(new BatchSpec(7, TINY.version(), 4, 1, 3, 1, 11));
        registry = new CircuitRegistry(TINY, CPU);
        pipeline = new LocalPipeline(registry, CPU, line -> System.out.println(line));
        result = pipeline.prove(batch);
    }

    @Test
    void finalProofVerifiesWithTheExportedKeyAlone(@TempDir Path store) throws Exception {
        registry.exportKeys(store);
        byte[] file = Files.readAllBytes(store.resolve("keys/0.1.0-tiny/4/scheduler.vk"));
        VerifierKey key = ((VerifierKeyDecoding.Decoded) dev.zkcluster.circuits.registry.VerifierKeyCodec.decode(file))
                .key();
        long[] expected = SchedulerCircuit.publicInputs(BatchExecutorReferenceTest.reference(batch));
        assertInstanceOf(Verification.Accepted.class, Verifier.verify(key, result.finalProof().proof(), expected));
    }

    @Test
    void publicInputsEqualTheIndependentRecomputation() {
        assertEquals(BatchExecutorReferenceTest.reference(batch), result.publicInputs());
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
    }

    @Test
    void aggregationRefusesChildrenThatDoNotChain() {
        Execution execution = new BatchExecutor(ExecutorLimits.DEFAULT, TINY.workload().capacity()).execute(batch);
        List<BasicInstance> transfers = ((Execution.Executed) execution).batch().instances().get(OpKind.TRANSFER);
        JobProof first = pipeline.proveBasic(transfers.get(0));
        JobProof second = pipeline.proveBasic(transfers.get(1));
        List<JobProof> swapped = List.of(second, first);
        assertThrows(AggregationRefused.class,
                () -> pipeline.proveAggregation(CircuitKey.LEAF, OpKind.TRANSFER, 0, 0, swapped));
        // the circuit itself refuses too, without the pipeline's check in front
        ChainAggregation leaf = registry.leaf(OpKind.TRANSFER);
        assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(leaf.circuit(),
                leaf.witness(List.of(second.proof(), first.proof()),
                        List.of(second.publicInputs(), first.publicInputs()))));
        // and the chained order goes through witness generation
        WitnessGeneration.generate(leaf.circuit(), leaf.witness(List.of(first.proof(), second.proof()),
                List.of(first.publicInputs(), second.publicInputs())));
    }

    @Test
    void keyDigestsAreIdenticalAcrossTwoBuilds() {
        CircuitRegistry again = new CircuitRegistry(TINY, CPU);
        List<CircuitKey> keys = registry.allKeys();
        assertTrue(keys.size() == 11, "3 basic, 3 leaf, 3 node, tip, scheduler");
        for (CircuitKey key : keys) {
            assertEquals(registry.verifierKey(key).digest(), again.verifierKey(key).digest(), key.toString());
        }
    }
}
