package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.cluster.JobRunner;
import dev.zkcluster.actors.cluster.JobSpec;
import dev.zkcluster.actors.cluster.PipelineJobRunner;
import dev.zkcluster.circuits.pipeline.LocalPipeline;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.node.Node;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import dev.zkcluster.protocol.v1.BatchPublicInputs;
import dev.zkcluster.protocol.v1.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One node with every role proves a tiny batch for real, through the entities, the queue and the CPU worker; the
 * final proof it writes (the compression proof) verifies against the compression key and fails when a bit or a public input changes.
 * Subclasses pick the journal.
 */
@Tag("slow")
abstract class EndToEndContract {
    // both journals' runs share circuits and keys, so the second run does not build them again
    private static final Map<String, LocalPipeline> PIPELINES = new ConcurrentHashMap<>();
    private static final String TINY = "0.1.0-tiny";

    @TempDir Path dir;

    abstract TestCluster cluster(Path dir);

    @Test
    void oneNodeProvesABatchEndToEnd() throws Exception {
        AtomicReference<PipelineJobRunner> runner = new AtomicReference<>();
        AtomicLong smallestWitness = new AtomicLong(Long.MAX_VALUE);
        try (TestCluster cluster = cluster(dir)) {
            Node node = cluster.start("gateway, orchestrator, witness, prover, compressor", "", (device, store) -> {
                PipelineJobRunner r = new PipelineJobRunner(device, store, PIPELINES);
                runner.set(r);
                return new JobRunner() {
                    @Override
                    public byte[] witness(JobSpec spec) throws Exception {
                        byte[] w = r.witness(spec);
                        smallestWitness.accumulateAndGet(w.length, Math::min);
                        return w;
                    }

                    @Override
                    public String prove(JobSpec spec, byte[] witness) throws Exception {
                        return r.prove(spec, witness);
                    }

                    @Override
                    public void dropped(JobSpec spec) {
                        r.dropped(spec);
                    }

                    @Override
                    public boolean serves(String protocolVersion) {
                        return r.serves(protocolVersion);
                    }
                };
            });
            ProvingService service = node.provingService();
            LocalPipeline existing = PIPELINES.get(TINY);
            long buildsBefore = existing == null ? 0 : existing.registry().buildCount();
            long setUpsBefore = existing == null ? 0 : existing.registry().setUpCount();
            long number = 40 + (System.nanoTime() & 0xffff);
            BatchInput input = TestCluster.batch(number, TINY, 1, 3, 1);
            assertTrue(service.submit(input).toCompletableFuture().join().created());

            ProvingService.BatchStatus done = TestCluster.awaitState(service, number, "done", Duration.ofMinutes(15));
            done.rounds().forEach(r -> assertEquals(r.total(), r.proven(), r.name()));
            List<ProvingService.JobView> jobs = service.jobs(new ProvingService.JobFilter(java.util.Optional.empty(),
                    java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of(number)))
                    .toCompletableFuture().join();
            assertEquals(13, jobs.size()); // basic 1 + 2 + 1, leaf 3, node 3, tip, scheduler, compression
            jobs.forEach(j -> assertEquals("proven", j.state(), j.id()));
            // witness generation and proving share the node's circuits: none of the 12 is built or set up twice
            CircuitRegistry registry = PIPELINES.get(TINY).registry();
            assertTrue(registry.buildCount() - buildsBefore <= 12, (registry.buildCount() - buildsBefore)
                    + " circuit builds for 12 circuits");
            assertTrue(registry.setUpCount() - setUpsBefore <= 12, (registry.setUpCount() - setUpsBefore)
                    + " set-ups for 12 circuits");

            // no witness vector went into the journal: every payload there is far smaller than the smallest vector
            OptionalLong largest = largestJournalPayload(dir);
            if (largest.isPresent()) {
                assertTrue(largest.getAsLong() < smallestWitness.get() / 8, "largest journal payload "
                        + largest.getAsLong() + " bytes, smallest witness " + smallestWitness.get() + " bytes");
            }

            BatchProof proof = service.finalProof(number).toCompletableFuture().join().orElseThrow();
            try (Stream<Path> finals = Files.list(dir.resolve("blobs/final"))) {
                assertEquals(1, finals.count());
            }
            assertEquals(input.getHeader(), proof.getHeader());
            VerifierKey key = runner.get().verifierKey(CircuitRegistry.finalKeyOf(TINY));
            assertEquals(CircuitRegistry.digestHex(key), proof.getVerifierKeyDigest());
            long[] inputs = publicInputs(proof.getPublicInputs());
            byte[] bytes = proof.getProof().toByteArray();
            assertInstanceOf(Verification.Accepted.class, Verifier.verify(key, bytes, inputs));

            byte[] flipped = bytes.clone();
            flipped[flipped.length / 2] ^= 0x10;
            assertInstanceOf(Verification.Rejected.class, Verifier.verify(key, flipped, inputs));
            long[] otherBatch = inputs.clone();
            otherBatch[0] += 1;
            assertInstanceOf(Verification.Rejected.class, Verifier.verify(key, bytes, otherBatch));
        }
    }

    /** The largest event or snapshot payload in the journal, where the subclass can read it. */
    OptionalLong largestJournalPayload(Path dir) throws Exception {
        return OptionalLong.empty();
    }

    static long[] publicInputs(BatchPublicInputs pi) {
        long[] values = new long[21];
        values[0] = pi.getBatchNumber();
        List<Digest> digests = List.of(pi.getPrevRoot(), pi.getNewRoot(), pi.getDepositsHash(), pi.getTransfersHash(),
                pi.getWithdrawalsHash());
        for (int i = 0; i < digests.size(); i++) {
            for (int e = 0; e < 4; e++) {
                values[1 + 4 * i + e] = digests.get(i).getElements(e);
            }
        }
        return values;
    }
}
