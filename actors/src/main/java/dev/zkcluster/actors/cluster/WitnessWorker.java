package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.SourceRef;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.StreamRefs;
import org.apache.pekko.util.ByteString;

/**
 * The witness worker of a {@code witness} node: it has {@code zkcluster.witness.concurrency} slots and, for each idle
 * slot, pulls a queued job without a witness from the job queues (every group's, in turn), generates the job's
 * witness on the witness dispatcher and keeps the bytes in memory, then tells the queue the vector is ready. It is
 * also the vector's server: the prover that leases the job asks it ({@link Fetch}) and gets the bytes as a stream of
 * {@code zkcluster.witness.chunk-bytes} chunks (a {@link SourceRef}, with backpressure), or, on this same node, the
 * held array itself. A vector is held until its
 * queue says the job needs it no more ({@link Drop}). While it holds {@code zkcluster.witness.max-ready} vectors
 * or more, or more than {@code zkcluster.witness.max-ready-bytes}, no slot takes a new job. Every house-keeper interval it tells each queue
 * which of its vectors it holds, so that a queue that restarted knows them again and stale ones are dropped.
 */
public final class WitnessWorker extends AbstractBehavior<WitnessWorker.Command> {

    public interface Command {}

    /** A prover asks for a job's vector. */
    public record Fetch(String jobId, ActorRef<Fetched> replyTo) implements Command, CborSerializable {}

    /**
     * The vector of {@code bytes} bytes: as a stream to a prover on another node, or as the held array itself
     * ({@code local}) to a prover on this node, which needs no stream and no copy. Both {@code source} and
     * {@code local} are null when this node does not hold it.
     */
    public record Fetched(String jobId, long bytes, SourceRef<ByteString> source, byte[] local)
            implements CborSerializable {
        static Fetched missing(String jobId) {
            return new Fetched(jobId, 0, null, null);
        }

        boolean held() {
            return source != null || local != null;
        }
    }

    /** The job needs its vector no more. */
    public record Drop(String jobId) implements Command, CborSerializable {}

    private enum Timer implements Command { POLL, ANNOUNCE }

    private record Tasked(JobQueue.WitnessTask task) implements Command {}

    private record Generated(int slot, JobQueue.WitnessTask task, byte[] bytes, Throwable error, long nanos)
            implements Command {}

    private record Held(String group, JobSpec spec, byte[] bytes) {}

    private final ClusterContext cx;
    private final JobRunner runner;
    private final Executor executor;
    private final Materializer materializer;
    private final String node;
    private final List<String> queues;
    private final List<String> versions;
    private final JobQueue.WitnessTask[] slots;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final ActorRef<JobQueue.WitnessTask> inbox;
    private long heldBytes;
    private int nextQueue;

    private WitnessWorker(ActorContext<Command> ctx, ClusterContext cx, JobRunner runner) {
        super(ctx);
        this.cx = cx;
        this.runner = runner;
        this.executor = ctx.getSystem().dispatchers()
                .lookup(DispatcherSelector.fromConfig("zkcluster.witness-dispatcher"));
        this.materializer = Materializer.createMaterializer(ctx);
        this.node = Cluster.get(ctx.getSystem()).selfMember().address().toString();
        this.queues = cx.settings().groups().names();
        this.versions = cx.settings().versions().stream().map(v -> v.version()).filter(runner::serves).toList();
        this.slots = new JobQueue.WitnessTask[cx.settings().witnessConcurrency()];
        this.inbox = ctx.messageAdapter(JobQueue.WitnessTask.class, Tasked::new);
        cx.metrics().witnessHeld(node, 0);
    }

    public static Behavior<Command> create(ClusterContext cx, JobRunner runner) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Timer.POLL, cx.settings().pollInterval());
            timers.startTimerWithFixedDelay(Timer.ANNOUNCE, cx.settings().houseKeeperInterval());
            ctx.getSelf().tell(Timer.POLL);
            return new WitnessWorker(ctx, cx, runner);
        }));
    }

    private String slotId(int i) {
        return node + "/witness#" + i;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessageEquals(Timer.POLL, () -> {
                    pullIdle();
                    return this;
                })
                .onMessageEquals(Timer.ANNOUNCE, () -> {
                    announce();
                    return this;
                })
                .onMessage(Tasked.class, this::onTasked)
                .onMessage(Generated.class, this::onGenerated)
                .onMessage(Fetch.class, this::onFetch)
                .onMessage(Drop.class, d -> {
                    Held h = held.remove(d.jobId());
                    if (h != null) {
                        runner.dropped(h.spec());
                        heldBytes -= h.bytes().length;
                        cx.metrics().witnessHeld(node, heldBytes);
                        pullIdle();
                    }
                    return this;
                })
                .build();
    }

    private void pullIdle() {
        for (int i = 0; i < slots.length; i++) {
            pull(i);
        }
    }

    // an idle slot asks for work while the held vectors are within the caps
    private void pull(int slot) {
        if (slots[slot] != null || versions.isEmpty() || atCap()) {
            return;
        }
        String group = queues.get(Math.floorMod(nextQueue++, queues.size()));
        cx.queue(group).tell(new JobQueue.PullWitness(slotId(slot), versions, inbox));
    }

    // the vectors being made count as held
    private boolean atCap() {
        int making = 0;
        for (JobQueue.WitnessTask t : slots) {
            making += t == null ? 0 : 1;
        }
        return heldBytes >= cx.settings().maxReadyBytes() || held.size() + making >= cx.settings().maxReady();
    }

    private int slotOf(String slotId) {
        for (int i = 0; i < slots.length; i++) {
            if (slotId(i).equals(slotId)) {
                return i;
            }
        }
        return -1;
    }

    private Behavior<Command> onTasked(Tasked m) {
        JobQueue.WitnessTask t = m.task();
        String id = t.spec().id();
        int slot = slotOf(t.slot());
        if (slot < 0) {
            return this;
        }
        if (slots[slot] != null) {
            if (!slots[slot].spec().id().equals(id)) {
                // the slot's pulls to two queues were both answered: give this one back
                cx.queue(t.group()).tell(new JobQueue.DeclineWitness(id, t.slot()));
            }
            return this;
        }
        if (held.containsKey(id)) {
            // made before, and the queue lost track of it (it restarted): tell it again
            cx.queue(t.group()).tell(new JobQueue.WitnessReady(id, t.slot(), getContext().getSelf()));
            return this;
        }
        if (atCap()) {
            // a pull sent before the cap was reached (a poll repeats a pull not yet answered) came back late
            cx.queue(t.group()).tell(new JobQueue.DeclineWitness(id, t.slot()));
            return this;
        }
        slots[slot] = t;
        long start = System.nanoTime();
        CompletableFuture<byte[]> work = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.witness(t.spec());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
        getContext().pipeToSelf(work, (bytes, error) -> new Generated(slot, t, bytes, error,
                System.nanoTime() - start));
        return this;
    }

    private Behavior<Command> onGenerated(Generated g) {
        JobQueue.WitnessTask t = g.task();
        String id = t.spec().id();
        slots[g.slot()] = null;
        if (g.error() == null) {
            cx.metrics().witnessTime(t.spec().round(), t.spec().circuit(), g.nanos());
            held.put(id, new Held(t.group(), t.spec(), g.bytes()));
            heldBytes += g.bytes().length;
            cx.metrics().witnessHeld(node, heldBytes);
            cx.queue(t.group()).tell(new JobQueue.WitnessReady(id, slotId(g.slot()), getContext().getSelf()));
        } else {
            Throwable cause = ClusterProvingService.cause(g.error());
            getContext().getLog().warn("Witness of {} failed on {}: {}", id, node, cause.toString());
            cx.queue(t.group()).tell(new JobQueue.WitnessFailed(id, slotId(g.slot()), cause.toString()));
        }
        pull(g.slot());
        return this;
    }

    private Behavior<Command> onFetch(Fetch f) {
        Held h = held.get(f.jobId());
        if (h == null) {
            f.replyTo().tell(Fetched.missing(f.jobId()));
            return this;
        }
        byte[] bytes = h.bytes();
        if (f.replyTo().path().address().hasLocalScope()) {
            // nobody writes a held vector, so the prover beside it may read the array as it is
            f.replyTo().tell(new Fetched(f.jobId(), bytes.length, null, bytes));
            return this;
        }
        int chunk = cx.settings().chunkBytes();
        int chunks = (int) ((bytes.length + (long) chunk - 1) / chunk);
        SourceRef<ByteString> ref = Source.range(0, chunks - 1)
                .map(i -> ByteString.fromArray(bytes, i * chunk, Math.min(chunk, bytes.length - i * chunk)))
                .runWith(StreamRefs.sourceRef(), materializer);
        f.replyTo().tell(new Fetched(f.jobId(), bytes.length, ref, null));
        return this;
    }

    private void announce() {
        Map<String, List<String>> byGroup = new HashMap<>();
        held.forEach((id, h) -> byGroup.computeIfAbsent(h.group(), g -> new ArrayList<>()).add(id));
        byGroup.forEach((group, ids) -> cx.queue(group).tell(new JobQueue.WitnessHeld(node, getContext().getSelf(),
                ids)));
    }
}
