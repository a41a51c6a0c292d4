package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three nodes: one orchestrator (gateway, witness) and two provers, with placeholder proving. */
class ThreeNodeClusterTest {
    // snapshots every few events, so that recovery goes through them
    static final String SNAPSHOTS = "zkcluster.jobs.snapshot-every = 3";

    @TempDir Path dir;
    TestCluster cluster;
    Node orchestrator;
    Node proverA;
    Node proverB;

    @BeforeEach
    void start() {
        FakeRunner.reset();
        cluster = new TestCluster(dir, SNAPSHOTS);
        orchestrator = cluster.start("gateway, orchestrator, witness", "", FakeRunner.on("orchestrator"));
        proverA = cluster.start("prover", "", FakeRunner.on("a"));
        proverB = cluster.start("prover", "", FakeRunner.on("b"));
        cluster.awaitUp(3);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void bothProversDoJobsOfOneBatch() throws Exception {
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(150, false);
        ProvingService service = orchestrator.provingService();
        service.submit(TestCluster.batch(21, "0.1.0-tiny", 8, 8, 8)).toCompletableFuture().join();
        TestCluster.awaitState(service, 21, "done", Duration.ofSeconds(90));

        Set<String> nodes = FakeRunner.RUNS.stream().map(FakeRunner.Run::node).collect(Collectors.toSet());
        assertEquals(Set.of("a", "b"), nodes);
        assertEquals(24, FakeRunner.RUNS.stream().map(FakeRunner.Run::jobId).distinct().count());
        assertEquals(24, FakeRunner.RUNS.size(), "no job ran twice");
        assertOneFinalProof();
        // the cluster view lists the three members and the provers' two workers
        ProvingService.ClusterView view = service.cluster().toCompletableFuture().join();
        assertEquals(3, view.members().size());
        assertEquals(2, view.workers().size());
    }

    @Test
    void aKilledProverNodesJobsRunAgainElsewhere() throws Exception {
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(600, false);
        ProvingService service = orchestrator.provingService();
        service.submit(TestCluster.batch(22, "0.1.0-tiny", 8, 8, 8)).toCompletableFuture().join();
        TestCluster.await("b busy after a proof", Duration.ofSeconds(30), () -> {
            boolean bRunning = inFlight("b").size() > 0;
            return bRunning && FakeRunner.RUNS.size() >= 2 ? Optional.of(true) : Optional.empty();
        });
        String bAddress = Cluster.get(proverB.system()).selfMember().address().toString();
        cluster.kill(proverB);
        Set<String> lost = inFlight("b");
        assertFalse(lost.isEmpty());

        ProvingService.BatchStatus done = TestCluster.awaitState(service, 22, "done", Duration.ofSeconds(90));
        done.rounds().forEach(r -> assertEquals(r.total(), r.proven(), r.name()));
        for (String job : lost) {
            assertTrue(FakeRunner.RUNS.stream().anyMatch(r -> r.jobId().equals(job) && r.node().equals("a")),
                    job + " was re-run on the surviving prover");
        }
        List<ProvingService.JobView> jobs = service.jobs(ProvingService.JobFilter.all()).toCompletableFuture()
                .join();
        assertEquals(24, jobs.size());
        for (ProvingService.JobView j : jobs) {
            assertEquals("proven", j.state());
            if (lost.contains(j.id())) {
                assertEquals(2, j.attempts(), j.id() + " took a second attempt");
                assertFalse(j.worker().orElseThrow().startsWith(bAddress));
            }
        }
        assertOneFinalProof();
    }

    // jobs started on a node that it has not finished
    private static Set<String> inFlight(String node) {
        Set<String> started = FakeRunner.STARTED.stream().filter(r -> r.node().equals(node))
                .map(FakeRunner.Run::jobId).collect(Collectors.toSet());
        FakeRunner.RUNS.stream().filter(r -> r.node().equals(node)).forEach(r -> started.remove(r.jobId()));
        return started;
    }

    private void assertOneFinalProof() throws Exception {
        try (Stream<Path> finals = Files.list(dir.resolve("blobs/final"))) {
            assertEquals(1, finals.count());
        }
    }
}
