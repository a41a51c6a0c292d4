package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;

/**
 * The durable job queue of one prover group ({@code JobQueue}, id = group name). Workers pull: the first queued job
 * in (priority, batch, round, circuit, depth, seq) order whose protocol version the worker holds is leased to the
 * asking worker slot until a deadline. The same slot asking again gets the same job back. The house keeper's tick
 * requeues expired leases and jobs a worker failed while attempts &lt; max, and fails the rest (and their batch).
 * A pull that finds nothing waits in memory until a job arrives.
 */
public final class JobQueue extends ClusterEntity<JobQueue.Command, JobQueue.Event, JobQueue.State> {

    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "JobQueue");

    public interface Command extends CborSerializable {}

    public record Enqueue(JobSpec spec) implements Command {}

    /**
     * A worker slot asks for work. {@code finished} names the job the slot has just reported (or is empty): that
     * lease is over from the slot's side and is not handed back; it stays until the job entity confirms it.
     */
    public record Pull(String slot, List<String> versions, ActorRef<Assignment> replyTo, String finished)
            implements Command {}

    /** A worker gives a lease back unused (its slot took another job meanwhile); the attempt does not count. */
    public record Decline(String jobId, String slot) implements Command {}

    public record Fault(String jobId, String slot, int attempt, String reason) implements Command {}

    public record Done(String jobId) implements Command {}

    public record Tick(long nowMillis) implements Command {}

    /** The node at this address has left: its leases end now. */
    public record ReleaseNode(String address) implements Command {}

    public record RequeueBatch(long batch, ActorRef<Count> replyTo) implements Command {}

    public record Report(ActorRef<Depths> replyTo) implements Command {}

    /** The queue's entries of one batch (all batches when {@code batch} is negative). */
    public record ListEntries(long batch, ActorRef<Entries> replyTo) implements Command {}

    /** Puts every unproven job of the batch back in the queue with a fresh attempt budget. */
    public record ResetBatch(long batch, ActorRef<Count> replyTo) implements Command {}

    public record Entries(List<Entry> entries) implements CborSerializable {}

    public record Assignment(JobSpec spec, int attempt, long deadlineMillis, String slot, String group)
            implements CborSerializable {}

    public record Count(int count) implements CborSerializable {}

    public record Depth(int round, String circuit, String version, int queued, int proving)
            implements CborSerializable {}

    public record Depths(List<Depth> depths) implements CborSerializable {}

    public interface Event extends CborSerializable {}

    public record Enqueued(JobSpec spec) implements Event {}

    public record Leased(String jobId, String slot, int attempt, long deadlineMillis) implements Event {}

    public record Declined(String jobId) implements Event {}

    public record Faulted(String jobId, String reason) implements Event {}

    public record Reported(String jobId) implements Event {}

    public record Requeued(String jobId, String reason) implements Event {}

    public record Exhausted(String jobId, String reason) implements Event {}

    public record Revived(String jobId) implements Event {}

    public record Removed(String jobId) implements Event {}

    /**
     * {@code status}: queued, leased, reported (the worker sent a result; the entry leaves when the job confirms it,
     * or is requeued at the lease deadline if it never does), faulted (waiting for the house keeper) or exhausted.
     */
    public record Entry(JobSpec spec, String status, int attempts, String slot, long deadlineMillis, String reason)
            implements CborSerializable {
        Entry with(String status, int attempts, String slot, long deadline, String reason) {
            return new Entry(spec, status, attempts, slot, deadline, reason);
        }
    }

    public record State(Map<String, Entry> entries) implements CborSerializable {
        State put(Entry e) {
            Map<String, Entry> m = new HashMap<>(entries);
            m.put(e.spec().id(), e);
            return new State(m);
        }

        State remove(String id) {
            Map<String, Entry> m = new HashMap<>(entries);
            m.remove(id);
            return new State(m);
        }

        State update(String id, java.util.function.UnaryOperator<Entry> f) {
            Entry e = entries.get(id);
            return e == null ? this : put(f.apply(e));
        }
    }

    static final Comparator<JobSpec> ORDER = Comparator.comparingInt(JobSpec::priority)
            .thenComparing(JobSpec::batch, Long::compareUnsigned)
            .thenComparingInt(JobSpec::round)
            .thenComparing(JobSpec::circuit)
            .thenComparingInt(JobSpec::depth)
            .thenComparingInt(JobSpec::seq);

    private record Waiting(List<String> versions, ActorRef<Assignment> replyTo) {}

    private final String group;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();

    private JobQueue(String group, ClusterContext cx) {
        super(PersistenceId.of(KEY.name(), group), cx);
        this.group = group;
    }

    public static Behavior<Command> create(String group, ClusterContext cx) {
        return new JobQueue(group, cx);
    }

    @Override
    public State emptyState() {
        return new State(Map.of());
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Enqueue.class, (s, c) -> s.entries().containsKey(c.spec().id()) ? Effect().none()
                        : Effect().persist(new Enqueued(c.spec())).thenRun(this::serveWaiting))
                .onCommand(Pull.class, this::onPull)
                .onCommand(Decline.class, (s, c) -> {
                    Entry e = s.entries().get(c.jobId());
                    if (e == null || !e.status().equals("leased") || !e.slot().equals(c.slot())) {
                        return Effect().none();
                    }
                    return Effect().persist(new Declined(c.jobId())).thenRun(this::serveWaiting);
                })
                .onCommand(Fault.class, (s, c) -> {
                    Entry e = s.entries().get(c.jobId());
                    if (e == null || !e.status().equals("leased") || !e.slot().equals(c.slot())
                            || e.attempts() != c.attempt()) {
                        return Effect().none();
                    }
                    return Effect().persist(new Faulted(c.jobId(), c.reason()));
                })
                .onCommand(Done.class, (s, c) -> s.entries().containsKey(c.jobId())
                        ? Effect().persist(new Removed(c.jobId())) : Effect().none())
                .onCommand(Tick.class, (s, c) -> endLeases(s, e -> e.status().equals("faulted")
                        || leased(e) && e.deadlineMillis() <= c.nowMillis()))
                .onCommand(ReleaseNode.class, (s, c) -> endLeases(s, e -> leased(e)
                        && e.slot().startsWith(c.address() + "/")))
                .onCommand(RequeueBatch.class, (s, c) -> revive(s, c.batch(), false, c.replyTo()))
                .onCommand(ResetBatch.class, (s, c) -> revive(s, c.batch(), true, c.replyTo()))
                .onCommand(Report.class, (s, c) -> Effect().reply(c.replyTo(), depths(s)))
                .onCommand(ListEntries.class, (s, c) -> Effect().reply(c.replyTo(), new Entries(
                        s.entries().values().stream().filter(e -> c.batch() < 0 || e.spec().batch() == c.batch())
                                .sorted((a, b) -> ORDER.compare(a.spec(), b.spec())).toList())))
                .build();
    }

    private Effect<Event, State> revive(State s, long batch, boolean everyUnproven, ActorRef<Count> replyTo) {
        List<Event> events = new ArrayList<>();
        for (Entry e : s.entries().values()) {
            if (e.spec().batch() == batch && (e.status().equals("exhausted") || everyUnproven)) {
                events.add(new Revived(e.spec().id()));
            }
        }
        return Effect().persist(events).thenRun(n -> {
            for (Event ev : events) {
                cx.job(((Revived) ev).jobId()).tell(new CircuitJob.Revive());
            }
            serveWaiting(n);
        }).thenReply(replyTo, n -> new Count(events.size()));
    }

    private Effect<Event, State> onPull(State s, Pull c) {
        Entry done = s.entries().get(c.finished());
        if (done != null && done.status().equals("leased") && done.slot().equals(c.slot())) {
            return Effect().persist(new Reported(c.finished())).thenRun(n -> cx.queue(group).tell(
                    new Pull(c.slot(), c.versions(), c.replyTo(), "")));
        }
        for (Entry e : s.entries().values()) {
            if (e.status().equals("leased") && e.slot().equals(c.slot())) {
                // an idempotent re-send: the same job again
                c.replyTo().tell(new Assignment(e.spec(), e.attempts(), e.deadlineMillis(), e.slot(), group));
                return Effect().none();
            }
        }
        Optional<Entry> next = best(s, c.versions());
        if (next.isEmpty()) {
            waiting.put(c.slot(), new Waiting(c.versions(), c.replyTo()));
            return Effect().none();
        }
        waiting.remove(c.slot());
        return lease(next.get(), c.slot(), c.replyTo());
    }

    private Effect<Event, State> lease(Entry e, String slot, ActorRef<Assignment> replyTo) {
        int attempt = e.attempts() + 1;
        long deadline = System.currentTimeMillis() + cx.settings().policy(e.spec().round()).timeout().toMillis();
        return Effect().persist(new Leased(e.spec().id(), slot, attempt, deadline)).thenRun(n -> {
            replyTo.tell(new Assignment(e.spec(), attempt, deadline, slot, group));
            cx.job(e.spec().id()).tell(new CircuitJob.Started(slot, attempt, deadline));
        });
    }

    private static Optional<Entry> best(State s, List<String> versions) {
        Entry best = null;
        for (Entry e : s.entries().values()) {
            if (e.status().equals("queued") && versions.contains(e.spec().version())
                    && (best == null || ORDER.compare(e.spec(), best.spec()) < 0)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    // hands newly queued jobs to waiting pulls, one persisted lease at a time
    private void serveWaiting(State s) {
        if (waiting.isEmpty()) {
            return;
        }
        java.util.Iterator<Map.Entry<String, Waiting>> it = waiting.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Waiting> w = it.next();
            if (best(s, w.getValue().versions()).isPresent()) {
                it.remove();
                // re-enter through the mailbox so that the lease is persisted before the next one is chosen
                cx.queue(group).tell(new Pull(w.getKey(), w.getValue().versions(), w.getValue().replyTo(), ""));
            }
        }
    }

    private static boolean leased(Entry e) {
        return e.status().equals("leased") || e.status().equals("reported");
    }

    private Effect<Event, State> endLeases(State s, java.util.function.Predicate<Entry> ended) {
        List<Event> events = new ArrayList<>();
        for (Entry e : s.entries().values()) {
            if (!ended.test(e)) {
                continue;
            }
            int max = cx.settings().policy(e.spec().round()).maxAttempts();
            String why = e.status().equals("faulted") ? e.reason() : "lease of " + e.slot() + " ended";
            if (e.attempts() < max) {
                events.add(new Requeued(e.spec().id(), "attempt " + e.attempts() + " of " + max + ": " + why));
            } else {
                events.add(new Exhausted(e.spec().id(), "job " + e.spec().id() + " failed " + e.attempts()
                        + " of " + max + " attempts; last: " + why));
            }
        }
        if (events.isEmpty()) {
            return Effect().none();
        }
        return Effect().persist(events).thenRun(n -> {
            for (Event ev : events) {
                if (ev instanceof Requeued r) {
                    cx.metrics().requeued();
                    Entry e = n.entries().get(r.jobId());
                    cx.job(r.jobId()).tell(new CircuitJob.Requeued(e.attempts(), r.reason()));
                } else if (ev instanceof Exhausted x) {
                    cx.metrics().maxAttempts();
                    Entry e = n.entries().get(x.jobId());
                    cx.job(x.jobId()).tell(new CircuitJob.Exhausted(e.attempts(), x.reason()));
                    cx.batch(e.spec().batch()).tell(new BatchEntity.Fail(x.reason()));
                }
            }
            serveWaiting(n);
        });
    }

    private Depths depths(State s) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Map<String, JobSpec> sample = new HashMap<>();
        for (Entry e : s.entries().values()) {
            String k = e.spec().round() + "|" + e.spec().circuit() + "|" + e.spec().version();
            int[] c = counts.computeIfAbsent(k, x -> new int[2]);
            sample.putIfAbsent(k, e.spec());
            if (leased(e)) {
                c[1]++;
            } else if (e.status().equals("queued") || e.status().equals("faulted")) {
                c[0]++;
            }
        }
        List<Depth> out = new ArrayList<>();
        counts.forEach((k, c) -> {
            JobSpec sp = sample.get(k);
            out.add(new Depth(sp.round(), sp.circuit(), sp.version(), c[0], c[1]));
        });
        return new Depths(out);
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Enqueued.class, (s, e) -> s.put(new Entry(e.spec(), "queued", 0, "", 0, "")))
                .onEvent(Leased.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("leased", e.attempt(), e.slot(), e.deadlineMillis(), x.reason())))
                .onEvent(Declined.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("queued", x.attempts() - 1, "", 0, x.reason())))
                .onEvent(Faulted.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("faulted", x.attempts(), x.slot(), 0, e.reason())))
                .onEvent(Reported.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("reported", x.attempts(), x.slot(), x.deadlineMillis(), x.reason())))
                .onEvent(Requeued.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("queued", x.attempts(), "", 0, e.reason())))
                .onEvent(Exhausted.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("exhausted", x.attempts(), "", 0, e.reason())))
                .onEvent(Revived.class, (s, e) -> s.update(e.jobId(), x -> x.with("queued", 0, "", 0, "")))
                .onEvent(Removed.class, (s, e) -> s.remove(e.jobId()))
                .build();
    }
}
