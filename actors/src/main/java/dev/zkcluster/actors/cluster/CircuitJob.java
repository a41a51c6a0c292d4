package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.SnapshotSelectionCriteria;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.Recovery;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/**
 * One job ({@code CircuitJob}, id {@code {batch}-{round}-{circuit}-{depth}-{seq}}): queued → witness-ready (a
 * {@code witness} node holds its witness vector, in memory) → proving (attempt, worker, lease deadline) → proven, or
 * failed at max attempts. A job whose vector is lost goes back to queued. Proven is final: a later result is ignored.
 * A result for a job not yet proven is accepted from any worker (a late one too), since workers report only proofs
 * that verified against the circuit's key. When proven, it tells its queue and sends {@code ProofReady} (an
 * object-store key) to its round.
 */
public final class CircuitJob extends ClusterEntity<CircuitJob.Command, CircuitJob.Event, CircuitJob.State> {

    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "CircuitJob");

    public interface Command extends CborSerializable {}

    /** Creates the job and enqueues it; for a job that exists, re-sends what it last sent (idempotent). */
    public record Create(JobSpec spec) implements Command {}

    /** The job's queue has a witness vector for it, held by the witness node {@code node}. */
    public record WitnessReady(String node) implements Command {}

    public record Started(String worker, int attempt, long deadlineMillis) implements Command {}

    public record Complete(String worker, int attempt, String proofKey, long millis) implements Command {}

    public record Requeued(int attempts, String reason) implements Command {}

    public record Exhausted(int attempts, String reason) implements Command {}

    public record Revive() implements Command {}

    /** The queue, recovered, asks whether this leased job is proven: it answers {@code Done} or {@code Unproven}. */
    public record Check() implements Command {}

    public record Get(ActorRef<State> replyTo) implements Command {}

    public interface Event extends CborSerializable {}

    public record Created(JobSpec spec) implements Event {}

    /** A witness vector is ready on {@code node}; the vector itself is never persisted. */
    public record VectorReady(String node) implements Event {}

    public record Leased(String worker, int attempt, long deadlineMillis) implements Event {}

    public record Proven(String worker, int attempt, String proofKey, long millis) implements Event {}

    public record Returned(int attempts, String reason) implements Event {}

    public record Failed(int attempts, String reason) implements Event {}

    public record Revived() implements Event {}

    /** A job's state; {@code status} is {@code new, queued, witness-ready, proving, proven, failed}. */
    public record State(JobSpec spec, String status, int attempts, String worker, long deadlineMillis,
            String proofKey, String error) implements CborSerializable {
        static State empty() {
            return new State(null, "new", 0, "", 0, "", "");
        }

        State with(String status, int attempts, String worker, long deadline, String proofKey, String error) {
            return new State(spec, status, attempts, worker, deadline, proofKey, error);
        }

        public Optional<String> workerIfAny() {
            return worker.isEmpty() ? Optional.empty() : Optional.of(worker);
        }
    }

    private CircuitJob(String entityId, ClusterContext cx) {
        super(PersistenceId.of(KEY.name(), entityId), cx);
    }

    public static Behavior<Command> create(String entityId, ClusterContext cx) {
        return new CircuitJob(entityId, cx);
    }

    /**
     * A job has a handful of events (a few per attempt, and attempts are capped), so it neither saves snapshots nor
     * looks for one: its recovery replays its events, and a new job's recovery costs the journal no snapshot query.
     */
    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.disabled();
    }

    @Override
    public Recovery recovery() {
        return Recovery.withSnapshotSelectionCriteria(SnapshotSelectionCriteria.none());
    }

    @Override
    public State emptyState() {
        return State.empty();
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Create.class, this::onCreate)
                .onCommand(WitnessReady.class, (s, c) -> {
                    if (s.spec() == null || !s.status().equals("queued")) {
                        return confirmIfProven(s);
                    }
                    return Effect().persist(new VectorReady(c.node()))
                            .thenRun(n -> cx.publish("job", n.spec().batch(), n.spec().id(), "witness-ready",
                                    "on " + c.node()));
                })
                .onCommand(Started.class, (s, c) -> {
                    if (s.spec() == null || s.status().equals("proven") || s.status().equals("failed")) {
                        return confirmIfProven(s);
                    }
                    return Effect().persist(new Leased(c.worker(), c.attempt(), c.deadlineMillis()))
                            .thenRun(n -> cx.publish("job", n.spec().batch(), n.spec().id(), "proving",
                                    "attempt " + c.attempt() + " on " + c.worker()));
                })
                .onCommand(Complete.class, (s, c) -> {
                    if (s.spec() == null || s.status().equals("proven")) {
                        if (s.spec() != null) {
                            cx.queueFor(s.spec()).tell(new JobQueue.Done(s.spec().id()));
                        }
                        return Effect().none();
                    }
                    return Effect().persist(new Proven(c.worker(), c.attempt(), c.proofKey(), c.millis()))
                            .thenRun(this::announceProven);
                })
                .onCommand(Requeued.class, (s, c) -> {
                    if (s.spec() == null || s.status().equals("proven")) {
                        return confirmIfProven(s);
                    }
                    return Effect().persist(new Returned(c.attempts(), c.reason()))
                            .thenRun(n -> cx.publish("job", n.spec().batch(), n.spec().id(), "queued", c.reason()));
                })
                .onCommand(Exhausted.class, (s, c) -> {
                    if (s.spec() == null || s.status().equals("proven")) {
                        return confirmIfProven(s);
                    }
                    return Effect().persist(new Failed(c.attempts(), c.reason()))
                            .thenRun(n -> cx.publish("job", n.spec().batch(), n.spec().id(), "failed", c.reason()));
                })
                .onCommand(Revive.class, (s, c) -> {
                    if (s.spec() == null || s.status().equals("proven")) {
                        return confirmIfProven(s);
                    }
                    return Effect().persist(new Revived())
                            .thenRun(n -> cx.publish("job", n.spec().batch(), n.spec().id(), "queued", "requeued"));
                })
                .onCommand(Check.class, (s, c) -> {
                    if (s.spec() != null && !s.status().equals("proven")) {
                        cx.queueFor(s.spec()).tell(new JobQueue.Unproven(s.spec().id()));
                    }
                    return confirmIfProven(s);
                })
                .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
                .build();
    }

    private org.apache.pekko.persistence.typed.javadsl.Effect<Event, State> onCreate(State s, Create c) {
        if (s.spec() == null) {
            return Effect().persist(new Created(c.spec())).thenRun(n -> {
                cx.queueFor(n.spec()).tell(new JobQueue.Enqueue(n.spec()));
                cx.publish("job", n.spec().batch(), n.spec().id(), "queued", "");
            });
        }
        if (s.status().equals("proven")) {
            announceProven(s);
        } else if (!s.status().equals("failed")) {
            // the queue ignores a job it already holds
            cx.queueFor(s.spec()).tell(new JobQueue.Enqueue(s.spec()));
        }
        return Effect().none();
    }

    // a queue that restarted before writing a proven job's removal still holds its entry: confirm again
    private org.apache.pekko.persistence.typed.javadsl.Effect<Event, State> confirmIfProven(State s) {
        if (s.spec() != null && s.status().equals("proven")) {
            cx.queueFor(s.spec()).tell(new JobQueue.Done(s.spec().id()));
        }
        return Effect().none();
    }

    private void announceProven(State s) {
        JobSpec spec = s.spec();
        cx.queueFor(spec).tell(new JobQueue.Done(spec.id()));
        cx.round(spec.batch(), spec.slot().level()).tell(new RoundEntity.ProofReady(spec, s.proofKey()));
        cx.publish("job", spec.batch(), spec.id(), "proven", s.worker());
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Created.class, (s, e) -> new State(e.spec(), "queued", 0, "", 0, "", ""))
                .onEvent(VectorReady.class, (s, e) -> s.with("witness-ready", s.attempts(), "", 0, "", s.error()))
                .onEvent(Leased.class, (s, e) -> s.with("proving", Math.max(s.attempts(), e.attempt()), e.worker(),
                        e.deadlineMillis(), "", s.error()))
                .onEvent(Proven.class, (s, e) -> s.with("proven", Math.max(s.attempts(), e.attempt()), e.worker(),
                        0, e.proofKey(), ""))
                .onEvent(Returned.class, (s, e) -> s.with("queued", e.attempts(), "", 0, "", e.reason()))
                .onEvent(Failed.class, (s, e) -> s.with("failed", e.attempts(), "", 0, "", e.reason()))
                .onEvent(Revived.class, (s, e) -> s.with("queued", 0, "", 0, "", ""))
                .build();
    }
}
