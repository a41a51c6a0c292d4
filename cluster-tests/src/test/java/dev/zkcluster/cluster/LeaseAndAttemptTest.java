package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leases that expire and jobs that keep failing, on one node with two worker slots and short timeouts. */
class LeaseAndAttemptTest {
    @TempDir Path dir;
    TestCluster cluster;
    ProvingService service;

    @BeforeEach
    void start() {
        FakeRunner.reset();
        cluster = new TestCluster(dir, "");
        Node node = cluster.start("gateway, orchestrator, witness, prover", String.join("\n",
                "zkcluster.prover.concurrency = 2",
                "zkcluster.jobs.rounds.basic.timeout = 1500ms",
                "zkcluster.jobs.rounds.tip { timeout = 5s, max-attempts = 2 }"), FakeRunner.on("n1"));
        service = node.provingService();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void anExpiredLeaseIsRequeuedWithTheAttemptCountIncreased() {
        String stalled = "41-0-transfer-0-0";
        FakeRunner.policy = (node, spec) -> spec.id().equals(stalled) && FakeRunner.STARTS.get(stalled) == 1
                ? new FakeRunner.Behaviour(4000, false) : FakeRunner.Behaviour.QUICK;
        service.submit(TestCluster.batch(41, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
        TestCluster.awaitState(service, 41, "done", Duration.ofSeconds(60));
        ProvingService.JobView job = job(41, stalled);
        assertEquals("proven", job.state());
        assertEquals(2, job.attempts());
        assertEquals(2, FakeRunner.STARTS.get(stalled));
        // the others took one lease each
        service.jobs(filter(41)).toCompletableFuture().join().stream().filter(j -> !j.id().equals(stalled))
                .forEach(j -> assertEquals(1, j.attempts(), j.id()));
    }

    @Test
    void maxAttemptsFailTheBatchAndRequeueBringsItBack() {
        String tip = "42-3-tip-0-0";
        boolean[] broken = {true};
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(20, broken[0] && spec.id().equals(tip));
        service.submit(TestCluster.batch(42, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
        ProvingService.BatchStatus failed = TestCluster.awaitState(service, 42, "failed", Duration.ofSeconds(60));
        String reason = failed.error().orElseThrow();
        assertTrue(reason.contains(tip) && reason.contains("2 of 2"), reason);
        assertTrue(reason.contains("injected failure"), reason);
        ProvingService.JobView job = job(42, tip);
        assertEquals("failed", job.state());
        assertEquals(2, job.attempts());
        assertEquals(1, failed.rounds().stream().filter(r -> r.name().equals("tip")).findFirst().orElseThrow()
                .failed());

        broken[0] = false;
        assertEquals(1, service.requeue(42).toCompletableFuture().join());
        TestCluster.awaitState(service, 42, "done", Duration.ofSeconds(60));
        assertEquals("proven", job(42, tip).state());
        assertEquals(3, FakeRunner.STARTS.get(tip));
    }

    private static ProvingService.JobFilter filter(long batch) {
        return new ProvingService.JobFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(batch));
    }

    private ProvingService.JobView job(long batch, String id) {
        List<ProvingService.JobView> jobs = service.jobs(filter(batch)).toCompletableFuture().join();
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow();
    }
}
