package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.Node;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The house keeper archives a finished batch after the retention period: job proofs go, the final proof stays. */
class ArchiveTest {
    @TempDir Path dir;

    @Test
    void finishedBatchesAreArchivedAfterRetention() throws Exception {
        FakeRunner.reset();
        try (TestCluster cluster = new TestCluster(dir, "zkcluster.jobs.retention = 1s")) {
            Node node = cluster.start("gateway, orchestrator, witness, prover", "", FakeRunner.on("n1"));
            ProvingService service = node.provingService();
            service.submit(TestCluster.batch(71, "0.1.0-tiny", 1, 1, 1)).toCompletableFuture().join();
            TestCluster.awaitState(service, 71, "done", Duration.ofSeconds(60));
            Path proofs = dir.resolve("blobs/proofs/71");
            TestCluster.await("archive", Duration.ofSeconds(20),
                    () -> Files.exists(proofs) ? Optional.empty() : Optional.of(true));
            assertTrue(Files.exists(dir.resolve("blobs/final/71.bin")));
            assertTrue(service.finalProof(71).toCompletableFuture().join().isPresent());
            assertEquals("done", service.status(71).toCompletableFuture().join().orElseThrow().state());
        }
    }
}
