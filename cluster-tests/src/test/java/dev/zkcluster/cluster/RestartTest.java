package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every node of a two-node cluster is stopped abruptly in the middle of a batch and started again on the same
 * journal and object store: the batch completes, and no job that was proven before the stop is proven again.
 */
class RestartTest {
    // snapshots every few events, so that recovery goes through them
    static final String SNAPSHOTS = "zkcluster.jobs.snapshot-every = 3";

    @TempDir Path dir;

    @Test
    void aFullRestartResumesFromTheJournal() throws Exception {
        FakeRunner.reset();
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(250, false);
        int port1 = TestCluster.freePort();
        int port2 = TestCluster.freePort();
        List<ProvingService.JobView> provenBefore;
        try (TestCluster first = new TestCluster(dir, SNAPSHOTS)) {
            Node n1 = first.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"), port1);
            first.start("prover", "", FakeRunner.on("n2"), port2);
            first.awaitUp(2);
            ProvingService service = n1.provingService();
            service.submit(TestCluster.batch(31, "0.1.0-tiny", 8, 8, 8)).toCompletableFuture().join();
            TestCluster.await("some proofs", Duration.ofSeconds(30),
                    () -> FakeRunner.RUNS.size() >= 8 ? Optional.of(true) : Optional.empty());
            provenBefore = service.jobs(new ProvingService.JobFilter(Optional.of("proven"), Optional.empty(),
                    Optional.empty(), Optional.of(31L))).toCompletableFuture().join();
        } // both nodes are terminated without leaving
        assertTrue(provenBefore.size() >= 8 && provenBefore.size() < 24, provenBefore.size() + " proven");

        try (TestCluster second = new TestCluster(dir, SNAPSHOTS)) {
            Node n1 = second.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"), port1);
            second.start("prover", "", FakeRunner.on("n2"), port2);
            ProvingService service = n1.provingService();
            TestCluster.awaitState(service, 31, "done", Duration.ofSeconds(90));
            for (ProvingService.JobView j : provenBefore) {
                assertEquals(1, FakeRunner.runsOf(j.id()), j.id() + " was proven again");
            }
            assertEquals(24, FakeRunner.RUNS.stream().map(FakeRunner.Run::jobId).distinct().count());
            try (Stream<Path> finals = Files.list(dir.resolve("blobs/final"))) {
                assertEquals(1, finals.count());
            }
        }
        // recovery went through snapshots of the batch, its rounds and the queue; a job keeps none
        Map<String, Integer> snapshots = snapshotsByEntityType(dir);
        assertTrue(snapshots.getOrDefault("Batch", 0) > 0 && snapshots.getOrDefault("JobQueue", 0) > 0,
                snapshots.toString());
        assertEquals(0, snapshots.getOrDefault("CircuitJob", 0), snapshots.toString());
    }

    // snapshot rows in the journal, by entity type (the persistence id's part before '|')
    private static Map<String, Integer> snapshotsByEntityType(Path dataDir) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        try (Connection c = TestCluster.journal(dataDir); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT persistence_id FROM snapshot")) {
            while (rs.next()) {
                String id = rs.getString(1);
                counts.merge(id.substring(0, Math.max(0, id.indexOf('|'))), 1, Integer::sum);
            }
        }
        return counts;
    }
}
