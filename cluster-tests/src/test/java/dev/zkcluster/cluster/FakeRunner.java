package dev.zkcluster.cluster;

import dev.zkcluster.actors.cluster.JobRunner;
import dev.zkcluster.actors.cluster.JobSpec;
import dev.zkcluster.actors.cluster.ProofBlob;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.persistence.blob.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A job runner for tests that are not about proving: it writes a well-formed proof blob with placeholder proof
 * bytes, after a delay or a failure the test chooses, and records which node ran which job (and how often).
 */
final class FakeRunner implements JobRunner {

    /** One run of a job: the node that ran it and the job's protocol version. */
    record Run(String node, String jobId, String version, int round) {}

    /** What a run does: sleep this long, then fail if {@code fail} is set. */
    record Behaviour(long sleepMillis, boolean fail) {
        static final Behaviour QUICK = new Behaviour(20, false);
    }

    static final List<Run> RUNS = new CopyOnWriteArrayList<>();
    static final List<Run> STARTED = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> STARTS = new ConcurrentHashMap<>();
    /** Decides each run from (node, job); tests replace it. */
    static volatile BiFunction<String, JobSpec, Behaviour> policy = (node, spec) -> Behaviour.QUICK;

    // runs still sleeping when a test ends must not count in the next one
    private static final java.util.concurrent.atomic.AtomicInteger GENERATION =
            new java.util.concurrent.atomic.AtomicInteger();

    static void reset() {
        GENERATION.incrementAndGet();
        RUNS.clear();
        STARTED.clear();
        STARTS.clear();
        policy = (node, spec) -> Behaviour.QUICK;
    }

    static Factory on(String node) {
        return (device, store) -> new FakeRunner(node, store);
    }

    private final String node;
    private final ObjectStore store;

    private FakeRunner(String node, ObjectStore store) {
        this.node = node;
        this.store = store;
    }

    @Override
    public boolean serves(String protocolVersion) {
        return true;
    }

    @Override
    public String run(JobSpec spec) throws Exception {
        int generation = GENERATION.get();
        STARTS.merge(spec.id(), 1, Integer::sum);
        STARTED.add(new Run(node, spec.id(), spec.version(), spec.round()));
        Behaviour b = policy.apply(node, spec);
        Thread.sleep(b.sleepMillis());
        if (b.fail()) {
            throw new IllegalStateException("injected failure of " + spec.id());
        }
        long[] inputs = new long[spec.round() >= 4 ? SchedulerCircuit.NUM_PUBLIC_INPUTS : 17];
        inputs[0] = spec.batch();
        ProofBlob blob = new ProofBlob(spec.version(), spec.round(), spec.circuit(), spec.depth(), spec.seq(), inputs,
                "test-key", new byte[] {1, 2, 3});
        store.put(spec.proofKey(), blob.encode());
        if (generation == GENERATION.get()) {
            RUNS.add(new Run(node, spec.id(), spec.version(), spec.round()));
        }
        return spec.proofKey();
    }

    static long runsOf(String jobId) {
        return RUNS.stream().filter(r -> r.jobId().equals(jobId)).count();
    }
}
