package dev.zkcluster.actors.api;

import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * What the cluster offers to its front ends (the HTTP gateway and the command line): submit a batch, follow it, fetch
 * its final proof, and look at or act on the jobs. The cluster implements it on top of its sharded entities; the
 * gateway only translates HTTP to these calls.
 *
 * <p>Every stage completes exceptionally with an {@link IntakeException} for a request the cluster refuses (it then
 * changed nothing), and with any other exception for an internal failure.
 */
public interface ProvingService {

    /**
     * Validates the batch with the executor's rules and, if it is valid, stores it durably and starts proving it.
     * Re-submitting an identical batch returns its current state with {@code created == false}; a different batch
     * under a number already in use fails with {@link IntakeException.Kind#CONFLICT}.
     */
    CompletionStage<SubmitResult> submit(BatchInput batch);

    /** The batch's status, or empty for a number the cluster has never accepted. */
    CompletionStage<Optional<BatchStatus>> status(long batchNumber);

    /** Known batches, newest first; {@code state} filters by {@link BatchStatus#state()} when present. */
    CompletionStage<List<BatchStatus>> batches(Optional<String> state);

    /** The final proof once the batch is done, else empty (unknown batch: {@link IntakeException.Kind#NOT_FOUND}). */
    CompletionStage<Optional<BatchProof>> finalProof(long batchNumber);

    /** Members, their roles, and the workers with their devices. */
    CompletionStage<ClusterView> cluster();

    /** Queue depth per (round, circuit, protocol version), for autoscalers and the dashboard. */
    CompletionStage<List<QueueDepth>> queueReport();

    /** Jobs matching the filter, ordered by (batch, round, circuit, depth, seq). */
    CompletionStage<List<JobView>> jobs(JobFilter filter);

    /**
     * Puts failed jobs of the batch back in the queue with a fresh attempt budget, and brings a failed batch back to
     * proving. Returns how many jobs were requeued.
     */
    CompletionStage<Integer> requeue(long batchNumber);

    /** Drops every unproven job of the batch and plans it again from its stored input. Returns the new status. */
    CompletionStage<BatchStatus> restartBatch(long batchNumber);

    /**
     * Calls {@code listener} for every batch and job transition from now on, in the order they happen on this node,
     * until the returned handle is closed.
     */
    AutoCloseable subscribe(Consumer<ClusterEvent> listener);

    record SubmitResult(long batchNumber, String state, boolean created) {}

    /** Progress of one round: its jobs in total and how many are proven or failed. */
    record RoundProgress(int round, String name, int total, int proven, int failed) {}

    /**
     * A batch's state is one of {@code accepted, proving, compressing, done, failed}; timings are milliseconds per
     * round name (plus {@code total}) for what has finished; {@code error} is set when it failed.
     */
    record BatchStatus(long batchNumber, String protocolVersion, String state, List<RoundProgress> rounds,
            java.util.Map<String, Long> timingsMillis, Optional<String> error, long acceptedAtMillis) {}

    /** A job's state is one of {@code queued, witness-ready, proving, proven, failed}. */
    record JobView(String id, long batchNumber, int round, String circuit, int depth, int seq, String state,
            int attempts, Optional<String> worker, String protocolVersion) {}

    record JobFilter(Optional<String> state, Optional<Integer> round, Optional<String> circuit,
            Optional<Long> batchNumber) {
        public static JobFilter all() {
            return new JobFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    record Member(String address, List<String> roles, String status) {}

    /**
     * A worker owns one device ({@code device} is its id, such as {@code cuda-0}; its memory is in bytes);
     * {@code state} is {@code idle} or {@code busy}.
     */
    record WorkerView(String node, String device, String deviceName, long deviceMemoryBytes, String group,
            String state, Optional<String> currentJob) {}

    record ClusterView(List<Member> members, List<WorkerView> workers) {}

    record QueueDepth(int round, String circuit, String protocolVersion, int queued, int proving) {}

    /** One transition: {@code kind} is {@code batch} or {@code job}; {@code id} is the batch number or job id. */
    record ClusterEvent(String kind, long batchNumber, String id, String state, long atMillis, String detail) {}
}
