package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.IntakeException;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One node with every role and a placeholder prover: the service contract around a batch's whole life. */
class ServiceContractTest {
    @TempDir Path dir;
    TestCluster cluster;
    ProvingService service;

    @BeforeEach
    void start() {
        FakeRunner.reset();
        cluster = new TestCluster(dir, "");
        Node node = cluster.start("gateway, orchestrator, witness, prover, compressor", "", FakeRunner.on("n1"));
        service = node.provingService();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aBatchRunsThroughEveryRoundAndLeavesOneFinalProof() throws Exception {
        List<ProvingService.ClusterEvent> events = new CopyOnWriteArrayList<>();
        AutoCloseable sub = service.subscribe(events::add);
        BatchInput input = TestCluster.batch(5, "0.1.0-tiny", 3, 5, 2);
        ProvingService.SubmitResult submitted = service.submit(input).toCompletableFuture().join();
        assertTrue(submitted.created());
        assertEquals(5, submitted.batchNumber());

        ProvingService.BatchStatus done = TestCluster.awaitState(service, 5, "done", Duration.ofSeconds(60));
        // tiny: capacity 2, fan-in 2 -> basic 2+3+1, leaf 1+2+1, node 1+1+1, tip, scheduler, compression
        assertEquals(List.of(6, 4, 3, 1, 1, 1), done.rounds().stream().map(ProvingService.RoundProgress::total).toList());
        done.rounds().forEach(r -> assertEquals(r.total(), r.proven(), r.name()));
        assertTrue(done.timingsMillis().containsKey("total"));
        assertEquals(16, FakeRunner.RUNS.size());

        BatchProof proof = service.finalProof(5).toCompletableFuture().join().orElseThrow();
        assertEquals(input.getHeader(), proof.getHeader());
        assertEquals(5, proof.getPublicInputs().getBatchNumber());
        try (Stream<Path> finals = Files.list(dir.resolve("blobs/final"))) {
            assertEquals(List.of("5.bin"), finals.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.exists(dir.resolve("blobs/witness_inputs/5.bin")));
        assertTrue(Files.exists(dir.resolve("blobs/proofs/5/0/transfer/0/2.bin")));

        List<ProvingService.JobView> jobs = service.jobs(ProvingService.JobFilter.all()).toCompletableFuture().join();
        assertEquals(16, jobs.size());
        jobs.forEach(j -> assertEquals("proven", j.state(), j.id()));
        assertEquals(1, jobs.get(0).attempts());
        assertEquals(List.of(), service.queueReport().toCompletableFuture().join().stream()
                .filter(d -> d.queued() + d.proving() > 0).toList());

        // re-submitting the identical batch is idempotent; other content under the number is a conflict
        ProvingService.SubmitResult again = service.submit(input).toCompletableFuture().join();
        assertFalse(again.created());
        assertEquals("done", again.state());
        IntakeException conflict = refused(() -> service.submit(TestCluster.batch(5, "0.1.0-tiny", 1, 1, 1)));
        assertEquals(IntakeException.Kind.CONFLICT, conflict.kind());
        assertEquals("header.batch_number", conflict.field());

        TestCluster.await("events", Duration.ofSeconds(5), () -> events.stream()
                .filter(e -> e.kind().equals("batch") && e.state().equals("done")).findAny());
        sub.close();
        assertEquals(List.of(service.status(5).toCompletableFuture().join().orElseThrow()),
                service.batches(Optional.of("done")).toCompletableFuture().join());
    }

    @Test
    void refusedBatchesChangeNothing() {
        IntakeException unknown = refused(() -> service.submit(TestCluster.batch(9, "9.9.9", 1, 1, 1)));
        assertEquals(IntakeException.Kind.INVALID, unknown.kind());
        assertEquals("header.protocol_version", unknown.field());
        // more transfers than a tiny tree holds (8 per kind)
        IntakeException big = refused(() -> service.submit(TestCluster.batch(10, "0.1.0-tiny", 1, 9, 1)));
        assertEquals(IntakeException.Kind.INVALID, big.kind());
        assertTrue(big.field().startsWith("transfers"), big.field());
        assertEquals(Optional.empty(), service.status(10).toCompletableFuture().join());
        assertFalse(Files.exists(dir.resolve("blobs/witness_inputs/10.bin")));
        assertEquals(IntakeException.Kind.NOT_FOUND, refused(() -> service.finalProof(10)).kind());
        assertEquals(IntakeException.Kind.NOT_FOUND, refused(() -> service.requeue(10)).kind());
    }

    @Test
    void theClusterViewShowsTheMemberAndItsWorker() {
        ProvingService.ClusterView view = service.cluster().toCompletableFuture().join();
        assertEquals(1, view.members().size());
        assertTrue(view.members().get(0).roles().contains("prover"));
        TestCluster.await("worker", Duration.ofSeconds(10), () -> {
            List<ProvingService.WorkerView> w = service.cluster().toCompletableFuture().join().workers();
            return w.size() == 1 ? Optional.of(w) : Optional.empty();
        });
        ProvingService.WorkerView w = service.cluster().toCompletableFuture().join().workers().get(0);
        assertEquals("cpu-0", w.device());
        assertEquals(Runtime.getRuntime().maxMemory(), w.deviceMemoryBytes(), "the CPU device offers the heap");
        assertEquals("idle", w.state());
    }

    static IntakeException refused(java.util.function.Supplier<java.util.concurrent.CompletionStage<?>> call) {
        try {
            call.get().toCompletableFuture().join();
        } catch (CompletionException e) {
            return assertInstanceOf(IntakeException.class, e.getCause());
        }
        throw new AssertionError("expected a refusal");
    }
}
