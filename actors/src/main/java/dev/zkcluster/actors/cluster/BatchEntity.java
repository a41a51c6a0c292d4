package dev.zkcluster.actors.cluster;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.persistence.CborSerializable;
import dev.zkcluster.persistence.blob.BlobKeys;
import dev.zkcluster.protocol.v1.BatchHeader;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One batch ({@code Batch}, id = batch number): accepted with its tree shape → proving → done, or failed with a
 * reason (a failed batch comes back with {@code Revive}) → archived. It creates the basic jobs, records when each
 * level completes, and, when the final level's proof is ready, writes {@code final/{batch}.bin}. On every start
 * while proving it re-creates its basic jobs (idempotently); the jobs and rounds re-send what they hold, so no
 * message lost in a crash leaves the batch stuck.
 */
public final class BatchEntity extends ClusterEntity<BatchEntity.Command, BatchEntity.Event,
        BatchEntity.State> {

    private static final Logger LOG = LoggerFactory.getLogger(BatchEntity.class);

    public static final EntityTypeKey<Command> KEY = EntityTypeKey.create(Command.class, "Batch");

    public interface Command extends CborSerializable {}

    public record Submit(String digest, TreeShape shape, byte[] header, int priority, long atMillis,
            ActorRef<SubmitReply> replyTo) implements Command {}

    public record SubmitReply(String state, boolean created, boolean conflict) implements CborSerializable {}

    public record Get(ActorRef<State> replyTo) implements Command {}

    public record LevelDone(int level, long atMillis) implements Command {}

    public record FinalReady(String proofKey) implements Command {}

    public record Fail(String reason) implements Command {}

    public record Revive(ActorRef<State> replyTo) implements Command {}

    public record Wake() implements Command {}

    public record Archive() implements Command {}

    public interface Event extends CborSerializable {}

    public record Accepted(String digest, TreeShape shape, byte[] header, int priority, long atMillis)
            implements Event {}

    public record LevelCompleted(int level, long atMillis) implements Event {}

    public record Finished(String finalKey, long atMillis) implements Event {}

    public record Failed(String reason, long atMillis) implements Event {}

    public record Revived(long atMillis) implements Event {}

    public record Archived(long atMillis) implements Event {}

    /** {@code status}: new, proving, done, failed, archived. Level completion times by level number. */
    public record State(String status, String digest, TreeShape shape, byte[] header, int priority,
            long acceptedAtMillis, Map<String, Long> levelDoneAt, String error, long doneAtMillis)
            implements CborSerializable {
        State withStatus(String status, String error, long doneAt) {
            return new State(status, digest, shape, header, priority, acceptedAtMillis, levelDoneAt, error, doneAt);
        }
    }

    private final long number;
    private boolean driven;

    private BatchEntity(String entityId, ClusterContext cx) {
        super(PersistenceId.of(KEY.name(), entityId), cx);
        this.number = Long.parseUnsignedLong(entityId);
    }

    public static Behavior<Command> create(String entityId, ClusterContext cx) {
        return new BatchEntity(entityId, cx);
    }

    @Override
    public State emptyState() {
        return new State("new", "", null, new byte[0], 0, 0, Map.of(), "", 0);
    }

    @Override
    public SignalHandler<State> signalHandler() {
        return newSignalHandlerBuilder().onSignal(RecoveryCompleted.class, (s, sig) -> drive(s)).build();
    }

    @Override
    public CommandHandler<Command, Event, State> commandHandler() {
        return newCommandHandlerBuilder().forAnyState()
                .onCommand(Submit.class, this::onSubmit)
                .onCommand(Get.class, (s, c) -> Effect().reply(c.replyTo(), s))
                .onCommand(LevelDone.class, (s, c) -> s.levelDoneAt().containsKey(Integer.toString(c.level()))
                        || s.shape() == null ? Effect().none()
                        : Effect().persist(new LevelCompleted(c.level(), c.atMillis())))
                .onCommand(FinalReady.class, this::onFinal)
                .onCommand(Fail.class, (s, c) -> !s.status().equals("proving") ? Effect().none()
                        : Effect().persist(new Failed(c.reason(), System.currentTimeMillis())).thenRun(n -> {
                            cx.houseKeeper().tell(new HouseKeeper.Finished(number, "failed", n.doneAtMillis()));
                            cx.publish("batch", number, Long.toUnsignedString(number), "failed", c.reason());
                        }))
                .onCommand(Revive.class, (s, c) -> !s.status().equals("failed") ? Effect().reply(c.replyTo(), s)
                        : Effect().persist(new Revived(System.currentTimeMillis())).thenRun(n -> {
                            cx.houseKeeper().tell(new HouseKeeper.Register(number, n.acceptedAtMillis()));
                            driven = false;
                            drive(n);
                            cx.publish("batch", number, Long.toUnsignedString(number), "proving", "requeued");
                        }).thenReply(c.replyTo(), n -> n))
                .onCommand(Wake.class, (s, c) -> {
                    drive(s);
                    return Effect().none();
                })
                .onCommand(Archive.class, (s, c) -> s.status().equals("done") || s.status().equals("failed")
                        ? Effect().persist(new Archived(System.currentTimeMillis())) : Effect().none())
                .build();
    }

    private Effect<Event, State> onSubmit(State s, Submit c) {
        if (s.status().equals("new")) {
            return Effect().persist(new Accepted(c.digest(), c.shape(), c.header(), c.priority(), c.atMillis()))
                    .thenRun(n -> {
                        cx.houseKeeper().tell(new HouseKeeper.Register(number, c.atMillis()));
                        cx.publish("batch", number, Long.toUnsignedString(number), "proving", "accepted");
                        drive(n);
                    })
                    .thenReply(c.replyTo(), n -> new SubmitReply(n.status(), true, false));
        }
        return Effect().reply(c.replyTo(), new SubmitReply(s.status(), false, !s.digest().equals(c.digest())));
    }

    private Effect<Event, State> onFinal(State s, FinalReady c) {
        if (!s.status().equals("proving") && !s.status().equals("failed")) {
            return Effect().none();
        }
        try {
            byte[] blob = cx.store().get(c.proofKey()).orElseThrow(() -> new IOException("missing " + c.proofKey()));
            ProofBlob proof = ProofBlob.decode(blob);
            BatchProof batchProof = BatchProof.newBuilder()
                    .setHeader(BatchHeader.parseFrom(s.header()))
                    .setPublicInputs(BatchMessages.toProto(SchedulerCircuit.batchPublicInputs(proof.publicInputs())))
                    .setProof(ByteString.copyFrom(proof.proof()))
                    .setVerifierKeyDigest(proof.verifierKeyDigest())
                    .build();
            cx.store().put(BlobKeys.finalProof(number), batchProof.toByteArray());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("Batch {}: cannot write the final proof from {}: {}", number, c.proofKey(), e.toString());
            return Effect().persist(new Failed("final proof: " + e.getMessage(), System.currentTimeMillis()));
        }
        long now = System.currentTimeMillis();
        return Effect().persist(new Finished(BlobKeys.finalProof(number), now)).thenRun(n -> {
            cx.metrics().batchTime((now - n.acceptedAtMillis()) * 1_000_000L);
            cx.houseKeeper().tell(new HouseKeeper.Finished(number, "done", now));
            cx.publish("batch", number, Long.toUnsignedString(number), "done", "");
        });
    }

    // (re)creates the basic jobs once per incarnation; everything above follows from their proofs
    private void drive(State s) {
        if (driven || !s.status().equals("proving")) {
            return;
        }
        driven = true;
        for (TreeShape.Slot slot : s.shape().slots(0)) {
            JobSpec spec = new JobSpec(number, s.shape(), slot, s.priority(), java.util.List.of());
            cx.job(spec.id()).tell(new CircuitJob.Create(spec));
        }
    }

    @Override
    public EventHandler<State, Event> eventHandler() {
        return newEventHandlerBuilder().forAnyState()
                .onEvent(Accepted.class, (s, e) -> new State("proving", e.digest(), e.shape(), e.header(),
                        e.priority(), e.atMillis(), Map.of(), "", 0))
                .onEvent(LevelCompleted.class, (s, e) -> {
                    Map<String, Long> m = new HashMap<>(s.levelDoneAt());
                    m.put(Integer.toString(e.level()), e.atMillis());
                    return new State(s.status(), s.digest(), s.shape(), s.header(), s.priority(),
                            s.acceptedAtMillis(), m, s.error(), s.doneAtMillis());
                })
                .onEvent(Finished.class, (s, e) -> s.withStatus("done", "", e.atMillis()))
                .onEvent(Failed.class, (s, e) -> s.withStatus("failed", e.reason(), e.atMillis()))
                .onEvent(Revived.class, (s, e) -> s.withStatus("proving", "", 0))
                .onEvent(Archived.class, (s, e) -> s.withStatus("archived", s.error(), s.doneAtMillis()))
                .build();
    }

    /** Parses a stored header; the bytes came from an accepted batch, so failure is a bug. */
    static BatchHeader header(State s) {
        try {
            return BatchHeader.parseFrom(s.header());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored batch header is unreadable", e);
        }
    }
}
