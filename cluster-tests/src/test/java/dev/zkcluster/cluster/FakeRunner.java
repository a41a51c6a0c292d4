package dev.zkcluster.cluster;

import dev.zkcluster.actors.cluster.JobRunner;
import dev.zkcluster.actors.cluster.JobSpec;
import dev.zkcluster.actors.cluster.ProofBlob;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.persistence.blob.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;

/**
 * A job runner for tests that are not about proving: its witness is {@link #witnessBytes} bytes made from the job's
 * id, which its proving checks byte for byte; it writes a well-formed proof blob with placeholder proof bytes, after a
 * delay or a failure the test chooses, and records which node witnessed and proved which job (and how often).
 */
final class FakeRunner implements JobRunner {

    /** One run of a job: the node that ran it and the job's protocol version. */
    record Run(String node, String jobId, String version, int round) {}

    /** What a run does: sleep this long, then fail if {@code fail} is set. */
    record Behaviour(long sleepMillis, boolean fail) {
        static final Behaviour QUICK = new Behaviour(20, false);
        static final Behaviour NONE = new Behaviour(0, false);
    }

    static final List<Run> RUNS = new CopyOnWriteArrayList<>();
    static final List<Run> STARTED = new CopyOnWriteArrayList<>();
    static final Map<String, Integer> STARTS = new ConcurrentHashMap<>();
    /** Witness generations that finished: the witness node and the job. */
    static final List<Run> WITNESSED = new CopyOnWriteArrayList<>();
    /** Proofs made from a witness that arrived intact: (prover node, job) → the node that made the witness. */
    static final Map<String, String> WITNESS_FROM = new ConcurrentHashMap<>();
    /** Each witness as made, by job: a prover that got this very array took it from memory, not from a stream. */
    static final Map<String, byte[]> MADE = new ConcurrentHashMap<>();
    /** Per (prover node, job): whether the prover proved from the witness node's own array. */
    static final Map<String, Boolean> SAME_ARRAY = new ConcurrentHashMap<>();
    /** The size of each witness. */
    static volatile int witnessBytes = 64;
    /** Decides each witness generation from (node, job); tests replace it. */
    static volatile BiFunction<String, JobSpec, Behaviour> witnessPolicy = (node, spec) -> Behaviour.NONE;
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
        WITNESSED.clear();
        WITNESS_FROM.clear();
        MADE.clear();
        SAME_ARRAY.clear();
        witnessBytes = 64;
        policy = (node, spec) -> Behaviour.QUICK;
        witnessPolicy = (node, spec) -> Behaviour.NONE;
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
    public byte[] witness(JobSpec spec) throws Exception {
        int generation = GENERATION.get();
        Behaviour b = witnessPolicy.apply(node, spec);
        Thread.sleep(b.sleepMillis());
        if (b.fail()) {
            throw new IllegalStateException("injected witness failure of " + spec.id());
        }
        byte[] head = (node + "|" + spec.id() + "|").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[Math.max(witnessBytes, head.length)];
        System.arraycopy(head, 0, bytes, 0, head.length);
        int seed = spec.id().hashCode();
        for (int i = head.length; i < bytes.length; i++) {
            bytes[i] = pattern(seed, i);
        }
        if (generation == GENERATION.get()) {
            WITNESSED.add(new Run(node, spec.id(), spec.version(), spec.round()));
            MADE.put(spec.id(), bytes);
        }
        return bytes;
    }

    private static byte pattern(int seed, int i) {
        return (byte) (seed * 31 + i * 7 + (i >>> 11));
    }

    @Override
    public String prove(JobSpec spec, byte[] witness) throws Exception {
        int generation = GENERATION.get();
        String text = new String(witness, 0, Math.min(witness.length, 200), StandardCharsets.UTF_8);
        String[] parts = text.split("\\|", 3);
        if (parts.length < 3 || !parts[1].equals(spec.id())) {
            throw new IllegalStateException("the witness of " + spec.id() + " is of another job: " + parts[0]);
        }
        int head = (parts[0] + "|" + parts[1] + "|").getBytes(StandardCharsets.UTF_8).length;
        int seed = spec.id().hashCode();
        for (int i = head; i < witness.length; i++) {
            if (witness[i] != pattern(seed, i)) {
                throw new IllegalStateException("the witness of " + spec.id() + " differs at byte " + i);
            }
        }
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
            WITNESS_FROM.put(node + " " + spec.id(), parts[0]);
            SAME_ARRAY.put(node + " " + spec.id(), witness == MADE.get(spec.id()));
        }
        return spec.proofKey();
    }

    static long runsOf(String jobId) {
        return RUNS.stream().filter(r -> r.jobId().equals(jobId)).count();
    }
}
