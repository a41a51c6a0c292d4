package dev.zkcluster.actors.cluster;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.zkcluster.actors.api.IntakeException;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.actors.intake.Decoded;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.BatchViolation;
import dev.zkcluster.circuits.rollup.exec.JobPlan;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.persistence.blob.BlobKeys;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.cluster.typed.Cluster;

/** {@link ProvingService} on the cluster's sharded entities, queues and house keeper; usable from any node. */
public final class ClusterProvingService implements ProvingService {
    private static final AtomicLong SUBSCRIBERS = new AtomicLong();

    private final ClusterContext cx;
    private final ActorSystem<?> system;
    private final Duration timeout;
    private final Executor blocking;

    public ClusterProvingService(ClusterContext cx) {
        this.cx = cx;
        this.system = cx.system();
        this.timeout = cx.settings().askTimeout();
        this.blocking = system.dispatchers().lookup(DispatcherSelector.blocking());
    }

    @Override
    public CompletionStage<SubmitResult> submit(BatchInput input) {
        return CompletableFuture.supplyAsync(() -> prepare(input), blocking).thenCompose(p -> cx.batch(p.number())
                .<BatchEntity.SubmitReply>ask(r -> new BatchEntity.Submit(p.digest(), p.shape(),
                        input.getHeader().toByteArray(), 0, System.currentTimeMillis(), r), timeout)
                .thenApply(reply -> {
                    if (reply.conflict()) {
                        throw conflict(p.number());
                    }
                    return new SubmitResult(p.number(), reply.state().equals("archived") ? "done" : reply.state(),
                            reply.created());
                }));
    }

    private record Prepared(long number, String digest, TreeShape shape) {}

    // validates with the executor's rules and stores the input; throws IntakeException for a refused batch
    private Prepared prepare(BatchInput input) {
        Decoded decoded = BatchMessages.toDomain(input);
        if (decoded instanceof Decoded.Refused refused) {
            throw new IntakeException(IntakeException.Kind.INVALID, refused.error().path(), refused.error().detail());
        }
        Batch batch = ((Decoded.Accepted) decoded).batch();
        String version = batch.header().protocolVersion();
        ProtocolVersion pv = cx.settings().versions().stream().filter(v -> v.version().equals(version)).findFirst()
                .orElseThrow(() -> new IntakeException(IntakeException.Kind.INVALID, "header.protocol_version",
                        "'" + version + "' is not served by this cluster (serves " + cx.settings().versions().stream()
                                .map(ProtocolVersion::version).toList() + ")"));
        ExecutorLimits limits = pv.workload().limitsWithin(ExecutorLimits.DEFAULT);
        // every rule, without the witnesses: the witness generator executes the batch again for those
        Optional<BatchViolation> violation = new BatchExecutor(limits, pv.workload().capacity()).check(batch);
        if (violation.isPresent()) {
            BatchViolation v = violation.get();
            throw new IntakeException(IntakeException.Kind.INVALID, v.path(), v.detail());
        }
        JobPlan plan = JobPlan.forOpCounts(Map.of(OpKind.DEPOSIT, batch.deposits().size(), OpKind.TRANSFER,
                batch.transfers().size(), OpKind.WITHDRAWAL, batch.withdrawals().size()), pv.workload().capacity());
        List<Integer> counts = new ArrayList<>();
        for (OpKind kind : OpKind.values()) {
            counts.add(plan.basic().get(kind));
        }
        TreeShape shape = new TreeShape(version, counts, pv.workload().fanIn(), pv.workload().nodeDepths());
        long number = batch.header().batchNumber();
        byte[] bytes = input.toByteArray();
        String digest = sha256(bytes);
        try {
            String key = BlobKeys.witnessInputs(number);
            if (!cx.store().putIfAbsent(key, bytes)) {
                byte[] stored = cx.store().get(key).orElse(new byte[0]);
                if (!sha256(stored).equals(digest)) {
                    throw conflict(number);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Prepared(number, digest, shape);
    }

    private static IntakeException conflict(long number) {
        return new IntakeException(IntakeException.Kind.CONFLICT, "header.batch_number",
                "batch " + Long.toUnsignedString(number) + " was already accepted with different content");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletionStage<BatchEntity.State> batchState(long n) {
        return cx.batch(n).ask(BatchEntity.Get::new, timeout);
    }

    @Override
    public CompletionStage<Optional<BatchStatus>> status(long batchNumber) {
        return batchState(batchNumber).thenCompose(s -> s.status().equals("new")
                ? CompletableFuture.completedFuture(Optional.empty())
                : describe(batchNumber, s).thenApply(Optional::of));
    }

    private CompletionStage<BatchStatus> describe(long n, BatchEntity.State s) {
        TreeShape shape = s.shape();
        List<CompletableFuture<RoundEntity.State>> rounds = new ArrayList<>();
        for (int level = 0; level < shape.levels(); level++) {
            rounds.add(cx.round(n, level).ask(RoundEntity.Get::new, timeout).toCompletableFuture());
        }
        CompletableFuture<List<JobQueue.Entry>> entries = queueEntries(n);
        return CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).thenCombine(entries, (x, es) -> {
            List<RoundProgress> progress = new ArrayList<>();
            Map<String, Long> timings = new LinkedHashMap<>();
            long previous = s.acceptedAtMillis();
            for (int level = 0; level < shape.levels(); level++) {
                int lvl = level;
                int failed = (int) es.stream().filter(e -> e.spec().slot().level() == lvl
                        && e.status().equals("exhausted")).count();
                progress.add(new RoundProgress(shape.round(level), shape.roundName(level), shape.jobs(level),
                        rounds.get(level).join().proofs().size(), failed));
                Long done = s.levelDoneAt().get(Integer.toString(level));
                if (done != null) {
                    timings.put(shape.roundName(level), Math.max(0, done - previous));
                    previous = done;
                }
            }
            if (s.status().equals("done") || s.status().equals("archived")) {
                timings.put("total", s.doneAtMillis() - s.acceptedAtMillis());
            }
            String state = s.status().equals("archived") ? "done" : s.status();
            return new BatchStatus(n, shape.version(), state, progress, timings,
                    s.error().isEmpty() ? Optional.empty() : Optional.of(s.error()), s.acceptedAtMillis());
        });
    }

    private CompletableFuture<List<JobQueue.Entry>> queueEntries(long batch) {
        List<CompletableFuture<JobQueue.Entries>> all = new ArrayList<>();
        for (String g : cx.settings().groups().names()) {
            all.add(cx.queue(g).<JobQueue.Entries>ask(r -> new JobQueue.ListEntries(batch, r), timeout)
                    .toCompletableFuture());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> all.stream()
                .flatMap(f -> f.join().entries().stream()).toList());
    }

    private CompletionStage<List<Long>> knownBatches() {
        return AskPattern.<HouseKeeper.Command, HouseKeeper.Batches>ask(cx.houseKeeper(),
                HouseKeeper.ListBatches::new, timeout, system.scheduler()).thenApply(HouseKeeper.Batches::numbers);
    }

    @Override
    public CompletionStage<List<BatchStatus>> batches(Optional<String> state) {
        return knownBatches().thenCompose(numbers -> {
            List<CompletableFuture<Optional<BatchStatus>>> all = numbers.stream()
                    .map(n -> status(n).toCompletableFuture()).toList();
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> all.stream()
                    .map(CompletableFuture::join).flatMap(Optional::stream)
                    .filter(s -> state.isEmpty() || state.get().equals(s.state()))
                    .sorted(Comparator.comparingLong(BatchStatus::acceptedAtMillis).reversed()
                            .thenComparing(BatchStatus::batchNumber, Comparator.reverseOrder()))
                    .toList());
        });
    }

    @Override
    public CompletionStage<Optional<BatchProof>> finalProof(long batchNumber) {
        return batchState(batchNumber).thenApply(s -> {
            if (s.status().equals("new")) {
                throw new IntakeException(IntakeException.Kind.NOT_FOUND, "batchNumber",
                        "no batch " + Long.toUnsignedString(batchNumber));
            }
            try {
                Optional<byte[]> bytes = cx.store().get(BlobKeys.finalProof(batchNumber));
                return bytes.isEmpty() ? Optional.empty() : Optional.of(BatchProof.parseFrom(bytes.get()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Override
    public CompletionStage<ClusterView> cluster() {
        List<org.apache.pekko.cluster.Member> members = new ArrayList<>();
        Cluster.get(system).state().getMembers().forEach(members::add);
        List<ProvingService.Member> views = members.stream().map(m -> new ProvingService.Member(
                m.address().toString(), m.getRoles().stream().filter(r -> !r.startsWith("dc-")).sorted().toList(),
                m.status().toString().toLowerCase())).toList();
        return AskPattern.<Receptionist.Command, Receptionist.Listing>ask(system.receptionist(),
                r -> Receptionist.find(ProverWorker.SERVICE, r), timeout, system.scheduler())
                .thenCompose(listing -> {
                    List<CompletableFuture<ProverWorker.WorkerInfo>> infos = listing
                            .getServiceInstances(ProverWorker.SERVICE).stream()
                            .map(w -> AskPattern.<ProverWorker.Command, ProverWorker.WorkerInfo>ask(w,
                                    ProverWorker.Describe::new, timeout, system.scheduler()).toCompletableFuture())
                            .toList();
                    return CompletableFuture.allOf(infos.toArray(CompletableFuture[]::new)).thenApply(x -> {
                        List<WorkerView> workers = infos.stream().map(CompletableFuture::join)
                                .map(i -> new WorkerView(i.node(), i.device(), i.deviceName(), i.deviceMemoryBytes(),
                                        i.group().isEmpty() ? "all" : i.group(), i.busy() > 0 ? "busy" : "idle",
                                        i.jobs().stream().findFirst()))
                                .sorted(Comparator.comparing(WorkerView::node).thenComparing(WorkerView::device))
                                .toList();
                        return new ClusterView(views, workers);
                    });
                });
    }

    @Override
    public CompletionStage<List<QueueDepth>> queueReport() {
        List<CompletableFuture<JobQueue.Depths>> all = new ArrayList<>();
        for (String g : cx.settings().groups().names()) {
            all.add(cx.queue(g).ask(JobQueue.Report::new, timeout).toCompletableFuture());
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).thenApply(x -> all.stream()
                .flatMap(f -> f.join().depths().stream())
                .map(d -> new QueueDepth(d.round(), d.circuit(), d.version(), d.queued(), d.proving()))
                .sorted(Comparator.comparingInt(QueueDepth::round).thenComparing(QueueDepth::circuit)
                        .thenComparing(QueueDepth::protocolVersion))
                .toList());
    }

    @Override
    public CompletionStage<List<JobView>> jobs(JobFilter filter) {
        CompletionStage<List<Long>> batches = filter.batchNumber().isPresent()
                ? CompletableFuture.completedFuture(List.of(filter.batchNumber().get())) : knownBatches();
        return batches.thenCompose(numbers -> {
            List<CompletableFuture<List<JobView>>> perBatch = numbers.stream()
                    .map(n -> batchState(n).thenCompose(s -> jobsOf(n, s, filter)).toCompletableFuture()).toList();
            return CompletableFuture.allOf(perBatch.toArray(CompletableFuture[]::new)).thenApply(x -> perBatch
                    .stream().flatMap(f -> f.join().stream())
                    .sorted(Comparator.comparing(JobView::batchNumber).thenComparingInt(JobView::round)
                            .thenComparing(JobView::circuit).thenComparingInt(JobView::depth)
                            .thenComparingInt(JobView::seq))
                    .toList());
        });
    }

    private CompletionStage<List<JobView>> jobsOf(long n, BatchEntity.State s, JobFilter filter) {
        if (s.shape() == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        TreeShape shape = s.shape();
        List<CompletableFuture<CircuitJob.State>> asks = new ArrayList<>();
        for (int level = 0; level < shape.levels(); level++) {
            if (filter.round().isPresent() && filter.round().get() != shape.round(level)) {
                continue;
            }
            for (TreeShape.Slot slot : shape.slots(level)) {
                String circuit = shape.circuit(level, slot.lane());
                if (filter.circuit().isPresent() && !filter.circuit().get().equals(circuit)) {
                    continue;
                }
                String id = JobSpec.id(n, shape.round(level), circuit, shape.depth(level), slot.seq());
                asks.add(cx.job(id).ask(CircuitJob.Get::new, timeout).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(x -> asks.stream()
                .map(CompletableFuture::join)
                .filter(j -> j.spec() != null)
                .filter(j -> filter.state().isEmpty() || filter.state().get().equals(j.status()))
                .map(j -> new JobView(j.spec().id(), n, j.spec().round(), j.spec().circuit(), j.spec().depth(),
                        j.spec().seq(), j.status(), j.attempts(), j.workerIfAny(), j.spec().version()))
                .toList());
    }

    @Override
    public CompletionStage<Integer> requeue(long batchNumber) {
        return reset(batchNumber, false).thenApply(p -> p.count());
    }

    @Override
    public CompletionStage<BatchStatus> restartBatch(long batchNumber) {
        return reset(batchNumber, true).thenCompose(p -> describe(batchNumber, p.state()));
    }

    private record Reset(int count, BatchEntity.State state) {}

    private CompletionStage<Reset> reset(long n, boolean everyUnproven) {
        return batchState(n).thenCompose(s -> {
            if (s.status().equals("new")) {
                throw new IntakeException(IntakeException.Kind.NOT_FOUND, "batchNumber",
                        "no batch " + Long.toUnsignedString(n));
            }
            List<CompletableFuture<JobQueue.Count>> all = new ArrayList<>();
            for (String g : cx.settings().groups().names()) {
                all.add(cx.queue(g).<JobQueue.Count>ask(r -> everyUnproven ? new JobQueue.ResetBatch(n, r)
                        : new JobQueue.RequeueBatch(n, r), timeout).toCompletableFuture());
            }
            return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .thenCompose(x -> cx.batch(n).<BatchEntity.State>ask(BatchEntity.Revive::new, timeout))
                    .thenApply(state -> new Reset(all.stream().mapToInt(f -> f.join().count()).sum(), state));
        });
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        ActorRef<Object> ref = system.systemActorOf(Behaviors.setup(ctx -> {
            cx.topic().tell(Topic.subscribe(ctx.getSelf().<Transition>narrow()));
            return Behaviors.receiveMessage(m -> {
                if (m instanceof Transition t) {
                    listener.accept(new ClusterEvent(t.kind(), t.batch(), t.id(), t.state(), t.atMillis(),
                            t.detail()));
                    return Behaviors.same();
                }
                return Behaviors.stopped();
            });
        }), "events-" + SUBSCRIBERS.incrementAndGet(), Props.empty());
        return () -> ref.tell("close");
    }

    /** Unwraps the exception a stage failed with, for callers that block. */
    public static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
