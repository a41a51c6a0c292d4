package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.cluster.JobQueue;
import dev.zkcluster.actors.cluster.WitnessWorker;
import dev.zkcluster.node.Node;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue's witness transitions, driven by hand on a node with no witness or prover workers: a job is witnessed
 * before any prover can lease it, the lease names the witness worker holding the vector, a lost vector sends the job
 * back without an attempt, and a node that leaves takes its markers with it.
 */
class WitnessQueueTest {
    private static final List<String> VERSIONS = List.of("0.1.0-tiny");

    @TempDir Path dir;
    TestCluster cluster;
    Node node;
    ProvingService service;
    EntityRef<JobQueue.Command> queue;

    @BeforeEach
    void start() {
        FakeRunner.reset();
        cluster = new TestCluster(dir, "");
        node = cluster.start("gateway, orchestrator", "", FakeRunner.on("n"));
        service = node.provingService();
        queue = ClusterSharding.get(node.system()).entityRefFor(JobQueue.KEY, "default");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void aJobIsWitnessedThenLeasedWithItsVectorAndALostVectorCostsNoAttempt() throws Exception {
        service.submit(TestCluster.batch(71, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
        // basic jobs: 1 deposit, 2 transfer, 1 withdrawal
        TestCluster.await("the four basic jobs queued", Duration.ofSeconds(10), () -> Optional.of(queue
                .<JobQueue.Entries>ask(r -> new JobQueue.ListEntries(71, r), Duration.ofSeconds(5))
                .toCompletableFuture().join().entries()).filter(e -> e.size() == 4));
        BlockingQueue<Object> witnessSlot = inbox();
        BlockingQueue<Object> server = inbox();
        BlockingQueue<Object> prover = inbox();
        ActorRef<JobQueue.WitnessTask> witnessRef = ref(witnessSlot);
        ActorRef<WitnessWorker.Command> serverRef = ref(server);
        ActorRef<JobQueue.Assignment> proverRef = ref(prover);

        // a prover asks first: nothing is witness-ready, so it waits
        queue.tell(new JobQueue.Pull("x/cpu-0#0", VERSIONS, proverRef, ""));
        JobQueue.WitnessTask task = TestCluster.await("a witness task", Duration.ofSeconds(10), () -> {
            queue.tell(new JobQueue.PullWitness("w/witness#0", VERSIONS, witnessRef));
            return Optional.ofNullable((JobQueue.WitnessTask) poll(witnessSlot, 500));
        });
        String id = task.spec().id();
        assertEquals("71-0-deposit-0-0", id, "the first job in queue order");
        assertEquals("w/witness#0", witnesses().witnessing().get(id));
        assertNull(prover.poll(300, TimeUnit.MILLISECONDS), "no lease before a vector is ready");
        assertEquals("queued", job(id).state());
        // the same slot asking again gets the same job
        queue.tell(new JobQueue.PullWitness("w/witness#0", VERSIONS, witnessRef));
        assertEquals(id, ((JobQueue.WitnessTask) poll(witnessSlot, 5000)).spec().id());

        queue.tell(new JobQueue.WitnessReady(id, "w/witness#0", serverRef));
        JobQueue.Assignment lease = (JobQueue.Assignment) poll(prover, 5000);
        assertEquals(id, lease.spec().id());
        assertEquals(serverRef, lease.witness(), "the lease names the witness worker holding the vector");
        assertEquals(1, lease.attempt());
        assertEquals("w", witnesses().ready().get(id));
        assertFalse(witnesses().witnessing().containsKey(id));
        TestCluster.await("job proving", Duration.ofSeconds(5),
                () -> Optional.of(job(id)).filter(j -> j.state().equals("proving")));

        // the prover cannot get the vector: back to queued, the vector dropped, the attempt not counted
        queue.tell(new JobQueue.WitnessLost(id, "x/cpu-0#0", 1));
        assertEquals(new WitnessWorker.Drop(id), poll(server, 5000));
        ProvingService.JobView back = TestCluster.await("job queued again", Duration.ofSeconds(5),
                () -> Optional.of(job(id)).filter(j -> j.state().equals("queued")));
        assertEquals(0, back.attempts());
        assertFalse(witnesses().ready().containsKey(id));
        // it is witnessed again before anything else
        queue.tell(new JobQueue.PullWitness("w/witness#1", VERSIONS, witnessRef));
        assertEquals(id, ((JobQueue.WitnessTask) poll(witnessSlot, 5000)).spec().id());
        queue.tell(new JobQueue.WitnessReady(id, "w/witness#1", serverRef));
        TestCluster.await("job witness-ready", Duration.ofSeconds(5),
                () -> Optional.of(job(id)).filter(j -> j.state().equals("witness-ready")));

        // a second job being witnessed on another node; both nodes leave
        queue.tell(new JobQueue.PullWitness("v/witness#0", VERSIONS, witnessRef));
        String other = ((JobQueue.WitnessTask) poll(witnessSlot, 5000)).spec().id();
        assertEquals("v/witness#0", witnesses().witnessing().get(other));
        queue.tell(new JobQueue.ReleaseNode("v"));
        queue.tell(new JobQueue.ReleaseNode("w"));
        TestCluster.await("markers cleared", Duration.ofSeconds(5), () -> {
            JobQueue.Witnesses w = witnesses();
            return w.ready().isEmpty() && w.witnessing().isEmpty() ? Optional.of(true) : Optional.empty();
        });
        ProvingService.JobView requeued = TestCluster.await("job queued after its witness node left",
                Duration.ofSeconds(5), () -> Optional.of(job(id)).filter(j -> j.state().equals("queued")));
        assertEquals(0, requeued.attempts());
        // a vector announced by a node the queue does not need is dropped
        queue.tell(new JobQueue.WitnessReady("71-9-nothing-0-0", "u/witness#0", serverRef));
        assertEquals(new WitnessWorker.Drop("71-9-nothing-0-0"), poll(server, 5000));
    }

    @Test
    void pullsWaitingTogetherGetDistinctJobsOnceEach() throws Exception {
        service.submit(TestCluster.batch(72, "0.1.0-tiny", 1, 3, 1)).toCompletableFuture().join();
        List<String> basic = TestCluster.await("the four basic jobs queued", Duration.ofSeconds(10), () -> Optional
                .of(entries(72)).filter(e -> e.size() == 4)).stream().map(e -> e.spec().id()).sorted().toList();
        List<BlockingQueue<Object>> provers = List.of(inbox(), inbox(), inbox(), inbox());
        for (int i = 0; i < provers.size(); i++) {
            queue.tell(new JobQueue.Pull("x/cpu-0#" + i, VERSIONS, ref(provers.get(i)), ""));
        }
        // all four witnessed and announced at once: the waiting pulls are served together
        BlockingQueue<Object> witnessSlot = inbox();
        ActorRef<WitnessWorker.Command> serverRef = ref(inbox());
        for (int i = 0; i < 4; i++) {
            queue.tell(new JobQueue.PullWitness("w/witness#" + i, VERSIONS, ref(witnessSlot)));
        }
        for (int i = 0; i < 4; i++) {
            JobQueue.WitnessTask t = (JobQueue.WitnessTask) poll(witnessSlot, 5000);
            queue.tell(new JobQueue.WitnessReady(t.spec().id(), t.slot(), serverRef));
        }
        java.util.Set<String> leased = new java.util.TreeSet<>();
        for (int i = 0; i < provers.size(); i++) {
            JobQueue.Assignment a = (JobQueue.Assignment) poll(provers.get(i), 5000);
            assertNotNull(a, "slot x/cpu-0#" + i + " got no lease");
            assertEquals("x/cpu-0#" + i, a.slot());
            assertEquals(1, a.attempt());
            assertTrue(leased.add(a.spec().id()), "job " + a.spec().id() + " leased to two slots");
            // the same slot asking again gets the same job, and no slot gets a second one
            queue.tell(new JobQueue.Pull(a.slot(), VERSIONS, ref(provers.get(i)), ""));
            assertEquals(a.spec().id(), ((JobQueue.Assignment) poll(provers.get(i), 5000)).spec().id());
        }
        assertEquals(basic, List.copyOf(leased));
        for (BlockingQueue<Object> p : provers) {
            assertNull(p.poll(300, TimeUnit.MILLISECONDS), "one lease per slot");
        }
        for (JobQueue.Entry e : entries(72)) {
            if (e.spec().round() == 0) {
                assertEquals("leased", e.status(), e.spec().id());
                assertEquals(1, e.attempts(), e.spec().id());
            }
        }
    }

    private List<JobQueue.Entry> entries(long batch) {
        return queue.<JobQueue.Entries>ask(r -> new JobQueue.ListEntries(batch, r), Duration.ofSeconds(5))
                .toCompletableFuture().join().entries();
    }

    private JobQueue.Witnesses witnesses() {
        return queue.<JobQueue.Witnesses>ask(JobQueue.ListWitnesses::new, Duration.ofSeconds(5))
                .toCompletableFuture().join();
    }

    private ProvingService.JobView job(String id) {
        return service.jobs(new ProvingService.JobFilter(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(71L))).toCompletableFuture().join().stream().filter(j -> j.id().equals(id))
                .findFirst().orElseThrow();
    }

    private static BlockingQueue<Object> inbox() {
        return new LinkedBlockingQueue<>();
    }

    @SuppressWarnings("unchecked")
    private <T> ActorRef<T> ref(BlockingQueue<Object> inbox) {
        return (ActorRef<T>) node.system().systemActorOf(Behaviors.receiveMessage(m -> {
            inbox.add(m);
            return Behaviors.same();
        }), "probe-" + System.nanoTime(), Props.empty());
    }

    private static Object poll(BlockingQueue<Object> inbox, long millis) {
        try {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
