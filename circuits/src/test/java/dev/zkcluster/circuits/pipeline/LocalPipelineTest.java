package dev.zkcluster.circuits.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.WitnessDecoding;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.recursion.Compression;
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
 * A whole batch through every round at the tiny version (capacity 2, fan-in 2, one node depth), compression
 * included, proven once for the class; every test reads that one run. About 6 minutes on 2 loaded cores, most of it
 * the 7 aggregation jobs, the compression circuit's 2^20-point LDE (twice: setup and proof), and a second build of
 * the 12 circuits for the digest comparison.
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
        assertEquals(12, written.size());
        for (CircuitKey key : registry.allKeys()) {
            assertTrue(Files.isRegularFile(store.resolve(key.storePath())), key.storePath());
        }
        byte[] file = Files.readAllBytes(store.resolve("keys/0.1.0-tiny/5/compression.vk"));
        VerifierKey key = ((VerifierKeyDecoding.Decoded) VerifierKeyCodec.decode(file)).key();
        assertEquals(FriConfig.shrink(), key.config().fri());
        long[] expected = SchedulerCircuit.publicInputs(BatchExecutorReferenceTest.reference(batch));
        byte[] proofBytes = PlonkProofCodec.encode(result.finalProof().proof());
        assertInstanceOf(Verification.Accepted.class, Verifier.verify(key, proofBytes, expected));
        // the final key is not interchangeable with another circuit's exported key
        for (String other : List.of("keys/0.1.0-tiny/4/scheduler.vk", "keys/0.1.0-tiny/3/tip.vk")) {
            VerifierKey otherKey = ((VerifierKeyDecoding.Decoded) VerifierKeyCodec.decode(
                    Files.readAllBytes(store.resolve(other)))).key();
            assertFalse(Verifier.verify(otherKey, proofBytes, expected).isAccepted(), other);
        }
    }

    @Test
    void theFinalProofIsTheCompressedSchedulerProofAtMostHalfItsSize() {
        VerifierKey schedulerKey = registry.verifierKey(registry.schedulerKey());
        long compressed = PlonkProofCodec.encode(result.finalProof().proof()).length;
        assertEquals(registry.compressionKey(), result.finalProof().circuit());
        assertEquals(PlonkProofCodec.encodedSize(result.finalKey()), compressed);
        assertTrue(2 * compressed <= PlonkProofCodec.encodedSize(schedulerKey),
                compressed + " B against the scheduler's " + PlonkProofCodec.encodedSize(schedulerKey) + " B");
        // the one compression step is the whole chain: wrapping its proofs once more would make them larger
        assertFalse(Compression.shrinks(
                Compression.wrapper(CircuitRegistry.COMPRESSION_CONFIG, result.finalKey()), result.finalKey()));
    }

    @Test
    void compressionRefusesAProofOfAnotherCircuitBeforeBuilding() {
        JobProof notScheduler = new JobProof(registry.tipKey(), 0, 0, result.finalProof().proof(),
                result.finalProof().publicInputs());
        registry.releaseAll();
        assertThrows(AggregationRefused.class, () -> pipeline.proveCompression(notScheduler));
        assertFalse(registry.isHeld(registry.compressionKey()));
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
        // 1 deposit, 3 transfers, 1 withdrawal at capacity 2 and fan-in 2: 4 basic, 3 leaf, 3 node, 1 tip, 1 scheduler,
        // 1 compression
        List<Integer> jobs = result.rounds().stream().map(RoundReport::jobs).toList();
        assertEquals(List.of(4, 3, 3, 1, 1, 1), jobs);
        assertEquals(List.of("basic", "leaf", "node depth 1", "tip", "scheduler", "compression"),
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
    void aWitnessProvedAfterABytesRoundTripGivesTheSameProofAsTheWholeStep() {
        JobWitness witness = pipeline.witnessBasic(transfers.get(1));
        WitnessDecoding decoded = WitnessVector.fromBytes(witness.vector().toBytes());
        WitnessVector vector = assertInstanceOf(WitnessDecoding.Decoded.class, decoded).witness();
        JobProof fromBytes = pipeline.prove(new JobWitness(witness.circuit(), witness.depth(), witness.sequence(),
                vector, witness.publicInputs()));
        JobProof whole = pipeline.proveBasic(transfers.get(1));
        assertArrayEquals(PlonkProofCodec.encode(whole.proof()), PlonkProofCodec.encode(fromBytes.proof()));
        assertArrayEquals(whole.publicInputs(), fromBytes.publicInputs());
        assertEquals(whole.circuit(), fromBytes.circuit());
        assertEquals(whole.sequence(), fromBytes.sequence());
    }

    @Test
    void keyDigestsAreIdenticalAcrossTwoBuilds() {
        // a second registry derives every key circuit by circuit, holding no proving state between circuits
        CircuitRegistry again = new CircuitRegistry(TINY, CPU);
        List<CircuitKey> keys = registry.allKeys();
        assertEquals(12, keys.size(), "3 basic, 3 leaf, 3 node, tip, scheduler, compression");
        for (CircuitKey key : keys) {
            assertEquals(registry.verifierKey(key).digest(), again.verifierKey(key).digest(), key.toString());
            assertEquals(Set.of(), again.heldKeys());
        }
        assertEquals(CircuitRegistry.digestHex(result.finalKey()),
                CircuitRegistry.digestHex(again.verifierKey(again.finalKey())));
    }
}
