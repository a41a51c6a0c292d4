package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;

/**
 * One level of one batch's tree ({@code AggregationRound}, id {@code {batch}-{level}}): collects the proofs of the
 * level's jobs as {@code ProofReady} (object-store keys). When a fan-in group is complete it creates the parent job
 * on the next level with the group's proof keys; the final level hands its proof to the {@code Batch}. A repeated
 * {@code ProofReady} repeats the (idempotent) hand-off, which is how a restarted cluster picks up lost messages.
 */
public final class RoundEntity extends ClusterEntity<RoundEntity.Command, RoundEntity.Event,
        RoundEntity.State> {

    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "AggregationRound");

    public interface Command extends CborSerializable {}

    public record ProofReady(JobSpec spec, String proofKey) implements Command {}

    public record Get(ActorRef<State> replyTo) implements Command {}

    public interface Event extends CborSerializable {}

    public record ChildProven(TreeShape.Slot slot, String proofKey) implements Event {}

    /** Proof keys by {@code lane:seq}. */
    public record State(Map<String, String> proofs) implements CborSerializable {
        State with(TreeShape.Slot slot, String key) {
            Map<String, String> m = new HashMap<>(proofs);
            m.put(name(slot), key);
            return new State(m);
        }
    }

    static String name(TreeShape.Slot slot) {
        return slot.lane() + ":" + slot.seq();
    }

    private RoundEntity(String entityId, ClusterContext cx) {
        super(PersistenceId.of(KEY.name(), entityId), cx);
    }

    public static Behavior<Command> create(String entityId, ClusterContext cx) {
        return new RoundEntity(entityId, cx);
    }

    @Override
    public State emptyState() {
        return new State(Map.of());
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(ProofReady.class, (s, c) -> {
                    if (s.proofs().containsKey(name(c.spec().slot()))) {
                        handOn(s, c.spec());
                        return Effect().none();
                    }
                    return Effect().persist(new ChildProven(c.spec().slot(), c.proofKey()))
                            .thenRun(n -> handOn(n, c.spec()));
                })
                .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
                .build();
    }

    private void handOn(State s, JobSpec child) {
        TreeShape shape = child.shape();
        int level = child.slot().level();
        if (s.proofs().size() == shape.jobs(level)) {
            cx.batch(child.batch()).tell(new BatchEntity.LevelDone(level, System.currentTimeMillis()));
        }
        if (level == shape.finalLevel()) {
            cx.batch(child.batch()).tell(new BatchEntity.FinalReady(s.proofs().get(name(child.slot()))));
            return;
        }
        TreeShape.Slot parent = shape.parent(child.slot());
        List<String> keys = new ArrayList<>();
        for (TreeShape.Slot c : shape.children(parent)) {
            String key = s.proofs().get(name(c));
            if (key == null) {
                return;
            }
            keys.add(key);
        }
        JobSpec parentSpec = new JobSpec(child.batch(), shape, parent, child.priority(), keys);
        cx.job(parentSpec.id()).tell(new CircuitJob.Create(parentSpec));
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(ChildProven.class, (s, e) -> s.with(e.slot(), e.proofKey()))
                .build();
    }
}
