package dev.zkcluster.bench.cluster;

import dev.zkcluster.actors.cluster.JobRunner;
import dev.zkcluster.actors.cluster.JobSpec;
import dev.zkcluster.actors.cluster.ProofBlob;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.persistence.blob.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A device that proves nothing: its witness is the job's id and it writes a well-formed proof blob with placeholder
 * bytes at once, so a benchmark measures only the cluster's own path (entities, journal, queue, witness streams,
 * object store). It notes when each job started.
 */
final class NoOpRunner implements JobRunner {
    static final Map<String, Long> STARTED_MILLIS = new ConcurrentHashMap<>();

    private final ObjectStore store;

    NoOpRunner(ObjectStore store) {
        this.store = store;
    }

    static Factory factory() {
        return (device, store) -> new NoOpRunner(store);
    }

    @Override
    public boolean serves(String protocolVersion) {
        return true;
    }

    /** A tiny witness: the job's id. */
    @Override
    public byte[] witness(JobSpec spec) {
        return spec.id().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String prove(JobSpec spec, byte[] witness) throws Exception {
        STARTED_MILLIS.putIfAbsent(spec.id(), System.currentTimeMillis());
        long[] inputs = new long[spec.round() >= 4 ? SchedulerCircuit.NUM_PUBLIC_INPUTS : 17];
        inputs[0] = spec.batch();
        store.put(spec.proofKey(), new ProofBlob(spec.version(), spec.round(), spec.circuit(), spec.depth(),
                spec.seq(), inputs, "no-op", new byte[32]).encode());
        return spec.proofKey();
    }
}
