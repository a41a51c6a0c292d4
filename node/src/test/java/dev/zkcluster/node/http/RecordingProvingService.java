package dev.zkcluster.node.http;

import dev.zkcluster.actors.api.IntakeException;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.actors.intake.Decoded;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A ProvingService for gateway tests: it validates a submission with the executor's rules as the cluster does,
 * keeps accepted batches in memory, records every call that changes something, and lets a test move batches
 * through states and publish events. It proves nothing.
 */
final class RecordingProvingService implements ProvingService {

  record Stored(BatchInput input, BatchStatus status) {}

  private final Map<Long, Stored> batches = new LinkedHashMap<>();
  private final Map<Long, BatchProof> proofs = new LinkedHashMap<>();
  private final List<String> writes = new CopyOnWriteArrayList<>();
  private final List<Consumer<ClusterEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<JobView> jobs = new CopyOnWriteArrayList<>();

  /** Every call that changed or could have changed state: submits that stored, requeues, restarts. */
  List<String> writes() {
    return List.copyOf(writes);
  }

  synchronized Map<Long, Stored> stored() {
    return Map.copyOf(batches);
  }

  int subscribers() {
    return listeners.size();
  }

  synchronized void setStatus(BatchStatus status) {
    Stored s = batches.get(status.batchNumber());
    batches.put(status.batchNumber(), new Stored(s == null ? null : s.input(), status));
    publish(new ClusterEvent("batch", status.batchNumber(), Long.toUnsignedString(status.batchNumber()),
        status.state(), System.currentTimeMillis(), ""));
  }

  synchronized void setProof(long batchNumber, BatchProof proof) {
    proofs.put(batchNumber, proof);
  }

  void addJob(JobView job) {
    jobs.add(job);
  }

  void publish(ClusterEvent event) {
    listeners.forEach(l -> l.accept(event));
  }

  private volatile Throwable nextSubmitFailure;

  /** The next submit fails with this, as a cluster that does not answer or breaks inside would. */
  void failNextSubmit(Throwable failure) {
    nextSubmitFailure = failure;
  }

  @Override
  public synchronized CompletionStage<SubmitResult> submit(BatchInput batch) {
    Throwable failure = nextSubmitFailure;
    if (failure != null) {
      nextSubmitFailure = null;
      return failed(failure);
    }
    long n = batch.getHeader().getBatchNumber();
    Stored existing = batches.get(n);
    if (existing != null) {
      if (!batch.equals(existing.input())) {
        return failed(new IntakeException(IntakeException.Kind.CONFLICT, "header.batch_number",
            "batch " + Long.toUnsignedString(n) + " is already in use by a different batch"));
      }
      return done(new SubmitResult(n, existing.status().state(), false));
    }
    Decoded decoded = BatchMessages.toDomain(batch);
    if (decoded instanceof Decoded.Refused refused) {
      return failed(new IntakeException(IntakeException.Kind.INVALID, refused.error().path(),
          refused.error().detail()));
    }
    Optional<ProtocolVersion> version = ProtocolVersion.named(batch.getHeader().getProtocolVersion());
    if (version.isEmpty()) {
      return failed(new IntakeException(IntakeException.Kind.INVALID, "header.protocol_version",
          "unknown protocol version '" + batch.getHeader().getProtocolVersion() + "'"));
    }
    Execution execution = new BatchExecutor(ExecutorLimits.DEFAULT, version.get().workload().capacity())
        .execute(((Decoded.Accepted) decoded).batch());
    if (execution instanceof Execution.Rejected rejected) {
      return failed(new IntakeException(IntakeException.Kind.INVALID, rejected.violation().path(),
          rejected.violation().detail()));
    }
    BatchStatus status = new BatchStatus(n, version.get().version(), "accepted", List.of(), Map.of(),
        Optional.empty(), System.currentTimeMillis());
    batches.put(n, new Stored(batch, status));
    writes.add("submit " + Long.toUnsignedString(n));
    publish(new ClusterEvent("batch", n, Long.toUnsignedString(n), "accepted", System.currentTimeMillis(), ""));
    return done(new SubmitResult(n, "accepted", true));
  }

  @Override
  public synchronized CompletionStage<Optional<BatchStatus>> status(long batchNumber) {
    return done(Optional.ofNullable(batches.get(batchNumber)).map(Stored::status));
  }

  @Override
  public synchronized CompletionStage<List<BatchStatus>> batches(Optional<String> state) {
    List<BatchStatus> out = new ArrayList<>();
    for (Stored s : batches.values()) {
      if (state.isEmpty() || state.get().equals(s.status().state())) {
        out.add(s.status());
      }
    }
    out.sort(Comparator.comparingLong(BatchStatus::acceptedAtMillis).reversed());
    return done(out);
  }

  @Override
  public synchronized CompletionStage<Optional<BatchProof>> finalProof(long batchNumber) {
    if (!batches.containsKey(batchNumber)) {
      return failed(notFound(batchNumber));
    }
    return done(Optional.ofNullable(proofs.get(batchNumber)));
  }

  @Override
  public CompletionStage<ClusterView> cluster() {
    return done(new ClusterView(
        List.of(new Member("pekko://zkcluster@127.0.0.1:25520", List.of("gateway", "prover"), "Up")),
        List.of(new WorkerView("127.0.0.1:25520", "cpu-0", "CPU (2 threads)", 3L << 30, "all", "busy",
            Optional.of("job-1-0-transfer-0-0")))));
  }

  @Override
  public CompletionStage<List<QueueDepth>> queueReport() {
    return done(List.of(new QueueDepth(0, "transfer", "0.1.0-tiny", 3, 1)));
  }

  @Override
  public CompletionStage<List<JobView>> jobs(JobFilter filter) {
    return done(jobs.stream()
        .filter(j -> filter.state().map(j.state()::equals).orElse(true))
        .filter(j -> filter.round().map(r -> r == j.round()).orElse(true))
        .filter(j -> filter.circuit().map(j.circuit()::equals).orElse(true))
        .filter(j -> filter.batchNumber().map(b -> b == j.batchNumber()).orElse(true))
        .toList());
  }

  @Override
  public synchronized CompletionStage<Integer> requeue(long batchNumber) {
    if (!batches.containsKey(batchNumber)) {
      return failed(notFound(batchNumber));
    }
    writes.add("requeue " + Long.toUnsignedString(batchNumber));
    return done(2);
  }

  @Override
  public synchronized CompletionStage<BatchStatus> restartBatch(long batchNumber) {
    Stored s = batches.get(batchNumber);
    if (s == null) {
      return failed(notFound(batchNumber));
    }
    writes.add("restart " + Long.toUnsignedString(batchNumber));
    return done(s.status());
  }

  @Override
  public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private static IntakeException notFound(long batchNumber) {
    return new IntakeException(IntakeException.Kind.NOT_FOUND, "batchNumber",
        "no batch " + Long.toUnsignedString(batchNumber));
  }

  private static <T> CompletionStage<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }

  private static <T> CompletionStage<T> failed(Throwable t) {
    return CompletableFuture.failedFuture(t);
  }
}
