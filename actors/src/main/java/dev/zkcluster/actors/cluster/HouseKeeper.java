package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import dev.zkcluster.persistence.blob.BlobKeys;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The house keeper (cluster singleton on the orchestrators). It keeps the index of batches and, on every tick: tells
 * each prover group's queue the time (which requeues expired leases and failed jobs while attempts &lt; max and fails
 * the rest), wakes every unfinished batch (which, after a full restart, restarts it), archives finished batches after
 * the retention period (deleting their job proofs; the final proof stays), and publishes queue depth and the age of
 * the oldest unproven batch; it warns (once a minute) while batches wait and no member has the {@code witness} role.
 * When a member leaves, the leases of its workers end at once.
 */
public final class HouseKeeper extends ClusterEntity<HouseKeeper.Command, HouseKeeper.Event,
        HouseKeeper.State> {

    private static final Logger LOG = LoggerFactory.getLogger(HouseKeeper.class);
    private static final long NO_WITNESS_WARNING_MILLIS = 60_000;

    public interface Command extends CborSerializable {}

    public record Register(long batch, long acceptedAtMillis) implements Command {}

    public record Finished(long batch, String state, long atMillis) implements Command {}

    public record ListBatches(ActorRef<Batches> replyTo) implements Command {}

    public record Batches(List<Long> numbers) implements CborSerializable {}

    enum Tick implements Command { INSTANCE }

    record NodeGone(String address) implements Command {}

    record DepthsReceived(String group, JobQueue.Depths depths) implements Command {}

    public interface Event extends CborSerializable {}

    public record Registered(long batch, long acceptedAtMillis) implements Event {}

    public record Ended(long batch, String state, long atMillis) implements Event {}

    public record Archived(long batch) implements Event {}

    /** {@code state}: active, done, failed, archived. */
    public record Entry(long acceptedAtMillis, String state, long endedAtMillis) implements CborSerializable {}

    public record State(Map<String, Entry> batches) implements CborSerializable {
        State put(long n, Entry e) {
            Map<String, Entry> m = new HashMap<>(batches);
            m.put(Long.toUnsignedString(n), e);
            return new State(m);
        }
    }

    private final ActorContext<Command> ctx;
    private final Map<String, Set<String>> gaugeKeys = new HashMap<>();
    private long lastNoWitnessWarning;

    private HouseKeeper(ActorContext<Command> ctx, ClusterContext cx) {
        super(PersistenceId.ofUniqueId("house-keeper"), cx);
        this.ctx = ctx;
    }

    public static Behavior<Command> create(ClusterContext cx) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
            timers.startTimerWithFixedDelay(Tick.INSTANCE, cx.settings().houseKeeperInterval());
            ActorRef<ClusterEvent.MemberRemoved> removed = ctx.messageAdapter(ClusterEvent.MemberRemoved.class,
                    e -> new NodeGone(e.member().address().toString()));
            Cluster.get(ctx.getSystem()).subscriptions().tell(Subscribe.create(removed,
                    ClusterEvent.MemberRemoved.class));
            return new HouseKeeper(ctx, cx);
        }));
    }

    @Override
    public State emptyState() {
        return new State(Map.of());
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Register.class, (s, c) -> {
                    Entry e = s.batches().get(Long.toUnsignedString(c.batch()));
                    return e != null && e.state().equals("active") ? Effect().none()
                            : Effect().persist(new Registered(c.batch(), c.acceptedAtMillis()));
                })
                .onCommand(Finished.class, (s, c) -> {
                    Entry e = s.batches().get(Long.toUnsignedString(c.batch()));
                    return e != null && e.state().equals(c.state()) ? Effect().none()
                            : Effect().persist(new Ended(c.batch(), c.state(), c.atMillis()));
                })
                .onCommand(ListBatches.class, (s, c) -> Effect().reply(c.replyTo(),
                        new Batches(s.batches().keySet().stream().map(Long::parseUnsignedLong).toList())))
                .onCommand(NodeGone.class, (s, c) -> {
                    LOG.info("Member {} left; its workers' leases end now", c.address());
                    for (String g : cx.settings().groups().names()) {
                        cx.queue(g).tell(new JobQueue.ReleaseNode(c.address()));
                    }
                    return Effect().none();
                })
                .onCommand(DepthsReceived.class, (s, c) -> {
                    publishDepths(c.group(), c.depths());
                    return Effect().none();
                })
                .onCommand(Tick.class, (s, c) -> onTick(s))
                .build();
    }

    private Effect<Event, State> onTick(State s) {
        long now = System.currentTimeMillis();
        for (String g : cx.settings().groups().names()) {
            cx.queue(g).tell(new JobQueue.Tick(now));
            ctx.ask(JobQueue.Depths.class, cx.queue(g), cx.settings().askTimeout(), JobQueue.Report::new,
                    (depths, error) -> depths == null ? new DepthsReceived(g, new JobQueue.Depths(List.of()))
                            : new DepthsReceived(g, depths));
        }
        long oldest = Long.MAX_VALUE;
        List<Event> archive = new ArrayList<>();
        for (Map.Entry<String, Entry> b : s.batches().entrySet()) {
            long n = Long.parseUnsignedLong(b.getKey());
            Entry e = b.getValue();
            if (e.state().equals("active")) {
                cx.batch(n).tell(new BatchEntity.Wake());
                oldest = Math.min(oldest, e.acceptedAtMillis());
            } else if (!e.state().equals("archived")
                    && e.endedAtMillis() + cx.settings().retention().toMillis() <= now) {
                try {
                    cx.store().deleteTree(BlobKeys.proofs(n));
                    cx.batch(n).tell(new BatchEntity.Archive());
                    archive.add(new Archived(n));
                } catch (IOException ex) {
                    LOG.warn("Cannot archive batch {}: {}", n, ex.toString());
                }
            }
        }
        cx.metrics().oldestUnproven(oldest == Long.MAX_VALUE ? 0 : (now - oldest) / 1000.0);
        if (oldest != Long.MAX_VALUE && now - lastNoWitnessWarning >= NO_WITNESS_WARNING_MILLIS && !witnessUp()) {
            lastNoWitnessWarning = now;
            LOG.warn("Batches are waiting, but no member has the witness role: no job is witnessed, so none is proved");
        }
        return archive.isEmpty() ? Effect().none() : Effect().persist(archive);
    }

    private boolean witnessUp() {
        for (org.apache.pekko.cluster.Member m : Cluster.get(ctx.getSystem()).state().getMembers()) {
            if (m.status() == org.apache.pekko.cluster.MemberStatus.up() && m.hasRole("witness")) {
                return true;
            }
        }
        return false;
    }

    private void publishDepths(String group, JobQueue.Depths depths) {
        Set<String> seen = new HashSet<>();
        for (JobQueue.Depth d : depths.depths()) {
            String k = d.round() + "|" + d.circuit() + "|" + d.version();
            seen.add(k);
            cx.metrics().jobs("queued", d.round(), d.circuit(), d.version(), d.queued());
            cx.metrics().jobs("proving", d.round(), d.circuit(), d.version(), d.proving());
        }
        for (String k : gaugeKeys.getOrDefault(group, Set.of())) {
            if (!seen.contains(k)) {
                String[] p = k.split("\\|");
                cx.metrics().jobs("queued", Integer.parseInt(p[0]), p[1], p[2], 0);
                cx.metrics().jobs("proving", Integer.parseInt(p[0]), p[1], p[2], 0);
            }
        }
        gaugeKeys.put(group, seen);
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Registered.class, (s, e) -> s.put(e.batch(), new Entry(e.acceptedAtMillis(), "active", 0)))
                .onEvent(Ended.class, (s, e) -> {
                    Entry old = s.batches().get(Long.toUnsignedString(e.batch()));
                    long at = old == null ? e.atMillis() : old.acceptedAtMillis();
                    return s.put(e.batch(), new Entry(at, e.state(), e.atMillis()));
                })
                .onEvent(Archived.class, (s, e) -> {
                    Entry old = s.batches().get(Long.toUnsignedString(e.batch()));
                    return s.put(e.batch(), new Entry(old.acceptedAtMillis(), "archived", old.endedAtMillis()));
                })
                .build();
    }
}
