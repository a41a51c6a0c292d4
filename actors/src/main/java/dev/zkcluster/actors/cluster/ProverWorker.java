package dev.zkcluster.actors.cluster;

import dev.zkcluster.gpu.ProvingDevice;
import dev.zkcluster.persistence.CborSerializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.util.ByteString;

/**
 * The worker of one {@link ProvingDevice}: it has {@code concurrency} slots and, for each idle slot, pulls a job from
 * its prover group's queue (or from every group's, in turn), only of protocol versions its runner holds, and only jobs
 * whose witness vector is ready. Holding the lease, it streams the vector from the witness worker that holds it
 * (Pekko StreamRefs, with backpressure; a witness worker on this same node hands over the array it holds), then proves
 * on the prover dispatcher; the result (an object-store key) goes
 * to the job entity, a failure back to the queue. A vector it cannot get (the witness node died or dropped it) sends
 * the job back to be witnessed again, without counting the attempt.
 * Idle slots ask again every poll interval; a slot that asks while holding a lease gets the same job back.
 */
public final class ProverWorker extends AbstractBehavior<ProverWorker.Command> {

    public static final ServiceKey<Command> SERVICE = ServiceKey.create(Command.class, "prover-workers");

    public interface Command {}

    public record Describe(ActorRef<WorkerInfo> replyTo) implements Command, CborSerializable {}

    public record WorkerInfo(String node, String device, String deviceName, long deviceMemoryBytes, String group,
            int busy, int slots,
            List<String> jobs) implements CborSerializable {}

    private enum Poll implements Command { INSTANCE }

    private record Assigned(JobQueue.Assignment assignment) implements Command {}

    private record Ran(int slot, JobQueue.Assignment assignment, String proofKey, Throwable error, long nanos)
            implements Command {}

    private final ClusterContext cx;
    private final ProvingDevice device;
    private final JobRunner runner;
    private final Executor executor;
    private final String node;
    private final List<String> queues;
    private final List<String> versions;
    private final JobQueue.Assignment[] slots;
    /**
     * Per slot, the lease it ran last (job, attempt and deadline, which together name one lease): a late re-send of
     * it is not run again, while a new lease of the same job (after a requeue) is.
     */
    private final String[] ran;
    private final ActorRef<JobQueue.Assignment> inbox;
    private final Materializer materializer;
    private int nextQueue;

    private ProverWorker(ActorContext<Command> ctx, ClusterContext cx, ProvingDevice device, JobRunner runner) {
        super(ctx);
        this.cx = cx;
        this.device = device;
        this.runner = runner;
        this.executor = ctx.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig("zkcluster.prover-dispatcher"));
        this.node = Cluster.get(ctx.getSystem()).selfMember().address().toString();
        this.queues = cx.settings().workerQueues();
        this.versions = cx.settings().workerVersions().stream().filter(runner::serves).toList();
        this.slots = new JobQueue.Assignment[device.concurrency()];
        this.ran = new String[device.concurrency()];
        this.inbox = ctx.messageAdapter(JobQueue.Assignment.class, Assigned::new);
        this.materializer = Materializer.createMaterializer(ctx);
        ctx.getSystem().receptionist().tell(Receptionist.register(SERVICE, ctx.getSelf()));
        cx.metrics().deviceMemory(node, device.id(), device.kind(), device.name(), device.memoryBytes());
    }

    public static Behavior<Command> create(ClusterContext cx, ProvingDevice device, JobRunner runner) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Poll.INSTANCE, cx.settings().pollInterval());
            ctx.getSelf().tell(Poll.INSTANCE);
            return new ProverWorker(ctx, cx, device, runner);
        }));
    }

    private String slotId(int i) {
        return node + "/" + device.id() + "#" + i;
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Poll.class, p -> {
                    for (int i = 0; i < slots.length; i++) {
                        if (slots[i] == null) {
                            pull(i, "");
                        }
                    }
                    return this;
                })
                .onMessage(Assigned.class, this::onAssigned)
                .onMessage(Ran.class, this::onRan)
                .onMessage(Describe.class, d -> {
                    List<String> jobs = new java.util.ArrayList<>();
                    for (JobQueue.Assignment a : slots) {
                        if (a != null) {
                            jobs.add(a.spec().id());
                        }
                    }
                    d.replyTo().tell(new WorkerInfo(node, device.id(), device.name(), device.memoryBytes(),
                            cx.settings().workerGroup(), jobs.size(), slots.length, jobs));
                    return this;
                })
                .build();
    }

    private void pull(int slot, String finished) {
        if (versions.isEmpty()) {
            return;
        }
        String group = queues.get(nextQueue++ % queues.size());
        cx.queue(group).tell(new JobQueue.Pull(slotId(slot), versions, inbox, finished));
    }

    private Behavior<Command> onAssigned(Assigned m) {
        JobQueue.Assignment a = m.assignment();
        int slot = -1;
        for (int i = 0; i < slots.length; i++) {
            if (slotId(i).equals(a.slot())) {
                slot = i;
            }
        }
        if (slot < 0 || lease(a).equals(ran[slot])) {
            // a pull repeated while the slot waited was answered twice, and the job is already done here
            return this;
        }
        if (slots[slot] != null) {
            if (!slots[slot].spec().id().equals(a.spec().id())) {
                cx.queue(a.group()).tell(new JobQueue.Decline(a.spec().id(), a.slot()));
            }
            return this;
        }
        slots[slot] = a;
        ran[slot] = lease(a);
        busyChanged();
        int s = slot;
        long start = System.nanoTime();
        CompletableFuture<String> work = fetch(a).thenApplyAsync(witness -> {
            try {
                return runner.prove(a.spec(), witness);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
        getContext().pipeToSelf(work, (key, error) -> new Ran(s, a, key, error, System.nanoTime() - start));
        return this;
    }

    private Behavior<Command> onRan(Ran r) {
        JobQueue.Assignment a = r.assignment();
        if (r.error() == null) {
            cx.metrics().jobTime(a.spec().round(), a.spec().circuit(), device.kind(), r.nanos());
            cx.job(a.spec().id()).tell(new CircuitJob.Complete(a.slot(), a.attempt(), r.proofKey(),
                    r.nanos() / 1_000_000));
        } else {
            Throwable cause = ClusterProvingService.cause(r.error());
            if (cause instanceof WitnessUnavailable) {
                getContext().getLog().info("Job {} on {}: {}", a.spec().id(), a.slot(), cause.getMessage());
                cx.queue(a.group()).tell(new JobQueue.WitnessLost(a.spec().id(), a.slot(), a.attempt()));
                slots[r.slot()] = null;
                busyChanged();
                pull(r.slot(), "");
                return this;
            }
            getContext().getLog().warn("Job {} failed on {}: {}", a.spec().id(), a.slot(), cause.toString());
            cx.queue(a.group()).tell(new JobQueue.Fault(a.spec().id(), a.slot(), a.attempt(),
                    device.id() + ": " + cause));
        }
        slots[r.slot()] = null;
        busyChanged();
        // a finished job's queue hears of it first, so the slot is not handed the same job again
        String finishedGroup = a.group();
        cx.queue(finishedGroup).tell(new JobQueue.Pull(slotId(r.slot()), versions, inbox,
                r.error() == null ? a.spec().id() : ""));
        return this;
    }

    private static String lease(JobQueue.Assignment a) {
        return a.spec().id() + "#" + a.attempt() + "@" + a.deadlineMillis();
    }

    /**
     * The job's witness vector, streamed from the witness worker that holds it, or its held array where that worker
     * is on this node; any failure is WitnessUnavailable.
     */
    private CompletableFuture<byte[]> fetch(JobQueue.Assignment a) {
        String id = a.spec().id();
        if (a.witness() == null) {
            return CompletableFuture.failedFuture(new WitnessUnavailable("no witness vector of " + id + " is held"));
        }
        return AskPattern.<WitnessWorker.Command, WitnessWorker.Fetched>ask(a.witness(),
                        r -> new WitnessWorker.Fetch(id, r), cx.settings().askTimeout(),
                        getContext().getSystem().scheduler())
                .thenCompose(f -> {
                    if (!f.held()) {
                        throw new WitnessUnavailable("the witness node no longer holds the vector of " + id);
                    }
                    if (f.local() != null) {
                        return CompletableFuture.completedFuture(f.local());
                    }
                    return f.source().getSource()
                            .runWith(Sink.fold(ByteString.emptyByteString(), ByteString::concat), materializer)
                            .thenApply(bytes -> {
                                if (bytes.size() != f.bytes()) {
                                    throw new WitnessUnavailable("the vector of " + id + " arrived with "
                                            + bytes.size() + " of " + f.bytes() + " bytes");
                                }
                                return bytes.toArray();
                            });
                })
                .toCompletableFuture()
                .exceptionallyCompose(e -> {
                    Throwable cause = ClusterProvingService.cause(e);
                    return CompletableFuture.failedFuture(cause instanceof WitnessUnavailable ? cause
                            : new WitnessUnavailable("streaming the vector of " + id + " failed: " + cause));
                });
    }

    /** The job's witness vector cannot be had: the job goes back to its queue without counting the attempt. */
    private static final class WitnessUnavailable extends RuntimeException {
        WitnessUnavailable(String message) {
            super(message, null, false, false);
        }
    }

    private void busyChanged() {
        int busy = 0;
        for (JobQueue.Assignment a : slots) {
            if (a != null) {
                busy++;
            }
        }
        cx.metrics().workerBusy(node, device.id(), busy);
    }
}
