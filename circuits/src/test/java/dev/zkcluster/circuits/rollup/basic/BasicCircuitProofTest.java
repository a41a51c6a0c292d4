package dev.zkcluster.circuits.rollup.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.BasicInstance;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.ExecutedBatch;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each basic circuit at capacity 4 proves and verifies real instances, a padding instance, and nothing else. */
class BasicCircuitProofTest {
    static final int CAPACITY = 4;
    private static final CpuProvingBackend BACKEND = new CpuProvingBackend();
    private static final Map<OpKind, ProvingKey> KEYS = new EnumMap<>(OpKind.class);
    private static final Map<OpKind, BasicCircuit> CIRCUITS = new EnumMap<>(OpKind.class);
    private static ExecutedBatch batch;
    private static ExecutedBatch empty;

    @BeforeAll
    static void setUp() {
        for (OpKind kind : OpKind.values()) {
            BasicCircuit circuit = BasicCircuit.build(kind, CAPACITY);
            CIRCUITS.put(kind, circuit);
            KEYS.put(kind, ProvingKey.setup(circuit.data(), BACKEND));
        }
        // 3 deposits, 5 transfers (a full instance and one with 1 op), 2 withdrawals
        batch = execute(new BatchSpec(1, "0.1.0", 6, 3, 5, 2, 11));
        empty = execute(new BatchSpec(2, "0.1.0", 2, 0, 0, 0, 12));
    }

    static ExecutedBatch execute(BatchSpec spec) {
        Execution e = new BatchExecutor(ExecutorLimits.DEFAULT, CAPACITY).execute(BatchGenerator.generate(spec));
        return ((Execution.Executed) e).batch();
    }

    private static byte[] prove(BasicInstance instance) {
        BasicCircuit circuit = CIRCUITS.get(instance.kind());
        WitnessVector witness = WitnessGeneration.generate(circuit.data(), circuit.witness(instance));
        assertArrayEquals(BasicCircuit.publicInputs(instance), witness.publicInputs());
        return PlonkProofCodec.encode(Prover.prove(KEYS.get(instance.kind()), witness, BACKEND).proof());
    }

    private static boolean verifies(BasicInstance instance, byte[] proof, long[] publicInputs) {
        return Verifier.verify(KEYS.get(instance.kind()).verifierKey(), proof, publicInputs).isAccepted();
    }

    @Test
    void everyInstanceOfABatchProvesAndVerifies() {
        for (OpKind kind : OpKind.values()) {
            for (BasicInstance instance : batch.instances().get(kind)) {
                byte[] proof = prove(instance);
                assertTrue(verifies(instance, proof, BasicCircuit.publicInputs(instance)), kind + " " + instance);
            }
        }
    }

    @Test
    void paddingInstancesProveAndKeepRootAndHash() {
        for (OpKind kind : OpKind.values()) {
            List<BasicInstance> instances = empty.instances().get(kind);
            assertEquals(1, instances.size());
            BasicInstance padding = instances.get(0);
            assertEquals(0, padding.count());
            assertEquals(padding.rootIn(), padding.rootOut());
            byte[] proof = prove(padding);
            assertTrue(verifies(padding, proof, BasicCircuit.publicInputs(padding)), kind.circuitId());
        }
    }

    @Test
    void changingAnyPublicInputFailsVerification() {
        BasicInstance instance = batch.instances().get(OpKind.TRANSFER).get(1);
        byte[] proof = prove(instance);
        long[] honest = BasicCircuit.publicInputs(instance);
        for (int i = 0; i < honest.length; i++) {
            long[] changed = honest.clone();
            changed[i] = changed[i] + 1;
            assertFalse(verifies(instance, proof, changed), "public input " + i);
        }
    }
}
