package dev.zkcluster.clustertests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.pipeline.LocalPipeline;
import dev.zkcluster.circuits.pipeline.PipelineResult;
import dev.zkcluster.circuits.pipeline.RoundReport;
import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.registry.VerifierKeyDecoding;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.circuits.rollup.exec.BatchExecutorReferenceTest;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.Main;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.protocol.v1.BatchProof;
import dev.zkcluster.protocol.v1.Digest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The rollup workload end to end at the production version {@code 0.1.0} (capacity 64, fan-in 8): a batch of 20
 * deposits, 100 transfers and 10 withdrawals proves in this process, its verifier keys are exported to a store
 * directory, and the final BatchProof is then checked with nothing but the key files read back from that directory,
 * against public inputs recomputed by the independent implementation of the rules. One proving run serves every
 * test; it is the slowest test of the build (12 jobs at real size): 34 minutes on 2 cores shared with load average
 * 6 to 17, most of it the 3 node jobs, whose circuits have 8 slots of leaf proofs; it needs more than a 3 GiB heap.
 */
@Tag("slow")
class RollupWorkloadEndToEndTest {
    private static final ProtocolVersion VERSION = ProtocolVersion.V0_1_0;

    @TempDir
    static Path dir;

    private static Batch batch;
    private static PipelineResult result;
    private static Path store;
    private static Path proofFile;

    @BeforeAll
    static void proveExportAndWriteTheProof() throws IOException {
        batch = BatchGenerator.generate(new BatchSpec(41, VERSION.version(), 64, 20, 100, 10, 2026));
        CpuProvingBackend cpu = new CpuProvingBackend();
        CircuitRegistry registry = new CircuitRegistry(VERSION, cpu);
        long start = System.nanoTime();
        result = new LocalPipeline(registry, cpu, System.out::println).prove(batch);
        System.out.printf("proved in %.1f s%n", (System.nanoTime() - start) / 1e9);

        store = dir.resolve("store");
        registry.exportKeys(store);
        BatchProof proof = BatchProof.newBuilder()
                .setHeader(BatchMessages.toProto(batch).getHeader())
                .setPublicInputs(BatchMessages.toProto(result.publicInputs()))
                .setProof(ByteString.copyFrom(PlonkProofCodec.encode(result.finalProof().proof())))
                .setVerifierKeyDigest(CircuitRegistry.digestHex(result.finalKey()))
                .build();
        proofFile = dir.resolve("proof.bin");
        Files.write(proofFile, proof.toByteArray());
    }

    // the final key of the version as a verifier finds it in the store: only the layout, no circuit is built
    private static VerifierKey exportedFinalKey() throws IOException {
        CircuitKey finalKey = new CircuitRegistry(VERSION, null).finalKey();
        VerifierKeyDecoding decoding = CircuitRegistry.importKey(store, finalKey);
        return assertInstanceOf(VerifierKeyDecoding.Decoded.class, decoding, finalKey.storePath()).key();
    }

    private static long[] fieldElements(dev.zkcluster.protocol.v1.BatchPublicInputs pi) {
        List<Digest> digests = List.of(pi.getPrevRoot(), pi.getNewRoot(), pi.getDepositsHash(),
                pi.getTransfersHash(), pi.getWithdrawalsHash());
        long[] values = new long[SchedulerCircuit.NUM_PUBLIC_INPUTS];
        values[0] = pi.getBatchNumber();
        for (int i = 0; i < digests.size(); i++) {
            for (int e = 0; e < 4; e++) {
                values[1 + 4 * i + e] = digests.get(i).getElements(e);
            }
        }
        return values;
    }

    @Test
    void theFinalBatchProofVerifiesWithTheExportedKeyAlone() throws IOException {
        BatchProof proof = BatchProof.parseFrom(Files.readAllBytes(proofFile));
        VerifierKey key = exportedFinalKey();
        assertEquals(CircuitRegistry.digestHex(key), proof.getVerifierKeyDigest());
        BatchPublicInputs reference = BatchExecutorReferenceTest.reference(batch);
        assertEquals(BatchMessages.toProto(reference), proof.getPublicInputs());
        assertEquals(proof.getHeader().getPrevStateRoot(), proof.getPublicInputs().getPrevRoot());
        long[] claimed = fieldElements(proof.getPublicInputs());
        assertTrue(java.util.Arrays.equals(SchedulerCircuit.publicInputs(reference), claimed));
        assertInstanceOf(Verification.Accepted.class,
                Verifier.verify(key, proof.getProof().toByteArray(), claimed));
    }

    @Test
    void theCommandLineVerifierAcceptsItAndPrintsThePublicInputs() throws IOException {
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute("verify", proofFile.toString(), "--keys", store.toString());
        assertEquals(0, exit, out.toString());
        String json = JsonFormat.printer().print(BatchMessages.toProto(BatchExecutorReferenceTest.reference(batch)));
        assertEquals("valid\n" + json + "\n", out.toString());
    }

    @Test
    void changingAnyPublicInputOrAProofByteFailsVerification() throws IOException {
        BatchProof proof = BatchProof.parseFrom(Files.readAllBytes(proofFile));
        VerifierKey key = exportedFinalKey();
        long[] honest = fieldElements(proof.getPublicInputs());
        for (int i = 0; i < honest.length; i++) {
            long[] changed = honest.clone();
            changed[i] = Goldilocks.add(changed[i], 1);
            assertInstanceOf(Verification.Rejected.class,
                    Verifier.verify(key, proof.getProof().toByteArray(), changed), "public input " + i);
        }
        byte[] flipped = proof.getProof().toByteArray();
        flipped[flipped.length / 2] ^= 0x10;
        assertInstanceOf(Verification.Rejected.class, Verifier.verify(key, flipped, honest));
    }

    @Test
    void everyCircuitOfTheVersionIsExportedAtItsPlace() throws IOException {
        CircuitRegistry layout = new CircuitRegistry(VERSION, null);
        for (CircuitKey key : layout.allKeys()) {
            assertInstanceOf(VerifierKeyDecoding.Decoded.class, CircuitRegistry.importKey(store, key),
                    key.storePath());
        }
        try (Stream<Path> files = Files.walk(store)) {
            assertEquals(layout.allKeys().size(), files.filter(Files::isRegularFile).count());
        }
        assertTrue(Files.isRegularFile(store.resolve("keys/0.1.0/0/transfer.vk")));
    }

    @Test
    void theJobPlanOfCapacity64ShowsInTheRoundReports() {
        // 20 deposits, 100 transfers, 10 withdrawals at capacity 64: 1 + 2 + 1 basic instances, one leaf per kind,
        // one node per kind (the node depth runs even for a single child), then the tip and the scheduler
        Map<String, Integer> jobs = new LinkedHashMap<>();
        for (RoundReport round : result.rounds()) {
            jobs.put(round.round(), round.jobs());
        }
        assertEquals(4, jobs.get("basic"), jobs.toString());
        assertEquals(3, jobs.get("leaf"), jobs.toString());
        assertEquals(3, jobs.get("node depth 1"), jobs.toString());
        assertEquals(1, jobs.get("tip"), jobs.toString());
        assertEquals(1, jobs.get("scheduler"), jobs.toString());
        assertEquals(List.of("basic", "leaf", "node depth 1", "tip", "scheduler"),
                jobs.keySet().stream().limit(5).toList());
    }
}
