package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.cluster.JobQueue;
import dev.zkcluster.node.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A witness node with no prover to take its vectors stops at {@code zkcluster.witness.max-ready}: with four basic jobs
 * queued it makes two vectors and then takes no further job, however long it polls.
 */
class WitnessCapTest {
    @TempDir Path dir;
    TestCluster cluster;

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aWitnessNodeHoldsNoMoreVectorsThanItsCap() throws Exception {
        FakeRunner.reset();
        cluster = new TestCluster(dir, "zkcluster.witness.max-ready = 2\nzkcluster.witness.concurrency = 2");
        Node node = cluster.start("gateway, orchestrator, witness", "", FakeRunner.on("w"));
        node.provingService().submit(TestCluster.batch(72, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
        EntityRef<JobQueue.Command> queue = ClusterSharding.get(node.system()).entityRefFor(JobQueue.KEY, "default");

        try {
            TestCluster.await("two vectors ready", Duration.ofSeconds(60), () -> Optional.of(witnesses(queue))
                    .filter(w -> w.ready().size() == 2));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; witnesses " + witnesses(queue) + ", generated "
                    + FakeRunner.WITNESSED, e);
        }
        // many poll intervals (200 ms) later, still two: the cap holds with jobs left to witness
        Thread.sleep(2_000);
        JobQueue.Witnesses w = witnesses(queue);
        assertEquals(2, w.ready().size(), "vectors held: " + w.ready());
        assertTrue(w.witnessing().isEmpty(), "jobs being witnessed beyond the cap: " + w.witnessing());
        assertEquals(2, FakeRunner.WITNESSED.size(), "witness generations: " + FakeRunner.WITNESSED);
    }

    private static JobQueue.Witnesses witnesses(EntityRef<JobQueue.Command> queue) {
        return queue.<JobQueue.Witnesses>ask(JobQueue.ListWitnesses::new, Duration.ofSeconds(5))
                .toCompletableFuture().join();
    }
}
