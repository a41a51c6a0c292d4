package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Witness generation on its own nodes: every vector travels from the witness node to the prover as a stream (the
 * placeholder runner checks each byte), or, to a prover on the witness node itself, as the held array; a killed
 * witness node's jobs are witnessed again elsewhere, and no vector enters the journal.
 */
class WitnessStreamTest {
    private static final int VECTOR_BYTES = 1 << 20; // eight 128 KiB chunks

    @TempDir Path dir;

    @BeforeEach
    void reset() {
        FakeRunner.reset();
        FakeRunner.witnessBytes = VECTOR_BYTES;
    }

    @Test
    void vectorsStreamFromTheWitnessNodeToTheProver() throws Exception {
        try (TestCluster cluster = new TestCluster(dir, "")) {
            Node orchestrator = cluster.start("gateway, orchestrator", "", FakeRunner.on("orchestrator"));
            cluster.start("witness", "", FakeRunner.on("w"));
            cluster.start("prover", "", FakeRunner.on("p"));
            cluster.awaitUp(3);
            ProvingService service = orchestrator.provingService();
            service.submit(TestCluster.batch(61, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
            ProvingService.BatchStatus done = TestCluster.awaitState(service, 61, "done", Duration.ofSeconds(90));
            done.rounds().forEach(r -> assertEquals(r.total(), r.proven(), r.name()));

            Set<String> jobs = FakeRunner.RUNS.stream().map(FakeRunner.Run::jobId).collect(Collectors.toSet());
            assertEquals(13, jobs.size());
            assertEquals(Set.of("w"), FakeRunner.WITNESSED.stream().map(FakeRunner.Run::node)
                    .collect(Collectors.toSet()), "only the witness node generates witnesses");
            assertEquals(Set.of("p"), FakeRunner.RUNS.stream().map(FakeRunner.Run::node)
                    .collect(Collectors.toSet()), "only the prover proves");
            for (String job : jobs) {
                assertEquals("w", FakeRunner.WITNESS_FROM.get("p " + job), job + " was proved from w's vector");
            }
            for (ProvingService.JobView j : service.jobs(ProvingService.JobFilter.all()).toCompletableFuture()
                    .join()) {
                assertEquals(1, j.attempts(), j.id());
            }
            // the journal holds small events only: nothing near one vector's size
            long largest = largestPayload(dir);
            assertTrue(largest > 0 && largest < VECTOR_BYTES / 16, "largest journal payload " + largest + " bytes");
        }
    }

    @Test
    void aProverOnTheWitnessNodeTakesTheHeldVectorAndAnotherNodeStreamsIt() {
        // proofs take a while, so that both provers get jobs
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(60, false);
        try (TestCluster cluster = new TestCluster(dir, "")) {
            Node both = cluster.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("both"));
            cluster.start("prover", "", FakeRunner.on("p"));
            cluster.awaitUp(2);
            ProvingService service = both.provingService();
            service.submit(TestCluster.batch(62, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
            TestCluster.awaitState(service, 62, "done", Duration.ofSeconds(90));

            Set<String> provers = FakeRunner.RUNS.stream().map(FakeRunner.Run::node).collect(Collectors.toSet());
            assertEquals(Set.of("both", "p"), provers, "both provers did jobs");
            for (FakeRunner.Run run : FakeRunner.RUNS) {
                String key = run.node() + " " + run.jobId();
                // every vector arrived intact (the runner checks each byte); only the witness node's own prover
                // proved from the array the witness worker holds, the other got its own copy through the stream
                assertEquals("both", FakeRunner.WITNESS_FROM.get(key), key);
                assertEquals(run.node().equals("both"), FakeRunner.SAME_ARRAY.get(key), key);
            }
        }
    }

    @Test
    void aKilledWitnessNodesVectorsAreMadeAgainOnAnother() {
        // the prover is slow, so vectors wait on the witness nodes when one of them dies
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(250, false);
        FakeRunner.witnessPolicy = (node, spec) -> new FakeRunner.Behaviour(20, false);
        try (TestCluster cluster = new TestCluster(dir, "")) {
            Node orchestrator = cluster.start("gateway, orchestrator", "", FakeRunner.on("orchestrator"));
            Node w1 = cluster.start("witness", "zkcluster.witness.concurrency = 2", FakeRunner.on("w1"));
            cluster.start("witness", "", FakeRunner.on("w2"));
            cluster.start("prover", "", FakeRunner.on("p"));
            cluster.awaitUp(4);
            ProvingService service = orchestrator.provingService();
            service.submit(TestCluster.batch(62, "0.1.0-tiny", 8, 8, 8)).toCompletableFuture().join();
            TestCluster.await("w1 holds vectors not yet proved", Duration.ofSeconds(30), () -> {
                Set<String> proved = FakeRunner.RUNS.stream().map(FakeRunner.Run::jobId).collect(Collectors.toSet());
                long waiting = FakeRunner.WITNESSED.stream()
                        .filter(r -> r.node().equals("w1") && !proved.contains(r.jobId())).count();
                return waiting >= 3 && proved.size() >= 1 ? Optional.of(true) : Optional.empty();
            });
            cluster.kill(w1);
            Set<String> proved = FakeRunner.RUNS.stream().map(FakeRunner.Run::jobId).collect(Collectors.toSet());
            List<String> lost = FakeRunner.WITNESSED.stream()
                    .filter(r -> r.node().equals("w1") && !proved.contains(r.jobId())).map(FakeRunner.Run::jobId)
                    .toList();
            assertFalse(lost.isEmpty());

            ProvingService.BatchStatus done = TestCluster.awaitState(service, 62, "done", Duration.ofSeconds(120));
            done.rounds().forEach(r -> assertEquals(r.total(), r.proven(), r.name()));
            // most of w1's waiting vectors were lost with it and made again by w2 (one may have been in flight)
            long remade = lost.stream().filter(j -> "w2".equals(FakeRunner.WITNESS_FROM.get("p " + j))).count();
            assertTrue(remade >= lost.size() - 1, remade + " of " + lost.size() + " lost vectors were made again");
            for (ProvingService.JobView j : service.jobs(ProvingService.JobFilter.all()).toCompletableFuture()
                    .join()) {
                assertEquals("proven", j.state(), j.id());
                assertEquals(1, j.attempts(), j.id() + ": a lost vector does not count as an attempt");
            }
        }
    }

    @Test
    void aWitnessThatKeepsFailingFailsTheBatchAtMaxAttempts() {
        String tip = "63-3-tip-0-0";
        FakeRunner.witnessPolicy = (node, spec) -> new FakeRunner.Behaviour(0, spec.id().equals(tip));
        try (TestCluster cluster = new TestCluster(dir, "")) {
            Node node = cluster.start("gateway, orchestrator, witness, prover",
                    "zkcluster.jobs.rounds.tip { timeout = 5s, max-attempts = 2 }", FakeRunner.on("n"));
            ProvingService service = node.provingService();
            service.submit(TestCluster.batch(63, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
            ProvingService.BatchStatus failed = TestCluster.awaitState(service, 63, "failed", Duration.ofSeconds(60));
            String reason = failed.error().orElseThrow();
            assertTrue(reason.contains(tip) && reason.contains("2 of 2"), reason);
            assertTrue(reason.contains("injected witness failure"), reason);
            assertEquals(0, FakeRunner.STARTS.getOrDefault(tip, 0), "a job without a witness is never proved");
        }
    }

    // the largest event or snapshot the nodes wrote to the shared H2 journal
    static long largestPayload(Path dataDir) throws Exception {
        long largest = 0;
        try (Connection c = TestCluster.journal(dataDir); Statement st = c.createStatement()) {
            for (String q : List.of("SELECT MAX(OCTET_LENGTH(event_payload)) FROM event_journal",
                    "SELECT MAX(OCTET_LENGTH(snapshot_payload)) FROM snapshot")) {
                try (ResultSet rs = st.executeQuery(q)) {
                    if (rs.next()) {
                        largest = Math.max(largest, rs.getLong(1));
                    }
                }
            }
        }
        return largest;
    }
}
