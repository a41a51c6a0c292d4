package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue keeps a worker's report and a job's confirmation in memory and writes the removal with its next write.
 * Here the node stops while a proven job's removal is still unwritten (the delay is an hour), its entry still leased
 * to a worker slot of the same address: after the restart the proven job is not proven again, a job leased at the
 * stop goes back to its slot with its attempt count kept, and the batch completes.
 */
class QueueRestartTest {
    static final String HOCON = String.join("\n",
            "zkcluster.jobs.queue-removal-delay = 1h",
            "zkcluster.prover.concurrency = 1");

    @TempDir Path dir;

    @Test
    void aRestartBeforeTheRemovalIsWrittenNeitherLosesNorReprovesAJob() throws Exception {
        FakeRunner.reset();
        // the first job is quick; every later one stalls, so that the queue writes nothing after the first is proven
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(FakeRunner.STARTED.size() == 1 ? 20 : 20_000,
                false);
        int port = TestCluster.freePort();
        String proven;
        String leased;
        try (TestCluster first = new TestCluster(dir, HOCON)) {
            Node n1 = first.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"), port);
            ProvingService service = n1.provingService();
            service.submit(TestCluster.batch(51, "0.1.0-tiny", 1, 1, 1)).toCompletableFuture().join();
            TestCluster.await("one proof and the next lease", Duration.ofSeconds(30),
                    () -> FakeRunner.RUNS.size() == 1 && FakeRunner.STARTED.size() == 2 ? Optional.of(true)
                            : Optional.empty());
            proven = FakeRunner.RUNS.get(0).jobId();
            leased = FakeRunner.STARTED.get(1).jobId();
            TestCluster.await("the proven job's state", Duration.ofSeconds(10),
                    () -> job(service, proven).filter(j -> j.state().equals("proven")));
            // the job has told the queue by now; the removal waits for a write that does not come
            Thread.sleep(500);
        }

        FakeRunner.reset(); // the stalled run of the first life no longer counts
        try (TestCluster second = new TestCluster(dir, HOCON)) {
            Node n1 = second.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"), port);
            ProvingService service = n1.provingService();
            TestCluster.awaitState(service, 51, "done", Duration.ofSeconds(60));
            assertNull(FakeRunner.STARTS.get(proven), proven + " was started again after the restart");
            assertEquals(1, FakeRunner.STARTS.get(leased), leased + " after the restart");
            ProvingService.JobView first = job(service, proven).orElseThrow();
            assertEquals("proven", first.state());
            assertEquals(1, first.attempts());
            ProvingService.JobView second0 = job(service, leased).orElseThrow();
            assertEquals("proven", second0.state());
            assertEquals(1, second0.attempts(), "the lease held across the restart is the same attempt");
            List<ProvingService.JobView> all = service.jobs(new ProvingService.JobFilter(Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(51L))).toCompletableFuture().join();
            all.forEach(j -> assertEquals("proven", j.state(), j.id()));
            try (Stream<Path> finals = Files.list(dir.resolve("blobs/final"))) {
                assertEquals(1, finals.count());
            }
        }
    }

    @Test
    void aRestartAfterTheLastProofDoesNotProveItAgain() throws Exception {
        FakeRunner.reset();
        int port = TestCluster.freePort();
        String last;
        try (TestCluster first = new TestCluster(dir, HOCON)) {
            Node n1 = first.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"), port);
            ProvingService service = n1.provingService();
            service.submit(TestCluster.batch(52, "0.1.0-tiny", 1, 1, 1)).toCompletableFuture().join();
            TestCluster.awaitState(service, 52, "done", Duration.ofSeconds(60));
            last = FakeRunner.RUNS.get(FakeRunner.RUNS.size() - 1).jobId();
            // the queue has the confirmation of the last job in memory; nothing else writes to it
            Thread.sleep(500);
        }

        FakeRunner.reset();
        try (TestCluster second = new TestCluster(dir, HOCON)) {
            Node n1 = second.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"), port);
            ProvingService service = n1.provingService();
            // the idle slot asks its queue every poll interval
            Thread.sleep(4000);
            assertEquals(Map.of(), FakeRunner.STARTS, "jobs started again after the restart (the last was " + last
                    + ")");
            assertEquals("done", service.status(52).toCompletableFuture().join().orElseThrow().state());
        }
    }

    private static Optional<ProvingService.JobView> job(ProvingService service, String id) {
        return service.jobs(new ProvingService.JobFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(51L))).toCompletableFuture().join().stream().filter(j -> j.id().equals(id)).findFirst();
    }
}
