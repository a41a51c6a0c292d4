package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeStartException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prover groups route jobs by (round, circuit); protocol versions route them by the keys a worker holds. */
class GroupsAndVersionsTest {
    static final String BASIC = "\"0:deposit\", \"0:transfer\", \"0:withdrawal\"";
    static final String AGGREGATION = "\"1:deposit\", \"1:transfer\", \"1:withdrawal\", \"2:deposit.depth1\","
            + " \"2:transfer.depth1\", \"2:withdrawal.depth1\", \"3:tip\"";

    static String groups(String basic, String aggregation) {
        return "zkcluster.prover-groups = [ { name = basic, circuits = [" + basic + "] },"
                + " { name = aggregation, circuits = [" + aggregation + "] } ]";
    }

    // the single-job rounds after the tip
    private static final String FINAL = ", \"4:scheduler\", \"5:compression\"";

    @TempDir Path dir;

    @Test
    void aJobGoesOnlyToAWorkerOfItsGroup() {
        FakeRunner.reset();
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(50, false);
        try (TestCluster cluster = new TestCluster(dir, groups(BASIC, AGGREGATION + FINAL))) {
            Node basic = cluster.start("gateway, orchestrator, witness, prover", "zkcluster.prover.group = basic",
                    FakeRunner.on("basic"));
            cluster.start("prover", "zkcluster.prover.group = aggregation", FakeRunner.on("aggregation"));
            cluster.awaitUp(2);
            ProvingService service = basic.provingService();
            service.submit(TestCluster.batch(51, "0.1.0-tiny", 4, 6, 2)).toCompletableFuture().join();
            TestCluster.awaitState(service, 51, "done", Duration.ofSeconds(60));
            FakeRunner.RUNS.forEach(r -> assertEquals(r.round() == 0 ? "basic" : "aggregation", r.node(),
                    r.jobId()));
            assertEquals(Set.of(0, 1, 2, 3, 4, 5),
                    FakeRunner.RUNS.stream().map(FakeRunner.Run::round).collect(Collectors.toSet()));
        }
    }

    @Test
    void aMisconfiguredGroupSetFailsAtStartNamingThePair() {
        try (TestCluster cluster = new TestCluster(dir, "")) {
            NodeStartException missing = assertThrows(NodeStartException.class, () -> cluster.start("prover",
                    groups(BASIC, AGGREGATION), FakeRunner.on("x")));
            assertTrue(missing.getMessage().contains("pair 4:scheduler is not covered"), missing.getMessage());
            NodeStartException twice = assertThrows(NodeStartException.class, () -> cluster.start("prover",
                    groups(BASIC, AGGREGATION + FINAL + ", \"0:transfer\""), FakeRunner.on("x")));
            assertTrue(twice.getMessage().contains("pair 0:transfer is covered by both 'basic' and 'aggregation'"),
                    twice.getMessage());
            NodeStartException unknown = assertThrows(NodeStartException.class, () -> cluster.start("prover",
                    groups(BASIC + ", \"0:mint\"", AGGREGATION + FINAL), FakeRunner.on("x")));
            assertTrue(unknown.getMessage().contains("0:mint"), unknown.getMessage());
            NodeStartException noGroup = assertThrows(NodeStartException.class, () -> cluster.start("prover",
                    "zkcluster.prover.group = gpu", FakeRunner.on("x")));
            assertTrue(noGroup.getMessage().contains("'gpu'"), noGroup.getMessage());
        }
    }

    @Test
    void twoVersionsInFlightEachServedOnlyByMatchingWorkers() {
        FakeRunner.reset();
        FakeRunner.policy = (node, spec) -> new FakeRunner.Behaviour(100, false);
        try (TestCluster cluster = new TestCluster(dir, "")) {
            Node tiny = cluster.start("gateway, orchestrator, witness, prover",
                    "zkcluster.prover.protocol-versions = [\"0.1.0-tiny\"]", FakeRunner.on("tiny"));
            cluster.start("prover", "zkcluster.prover.protocol-versions = [\"0.1.0-small\"]",
                    FakeRunner.on("small"));
            cluster.awaitUp(2);
            ProvingService service = tiny.provingService();
            service.submit(TestCluster.batch(61, "0.1.0-tiny", 3, 5, 2)).toCompletableFuture().join();
            service.submit(TestCluster.batch(62, "0.1.0-small", 5, 40, 3)).toCompletableFuture().join();
            assertEquals("proving", service.status(61).toCompletableFuture().join().orElseThrow().state());
            assertEquals("proving", service.status(62).toCompletableFuture().join().orElseThrow().state());
            TestCluster.awaitState(service, 61, "done", Duration.ofSeconds(60));
            TestCluster.awaitState(service, 62, "done", Duration.ofSeconds(60));
            FakeRunner.RUNS.forEach(r -> assertEquals(r.version().equals("0.1.0-tiny") ? "tiny" : "small",
                    r.node(), r.jobId()));
            assertEquals(Set.of("tiny", "small"),
                    FakeRunner.RUNS.stream().map(FakeRunner.Run::node).collect(Collectors.toSet()));
        }
    }
}
