package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EffectBuilder;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * The durable job queue of one prover group ({@code JobQueue}, id = group name). Workers pull: the first queued job
 * in (priority, batch, round, circuit, depth, seq) order whose protocol version the worker holds is leased to the
 * asking worker slot until a deadline. The same slot asking again gets the same job back. The house keeper's tick
 * requeues expired leases and jobs a worker failed while attempts &lt; max, and fails the rest (and their batch).
 * A pull that finds nothing waits in memory until a job arrives.
 *
 * <p>Witness vectors: a queued job first goes to a witness worker ({@link PullWitness}), which generates its witness
 * vector and keeps it in memory ({@link WitnessReady}); only then is the job leased to a prover, and the assignment
 * names the witness worker to stream the vector from. Which jobs are being witnessed and where each vector is held
 * is kept in memory only, as the vectors are: a queue that restarts re-learns the vectors from the witness workers'
 * periodic {@link WitnessHeld} and has the rest witnessed again. A vector that is lost ({@link WitnessLost}) sends
 * its job back to queued without counting the attempt; a witness generation that fails counts as a failed attempt.
 *
 * <p>Writes are grouped: a new job ({@link Enqueue}) and a lease chosen for a pull are held in memory, and every
 * one held is written in one atomic write when the queue's own {@code Flush} comes through its mailbox (or with any
 * earlier write), so that jobs arriving together and pulls waiting together cost one journal write, not one each.
 * A held lease is answered only once it is written; a job whose enqueue is held is not yet seen by any pull. A queue
 * that stops with writes held loses only what nobody was told of, as with a message lost in flight: the slot asks
 * again, and the job entity enqueues its job again when a new incarnation of its batch re-creates it.
 *
 * <p>Two marks live in memory only, to keep the queue's writes to two per job (enqueued, leased): a worker's
 * report (the slot is not handed that job again) and a job's confirmation ({@code Done}: the entry is never leased
 * again and its {@code Removed} event rides along with the queue's next write, or goes alone after
 * {@code zkcluster.jobs.queue-removal-delay}). A queue that restarts before writing them has the entry back as
 * leased: at recovery it asks the job of every lease first, a proven job answers {@code Done} (as it does to any
 * later word about it), and only an unproven one is handed back to its slot. The proof stands and is not redone.
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

    /**
     * A witness worker slot ({@code {node address}/witness#{i}}) asks for a queued job without a witness vector; the
     * same slot asking again gets the same job back.
     */
    public record PullWitness(String slot, List<String> versions, ActorRef<WitnessTask> replyTo) implements Command {}

    /** A witness slot got a job while busy with another; the job is free for another slot. */
    public record DeclineWitness(String jobId, String slot) implements Command {}

    /** The job's witness vector is ready, held in memory by {@code server} (on the slot's node). */
    public record WitnessReady(String jobId, String slot, ActorRef<WitnessWorker.Command> server)
            implements Command {}

    /** Witness generation of the job failed: a failed attempt, requeued or exhausted by the house keeper. */
    public record WitnessFailed(String jobId, String slot, String reason) implements Command {}

    /**
     * The prover slot holding the lease could not get the job's vector (the witness node died, restarted or dropped
     * it): the job goes back to queued, to be witnessed again, and the attempt does not count.
     */
    public record WitnessLost(String jobId, String slot, int attempt) implements Command {}

    /**
     * A witness worker's periodic list of the vectors it holds from this queue; the queue adopts those it has no
     * vector for and tells the worker to drop those no job needs.
     */
    public record WitnessHeld(String node, ActorRef<WitnessWorker.Command> server, List<String> jobIds)
            implements Command {}

    /** Which jobs have a vector ready (job → witness node) and which are being witnessed (job → witness slot). */
    public record ListWitnesses(ActorRef<Witnesses> replyTo) implements Command {}

    public record Witnesses(Map<String, String> ready, Map<String, String> witnessing) implements CborSerializable {}

    public record WitnessTask(JobSpec spec, String group, String slot) implements CborSerializable {}

    public record RequeueBatch(long batch, ActorRef<Count> replyTo) implements Command {}

    public record Report(ActorRef<Depths> replyTo) implements Command {}

    /** The queue's entries of one batch (all batches when {@code batch} is negative). */
    public record ListEntries(long batch, ActorRef<Entries> replyTo) implements Command {}

    /** Puts every unproven job of the batch back in the queue with a fresh attempt budget. */
    public record ResetBatch(long batch, ActorRef<Count> replyTo) implements Command {}

    /** Writes the removals still held in memory (sent by the queue's own timer). */
    record FlushRemovals() implements Command {}

    /** Writes the new jobs and leases held in memory (sent by the queue to itself). */
    record Flush() implements Command {}

    /** The job entity's answer to a check after recovery: the job is not proven, so its lease may be handed back. */
    public record Unproven(String jobId) implements Command {}

    public record Entries(List<Entry> entries) implements CborSerializable {}

    /** A lease; {@code witness} is the witness worker that holds the job's vector (null when it is gone). */
    public record Assignment(JobSpec spec, int attempt, long deadlineMillis, String slot, String group,
            ActorRef<WitnessWorker.Command> witness) implements CborSerializable {}

    public record Count(int count) implements CborSerializable {}

    public record Depth(int round, String circuit, String version, int queued, int proving)
            implements CborSerializable {}

    public record Depths(List<Depth> depths) implements CborSerializable {}

    public interface Event extends CborSerializable {}

    public record Enqueued(JobSpec spec) implements Event {}

    public record Leased(String jobId, String slot, int attempt, long deadlineMillis) implements Event {}

    public record Declined(String jobId) implements Event {}

    public record Faulted(String jobId, String reason) implements Event {}

    /** No longer written (a report is an in-memory mark now); kept so that older journals replay. */
    public record Reported(String jobId) implements Event {}

    public record Requeued(String jobId, String reason) implements Event {}

    public record Exhausted(String jobId, String reason) implements Event {}

    public record Revived(String jobId) implements Event {}

    public record Removed(String jobId) implements Event {}

    /** Witness generation failed: counts as an attempt, and the job waits for the house keeper as a faulted one. */
    public record WitnessFaulted(String jobId, String reason) implements Event {}

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
    private final TimerScheduler<Command> timers;
    private final Map<String, Waiting> waiting = new LinkedHashMap<>();
    /** Jobs whose slot reported a result, with the attempt reported: that lease is over from the slot's side. */
    private final Map<String, Integer> reported = new HashMap<>();
    /** Jobs their entity confirmed whose {@code Removed} event is not written yet: they are gone for every command. */
    private final Set<String> removing = new LinkedHashSet<>();
    /** Leases found at recovery whose job has not answered a check yet: they are not handed back until it does. */
    private final Set<String> unchecked = new HashSet<>();

    private record Vector(String node, ActorRef<WitnessWorker.Command> server) {}

    private record WaitingWitness(List<String> versions, ActorRef<WitnessTask> replyTo) {}

    // in memory only, as the vectors are: job → where its vector is held; job → the witness slot generating it
    private final Map<String, Vector> vectors = new HashMap<>();
    private final Map<String, String> witnessing = new HashMap<>();
    private final Map<String, WaitingWitness> waitingWitness = new LinkedHashMap<>();

    private record HeldLease(JobSpec spec, String slot, int attempt, long deadlineMillis, List<String> versions,
            ActorRef<Assignment> replyTo) {}

    // chosen but not written yet, written together by the next write: new jobs, and leases (by job id)
    private final Map<String, JobSpec> enqueuing = new LinkedHashMap<>();
    private final Map<String, HeldLease> leasing = new LinkedHashMap<>();
    private final ActorRef<Command> self;
    private boolean flushSent;

    private JobQueue(String group, ClusterContext cx, TimerScheduler<Command> timers, ActorRef<Command> self) {
        super(PersistenceId.of(KEY.name(), group), cx);
        this.group = group;
        this.timers = timers;
        this.self = self;
    }

    public static Behavior<Command> create(String group, ClusterContext cx) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new JobQueue(group, cx, timers, ctx.getSelf())));
    }

    @Override
    public State emptyState() {
        return new State(Map.of());
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Enqueue.class, this::onEnqueue)
                .onCommand(Pull.class, this::onPull)
                .onCommand(Decline.class, (s, c) -> {
                    Entry e = live(s, c.jobId());
                    if (e == null || !e.status().equals("leased") || !e.slot().equals(c.slot())) {
                        return Effect().none();
                    }
                    reported.remove(c.jobId());
                    return write(List.of(new Declined(c.jobId()))).thenRun(this::serveWaiting);
                })
                .onCommand(Fault.class, (s, c) -> {
                    Entry e = live(s, c.jobId());
                    if (e == null || !e.status().equals("leased") || !e.slot().equals(c.slot())
                            || e.attempts() != c.attempt()) {
                        return Effect().none();
                    }
                    reported.remove(c.jobId());
                    return write(List.of(new Faulted(c.jobId(), c.reason())));
                })
                .onCommand(Done.class, (s, c) -> {
                    dropVector(c.jobId());
                    Entry e = live(s, c.jobId());
                    if (e != null) {
                        reported.remove(c.jobId());
                        removing.add(c.jobId());
                        if (!timers.isTimerActive(FlushRemovals.class)) {
                            timers.startSingleTimer(FlushRemovals.class, new FlushRemovals(),
                                    cx.settings().removalDelay());
                        }
                        checked(e);
                    }
                    return Effect().none();
                })
                .onCommand(FlushRemovals.class, (s, c) -> removing.isEmpty() ? Effect().none() : write(List.of()))
                .onCommand(Flush.class, (s, c) -> {
                    flushSent = false;
                    return enqueuing.isEmpty() && leasing.isEmpty() ? Effect().none() : write(List.of());
                })
                .onCommand(Unproven.class, (s, c) -> {
                    Entry e = live(s, c.jobId());
                    if (e != null) {
                        checked(e);
                    }
                    return Effect().none();
                })
                .onCommand(Tick.class, (s, c) -> endLeases(s, e -> e.status().equals("faulted")
                        || leased(e) && e.deadlineMillis() <= c.nowMillis()))
                .onCommand(ReleaseNode.class, (s, c) -> {
                    leasing.values().removeIf(l -> l.slot().startsWith(c.address() + "/"));
                    forgetWitnessNode(s, c.address());
                    return endLeases(s, e -> leased(e) && e.slot().startsWith(c.address() + "/"));
                })
                .onCommand(PullWitness.class, this::onPullWitness)
                .onCommand(DeclineWitness.class, (s, c) -> {
                    if (witnessing.remove(c.jobId(), c.slot())) {
                        serveWitnessWaiting(s);
                    }
                    return Effect().none();
                })
                .onCommand(WitnessReady.class, this::onWitnessReady)
                .onCommand(WitnessFailed.class, this::onWitnessFailed)
                .onCommand(WitnessLost.class, this::onWitnessLost)
                .onCommand(WitnessHeld.class, this::onWitnessHeld)
                .onCommand(ListWitnesses.class, (s, c) -> {
                    Map<String, String> ready = new HashMap<>();
                    vectors.forEach((id, v) -> ready.put(id, v.node()));
                    return Effect().reply(c.replyTo(), new Witnesses(ready, new HashMap<>(witnessing)));
                })
                .onCommand(RequeueBatch.class, (s, c) -> revive(s, c.batch(), false, c.replyTo()))
                .onCommand(ResetBatch.class, (s, c) -> revive(s, c.batch(), true, c.replyTo()))
                .onCommand(Report.class, (s, c) -> Effect().reply(c.replyTo(), depths(s)))
                .onCommand(ListEntries.class, (s, c) -> Effect().reply(c.replyTo(), new Entries(
                        live(s).filter(e -> c.batch() < 0 || e.spec().batch() == c.batch())
                                .sorted((a, b) -> ORDER.compare(a.spec(), b.spec())).toList())))
                .build();
    }

    /**
     * A proof may have been reported, or its job confirmed, without the queue writing it before it stopped: every
     * lease found at recovery is checked with its job first (a proven one answers {@code Done}).
     */
    @Override
    public SignalHandler<State> signalHandler() {
        return newSignalHandlerBuilder().onSignal(RecoveryCompleted.class, (s, sig) -> {
            for (Entry e : s.entries().values()) {
                if (leased(e)) {
                    unchecked.add(e.spec().id());
                    cx.job(e.spec().id()).tell(new CircuitJob.Check());
                }
            }
        }).build();
    }

    // a slot that waited for this lease's check asks again
    private void checked(Entry e) {
        if (unchecked.remove(e.spec().id()) && waiting.containsKey(e.slot())) {
            Waiting w = waiting.remove(e.slot());
            self.tell(new Pull(e.slot(), w.versions(), w.replyTo(), ""));
        }
    }

    private Effect<Event, State> revive(State s, long batch, boolean everyUnproven, ActorRef<Count> replyTo) {
        List<Event> events = new ArrayList<>();
        live(s).forEach(e -> {
            if (e.spec().batch() == batch && (e.status().equals("exhausted") || everyUnproven)) {
                reported.remove(e.spec().id());
                events.add(new Revived(e.spec().id()));
            }
        });
        return write(events).thenRun(n -> {
            for (Event ev : events) {
                cx.job(((Revived) ev).jobId()).tell(new CircuitJob.Revive());
                announceVector(((Revived) ev).jobId());
            }
            serveWaiting(n);
        }).thenReply(replyTo, n -> new Count(events.size()));
    }

    private Effect<Event, State> onPull(State s, Pull c) {
        Entry done = live(s, c.finished());
        if (done != null && done.status().equals("leased") && done.slot().equals(c.slot())) {
            reported.put(done.spec().id(), done.attempts());
        }
        if (serve(s, c.slot(), c.versions(), c.replyTo())) {
            waiting.remove(c.slot());
        } else {
            waiting.put(c.slot(), new Waiting(c.versions(), c.replyTo()));
        }
        return Effect().none();
    }

    /**
     * Answers a slot's pull, or holds a lease for it that the next write answers; false when the slot has to wait
     * (nothing to lease, or its lease from before a restart is not checked yet).
     */
    private boolean serve(State s, String slot, List<String> versions, ActorRef<Assignment> replyTo) {
        for (HeldLease held : leasing.values()) {
            if (held.slot().equals(slot)) {
                return true; // answered when it is written
            }
        }
        for (Map.Entry<String, Entry> kv : s.entries().entrySet()) {
            Entry e = kv.getValue();
            String id = kv.getKey();
            if (e.status().equals("leased") && e.slot().equals(slot) && !removing.contains(id)
                    && !Integer.valueOf(e.attempts()).equals(reported.get(id))) {
                if (unchecked.contains(id)) {
                    // held since before a restart: the job says first whether it is proven
                    return false;
                }
                // an idempotent re-send: the same job again
                replyTo.tell(new Assignment(e.spec(), e.attempts(), e.deadlineMillis(), e.slot(), group,
                        serverOf(id)));
                return true;
            }
        }
        Optional<Entry> next = best(s, versions);
        if (next.isEmpty()) {
            return false;
        }
        JobSpec spec = next.get().spec();
        unchecked.remove(spec.id());
        long deadline = System.currentTimeMillis() + cx.settings().policy(spec.round()).timeout().toMillis();
        leasing.put(spec.id(), new HeldLease(spec, slot, next.get().attempts() + 1, deadline, versions, replyTo));
        flushSoon();
        return true;
    }

    private Effect<Event, State> onEnqueue(State s, Enqueue c) {
        String id = c.spec().id();
        if (s.entries().containsKey(id) || enqueuing.containsKey(id)) {
            return Effect().none();
        }
        // no job is leased before a witness node has made its vector, so a new job is only queued here
        enqueuing.put(id, c.spec());
        flushSoon();
        return Effect().none();
    }

    // the queue's Flush, behind the commands already in its mailbox, writes what is held by then
    private void flushSoon() {
        if (!flushSent) {
            flushSent = true;
            self.tell(new Flush());
        }
    }

    // once held leases are written: each is answered, unless the job changed meanwhile; then its slot asks again
    private void answerLeases(State n, List<HeldLease> written) {
        for (HeldLease l : written) {
            String id = l.spec().id();
            Entry e = n.entries().get(id);
            if (e != null && e.status().equals("leased") && e.slot().equals(l.slot()) && e.attempts() == l.attempt()
                    && !removing.contains(id)) {
                l.replyTo().tell(new Assignment(l.spec(), l.attempt(), l.deadlineMillis(), l.slot(), group,
                        serverOf(id)));
                cx.job(id).tell(new CircuitJob.Started(l.slot(), l.attempt(), l.deadlineMillis()));
            } else {
                self.tell(new Pull(l.slot(), l.versions(), l.replyTo(), ""));
            }
        }
    }

    // the first queued job, in queue order, to lease: its vector is ready, and no lease of it is held
    private Optional<Entry> best(State s, List<String> versions) {
        return first(s, versions, id -> vectors.containsKey(id) && !leasing.containsKey(id));
    }

    // the first queued job of a served version, not being removed, whose id passes {@code eligible}
    private Optional<Entry> first(State s, List<String> versions, java.util.function.Predicate<String> eligible) {
        Entry best = null;
        for (Map.Entry<String, Entry> kv : s.entries().entrySet()) {
            Entry e = kv.getValue();
            String id = kv.getKey();
            if (e.status().equals("queued") && versions.contains(e.spec().version()) && !removing.contains(id)
                    && eligible.test(id) && (best == null || ORDER.compare(e.spec(), best.spec()) < 0)) {
                best = e;
            }
        }
        return Optional.ofNullable(best);
    }

    // hands newly queued jobs to waiting pulls; their leases are written together
    private void serveWaiting(State s) {
        serveWitnessWaiting(s);
        waiting.entrySet().removeIf(w -> serve(s, w.getKey(), w.getValue().versions(), w.getValue().replyTo()));
    }

    private ActorRef<WitnessWorker.Command> serverOf(String jobId) {
        Vector v = vectors.get(jobId);
        return v == null ? null : v.server();
    }

    private static String nodeOf(String slot) {
        int cut = slot.lastIndexOf('/');
        return cut < 0 ? slot : slot.substring(0, cut);
    }

    // a queued job still waiting for a witness: none held, none being made
    private Optional<Entry> bestToWitness(State s, List<String> versions) {
        return first(s, versions, id -> !vectors.containsKey(id) && !witnessing.containsKey(id));
    }

    private Effect<Event, State> onPullWitness(State s, PullWitness c) {
        for (Map.Entry<String, String> w : witnessing.entrySet()) {
            Entry e = s.entries().get(w.getKey());
            if (w.getValue().equals(c.slot()) && e != null) {
                // an idempotent re-send: the same job again
                c.replyTo().tell(new WitnessTask(e.spec(), group, c.slot()));
                return Effect().none();
            }
        }
        Optional<Entry> next = bestToWitness(s, c.versions());
        if (next.isEmpty()) {
            waitingWitness.put(c.slot(), new WaitingWitness(c.versions(), c.replyTo()));
            return Effect().none();
        }
        waitingWitness.remove(c.slot());
        witnessing.put(next.get().spec().id(), c.slot());
        c.replyTo().tell(new WitnessTask(next.get().spec(), group, c.slot()));
        return Effect().none();
    }

    // hands queued jobs without a witness to waiting witness slots; nothing is persisted, so all at once
    private void serveWitnessWaiting(State s) {
        java.util.Iterator<Map.Entry<String, WaitingWitness>> it = waitingWitness.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, WaitingWitness> w = it.next();
            Optional<Entry> next = bestToWitness(s, w.getValue().versions());
            if (next.isPresent()) {
                it.remove();
                witnessing.put(next.get().spec().id(), w.getKey());
                w.getValue().replyTo().tell(new WitnessTask(next.get().spec(), group, w.getKey()));
            }
        }
    }

    private Effect<Event, State> onWitnessReady(State s, WitnessReady c) {
        witnessing.remove(c.jobId(), c.slot());
        if (!adopt(s, c.jobId(), nodeOf(c.slot()), c.server())) {
            c.server().tell(new WitnessWorker.Drop(c.jobId()));
            return Effect().none();
        }
        serveWaiting(s);
        return Effect().none();
    }

    // records a vector for a job that needs one and has none; false when no job needs it
    private boolean adopt(State s, String jobId, String node, ActorRef<WitnessWorker.Command> server) {
        Entry e = live(s, jobId);
        Vector held = vectors.get(jobId);
        if (held != null) {
            return held.server().equals(server);
        }
        if (e == null || e.status().equals("exhausted") || reported.containsKey(jobId)) {
            return false;
        }
        vectors.put(jobId, new Vector(node, server));
        if (e.status().equals("queued")) {
            cx.job(jobId).tell(new CircuitJob.WitnessReady(node));
        }
        return true;
    }

    private Effect<Event, State> onWitnessFailed(State s, WitnessFailed c) {
        Entry e = live(s, c.jobId());
        if (!witnessing.remove(c.jobId(), c.slot()) || e == null || !e.status().equals("queued")) {
            return Effect().none();
        }
        return write(List.of(new WitnessFaulted(c.jobId(), "witness generation on " + nodeOf(c.slot())
                + " failed: " + c.reason())));
    }

    private Effect<Event, State> onWitnessLost(State s, WitnessLost c) {
        Entry e = live(s, c.jobId());
        if (e == null || !e.status().equals("leased") || !e.slot().equals(c.slot()) || e.attempts() != c.attempt()) {
            return Effect().none();
        }
        dropVector(c.jobId());
        reported.remove(c.jobId());
        return write(List.of(new Declined(c.jobId()))).thenRun(n -> {
            cx.job(c.jobId()).tell(new CircuitJob.Requeued(n.entries().get(c.jobId()).attempts(),
                    "witness vector lost; witnessing again"));
            serveWaiting(n);
        });
    }

    private Effect<Event, State> onWitnessHeld(State s, WitnessHeld c) {
        boolean adopted = false;
        for (String id : c.jobIds()) {
            boolean had = vectors.containsKey(id);
            if (!adopt(s, id, c.node(), c.server())) {
                c.server().tell(new WitnessWorker.Drop(id));
            } else if (!had) {
                witnessing.remove(id);
                adopted = true;
            }
        }
        if (adopted) {
            serveWaiting(s);
        }
        return Effect().none();
    }

    // the job needs its vector no more: the witness worker may free it
    private void dropVector(String jobId) {
        witnessing.remove(jobId);
        Vector v = vectors.remove(jobId);
        if (v != null) {
            v.server().tell(new WitnessWorker.Drop(jobId));
        }
    }

    // a requeued job whose vector is still held is witness-ready again
    private void announceVector(String jobId) {
        Vector v = vectors.get(jobId);
        if (v != null) {
            cx.job(jobId).tell(new CircuitJob.WitnessReady(v.node()));
        }
    }

    // the node has left: what it was witnessing and the vectors it held are gone
    private void forgetWitnessNode(State s, String address) {
        witnessing.values().removeIf(slot -> slot.startsWith(address + "/"));
        waitingWitness.keySet().removeIf(slot -> slot.startsWith(address + "/"));
        java.util.Iterator<Map.Entry<String, Vector>> it = vectors.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, Vector> v = it.next();
            if (v.getValue().node().equals(address)) {
                it.remove();
                Entry e = s.entries().get(v.getKey());
                if (e != null && e.status().equals("queued")) {
                    cx.job(v.getKey()).tell(new CircuitJob.Requeued(e.attempts(), "witness node " + address
                            + " left; witnessing again"));
                }
            }
        }
        serveWitnessWaiting(s);
    }

    /**
     * Persists the events as one atomic write, preceded by the {@code Removed} events of the jobs confirmed since
     * the last write and by the new jobs and leases held; once written, the held leases are answered and waiting
     * pulls served.
     */
    private EffectBuilder<Event, State> write(List<Event> events) {
        if (removing.isEmpty() && enqueuing.isEmpty() && leasing.isEmpty()) {
            return Effect().persist(events);
        }
        List<Event> all = new ArrayList<>(removing.size() + enqueuing.size() + leasing.size() + events.size());
        for (String id : removing) {
            all.add(new Removed(id));
        }
        enqueuing.values().forEach(spec -> all.add(new Enqueued(spec)));
        List<HeldLease> leases = List.copyOf(leasing.values());
        leases.forEach(l -> all.add(new Leased(l.spec().id(), l.slot(), l.attempt(), l.deadlineMillis())));
        boolean added = !enqueuing.isEmpty();
        all.addAll(events);
        removing.clear();
        enqueuing.clear();
        leasing.clear();
        timers.cancel(FlushRemovals.class);
        return Effect().persist(all).thenRun(n -> {
            answerLeases(n, leases);
            if (added) {
                serveWaiting(n);
            }
        });
    }

    /** The entry, unless it is absent or its job is confirmed. */
    private Entry live(State s, String jobId) {
        return removing.contains(jobId) ? null : s.entries().get(jobId);
    }

    private java.util.stream.Stream<Entry> live(State s) {
        return s.entries().values().stream().filter(e -> !removing.contains(e.spec().id()));
    }

    private static boolean leased(Entry e) {
        return e.status().equals("leased") || e.status().equals("reported");
    }

    private Effect<Event, State> endLeases(State s, java.util.function.Predicate<Entry> ended) {
        List<Event> events = new ArrayList<>();
        for (Entry e : s.entries().values()) {
            if (!ended.test(e) || removing.contains(e.spec().id())) {
                continue;
            }
            reported.remove(e.spec().id());
            unchecked.remove(e.spec().id());
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
        return write(events).thenRun(n -> {
            for (Event ev : events) {
                if (ev instanceof Requeued r) {
                    cx.metrics().requeued();
                    Entry e = n.entries().get(r.jobId());
                    cx.job(r.jobId()).tell(new CircuitJob.Requeued(e.attempts(), r.reason()));
                    announceVector(r.jobId());
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
        for (Entry e : live(s).toList()) {
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
                .onEvent(WitnessFaulted.class, (s, e) -> s.update(e.jobId(),
                        x -> x.with("faulted", x.attempts() + 1, "", 0, e.reason())))
                .build();
    }
}
