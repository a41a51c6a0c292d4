package dev.zkcluster.actors.cluster;

import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.actors.intake.Decoded;
import dev.zkcluster.circuits.pipeline.JobProof;
import dev.zkcluster.circuits.pipeline.LocalPipeline;
import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.VerifierKeyCodec;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.ExecutedBatch;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.gpu.ProvingDevice;
import dev.zkcluster.persistence.blob.BlobKeys;
import dev.zkcluster.persistence.blob.ObjectStore;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.PlonkProofDecoding;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.circuits.pipeline.JobWitness;
import dev.zkcluster.proof.plonk.witness.WitnessDecoding;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.WeakHashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs with the circuits' job-level steps ({@link LocalPipeline}) on one device. Witness generation: a basic job
 * re-executes the stored batch input (the result is cached for the few most recent batches) and takes its instance;
 * an aggregation job reads its children's proofs from the object store; the witness travels as the proof's public
 * inputs followed by the encoded {@link WitnessVector}. Proving decodes it and proves; every proof is checked against
 * its verifier key before it is written, so a result the cluster accepts always verifies.
 *
 * <p>Circuits: witness generation holds a circuit object only ({@link CircuitRegistry#circuit}), proving sets it up
 * ({@link CircuitRegistry#provingKey}). The registry holds the circuits that calls are using, that the latest witness
 * call and the latest proving call used, and that vectors made here and not yet dropped ({@link #dropped}) were made
 * with, and no other: a call releases every other held circuit when it starts. So where witness generation runs ahead
 * of proving on one node (into the next circuit, or the next kind's), each circuit is still built and set up once per
 * batch: its object stays held while its vectors wait, and proving sets up that same object. Memory is the circuits
 * in flight: at most the prover's circuit ready to prove plus the circuit objects of the vectors waiting.
 */
public final class PipelineJobRunner implements JobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineJobRunner.class);
    private static final int CACHED_BATCHES = 4;
    private static final int ENVELOPE_MAGIC = 0x574a_4b5a; // "ZKJW" read little-endian
    // per registry (runners may share one), which circuits its calls are using
    private static final Map<CircuitRegistry, Usage> USAGE = new WeakHashMap<>();

    private final ProvingDevice device;
    private final ObjectStore store;
    private final Map<String, LocalPipeline> pipelines;
    private final Map<Long, ExecutedBatch> executed = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ExecutedBatch> eldest) {
            return size() > CACHED_BATCHES;
        }
    };

    public PipelineJobRunner(ProvingDevice device, ObjectStore store) {
        this(device, store, new ConcurrentHashMap<>());
    }

    /**
     * A runner whose per-version pipelines (circuits and keys) live in {@code pipelines}, which several runners on
     * devices of one kind may share.
     */
    public PipelineJobRunner(ProvingDevice device, ObjectStore store, Map<String, LocalPipeline> pipelines) {
        this.device = device;
        this.store = store;
        this.pipelines = pipelines;
    }

    /** The verifier key of a circuit, as this runner's registry holds it. */
    public VerifierKey verifierKey(CircuitKey key) {
        return pipeline(key.version()).registry().verifierKey(key);
    }

    public static Factory factory() {
        return PipelineJobRunner::new;
    }

    @Override
    public boolean serves(String protocolVersion) {
        return ProtocolVersion.named(protocolVersion).isPresent();
    }

    private LocalPipeline pipeline(String version) {
        return pipelines.computeIfAbsent(version, v -> new LocalPipeline(
                new CircuitRegistry(ProtocolVersion.named(v).orElseThrow(), device.backend()), device.backend(),
                line -> LOG.debug("{}: {}", device.id(), line)));
    }

    @Override
    public byte[] witness(JobSpec spec) throws IOException {
        LocalPipeline pipeline = pipeline(spec.version());
        CircuitRegistry registry = pipeline.registry();
        CircuitKey circuit = circuitOf(spec);
        enter(registry, circuit, true);
        boolean made = false;
        try {
            byte[] bytes = encode(witnessOf(spec, pipeline, registry));
            made = true;
            return bytes;
        } finally {
            exit(registry, circuit, made);
        }
    }

    @Override
    public void dropped(JobSpec spec) {
        CircuitRegistry registry = pipeline(spec.version()).registry();
        synchronized (USAGE) {
            Usage usage = USAGE.get(registry);
            if (usage != null) {
                usage.waiting.computeIfPresent(circuitOf(spec), (k, n) -> n == 1 ? null : n - 1);
            }
        }
    }

    private JobWitness witnessOf(JobSpec spec, LocalPipeline pipeline, CircuitRegistry registry) throws IOException {
        TreeShape shape = spec.shape();
        int level = spec.slot().level();
        if (level == 0) {
            ExecutedBatch batch = executed(spec.batch(), registry);
            OpKind kind = OpKind.values()[spec.slot().lane()];
            return pipeline.witnessBasic(batch.instances().get(kind).get(spec.seq()));
        }
        List<JobProof> children = new ArrayList<>();
        List<TreeShape.Slot> slots = shape.children(spec.slot());
        for (int i = 0; i < slots.size(); i++) {
            TreeShape.Slot c = slots.get(i);
            children.add(readProof(registry, spec.children().get(i),
                    new CircuitKey(spec.version(), shape.round(c.level()), shape.circuit(c.level(), c.lane()))));
        }
        if (level < shape.tipLevel()) {
            return pipeline.witnessAggregation(spec.round(), OpKind.values()[spec.slot().lane()], spec.depth(),
                    spec.seq(), children);
        } else if (level == shape.tipLevel()) {
            return pipeline.witnessTip(children);
        } else if (level == shape.schedulerLevel()) {
            return pipeline.witnessScheduler(spec.batch(), children.get(0));
        }
        return pipeline.witnessCompression(children.get(0));
    }

    @Override
    public String prove(JobSpec spec, byte[] witness) throws IOException {
        LocalPipeline pipeline = pipeline(spec.version());
        CircuitRegistry registry = pipeline.registry();
        CircuitKey circuit = circuitOf(spec);
        JobWitness decoded = decode(spec, circuit, witness);
        JobProof proof;
        enter(registry, circuit, false);
        try {
            proof = pipeline.prove(decoded);
        } finally {
            exit(registry, circuit, false);
        }
        VerifierKey vk = registry.verifierKey(proof.circuit());
        Verification verdict = Verifier.verify(vk, proof.proof(), proof.publicInputs());
        if (verdict instanceof Verification.Rejected rejected) {
            throw new IllegalStateException("proof of " + spec.id() + " does not verify: " + rejected.reason());
        }
        // the key store beside the proofs, for verifiers that read exported keys (keys/{version}/{round}/{circuit}.vk)
        store.putIfAbsent(proof.circuit().storePath(), VerifierKeyCodec.encode(vk));
        ProofBlob blob = new ProofBlob(spec.version(), spec.round(), spec.circuit(), spec.depth(), spec.seq(),
                proof.publicInputs(), CircuitRegistry.digestHex(vk), PlonkProofCodec.encode(proof.proof()));
        store.put(spec.proofKey(), blob.encode());
        return spec.proofKey();
    }

    private static CircuitKey circuitOf(JobSpec spec) {
        return new CircuitKey(spec.version(), spec.round(), spec.circuit());
    }

    /**
     * What the calls on one registry are using: a count per circuit; the circuit the latest witness call and the
     * latest proving call used, which stay held between calls so that witness generation and proving on different
     * circuits do not release each other's at every job; and a count per circuit of the vectors made and still held.
     */
    private static final class Usage {
        final Map<CircuitKey, Integer> counts = new HashMap<>();
        final Map<CircuitKey, Integer> waiting = new HashMap<>();
        CircuitKey lastWitness;
        CircuitKey lastProof;

        boolean keeps(CircuitKey key) {
            return counts.containsKey(key) || waiting.containsKey(key) || key.equals(lastWitness)
                    || key.equals(lastProof);
        }
    }

    // a call uses one circuit; entering releases every held circuit that nothing keeps
    private static void enter(CircuitRegistry registry, CircuitKey circuit, boolean witness) {
        synchronized (USAGE) {
            Usage usage = USAGE.computeIfAbsent(registry, r -> new Usage());
            if (witness) {
                usage.lastWitness = circuit;
            } else {
                usage.lastProof = circuit;
            }
            usage.counts.merge(circuit, 1, Integer::sum);
            for (CircuitKey held : registry.heldKeys()) {
                if (!usage.keeps(held)) {
                    registry.release(held);
                }
            }
        }
    }

    // a call is done with its circuit; a witness call that made a vector keeps the circuit until the vector drops
    private static void exit(CircuitRegistry registry, CircuitKey circuit, boolean vectorMade) {
        synchronized (USAGE) {
            Usage usage = USAGE.get(registry);
            usage.counts.computeIfPresent(circuit, (k, n) -> n == 1 ? null : n - 1);
            if (vectorMade) {
                usage.waiting.merge(circuit, 1, Integer::sum);
            }
        }
    }

    /** Encoding (little-endian): magic "ZKJW", u32 count, the proof's public inputs as u64, the witness vector. */
    static byte[] encode(JobWitness witness) {
        byte[] vector = witness.vector().toBytes();
        long[] inputs = witness.publicInputs();
        ByteBuffer buf = ByteBuffer.allocate(8 + 8 * inputs.length + vector.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(ENVELOPE_MAGIC).putInt(inputs.length);
        for (long v : inputs) {
            buf.putLong(v);
        }
        return buf.put(vector).array();
    }

    static JobWitness decode(JobSpec spec, CircuitKey circuit, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 8 || buf.getInt() != ENVELOPE_MAGIC) {
            throw new IllegalArgumentException("the witness of " + spec.id() + " is not a job witness");
        }
        int count = buf.getInt();
        if (count < 0 || count > (bytes.length - 8) / 8) {
            throw new IllegalArgumentException("the witness of " + spec.id() + " declares " + count
                    + " public inputs in " + bytes.length + " bytes");
        }
        long[] inputs = new long[count];
        for (int i = 0; i < count; i++) {
            inputs[i] = buf.getLong();
        }
        WitnessDecoding decoding = WitnessVector.fromBytes(Arrays.copyOfRange(bytes, buf.position(), bytes.length));
        if (decoding instanceof WitnessDecoding.Rejected r) {
            throw new IllegalArgumentException("the witness vector of " + spec.id() + " is malformed: " + r);
        }
        return new JobWitness(circuit, spec.depth(), spec.seq(), ((WitnessDecoding.Decoded) decoding).witness(),
                inputs);
    }

    private ExecutedBatch executed(long batch, CircuitRegistry registry) throws IOException {
        synchronized (executed) {
            ExecutedBatch cached = executed.get(batch);
            if (cached != null) {
                return cached;
            }
        }
        byte[] input = store.get(BlobKeys.witnessInputs(batch))
                .orElseThrow(() -> new IOException("no stored input for batch " + Long.toUnsignedString(batch)));
        Decoded decoded = BatchMessages.parse(input);
        if (decoded instanceof Decoded.Refused refused) {
            throw new IllegalStateException("stored input of batch " + batch + " is unreadable: " + refused.error());
        }
        ExecutorLimits limits = registry.workload().limitsWithin(ExecutorLimits.DEFAULT);
        Execution execution = new BatchExecutor(limits, registry.workload().capacity())
                .execute(((Decoded.Accepted) decoded).batch());
        if (execution instanceof Execution.Rejected rejected) {
            throw new IllegalStateException("stored batch " + batch + " no longer executes: " + rejected.violation());
        }
        ExecutedBatch result = ((Execution.Executed) execution).batch();
        synchronized (executed) {
            executed.put(batch, result);
        }
        return result;
    }

    private JobProof readProof(CircuitRegistry registry, String key, CircuitKey circuit) throws IOException {
        ProofBlob blob = ProofBlob.decode(store.get(key).orElseThrow(() -> new IOException("missing proof " + key)));
        if (!blob.circuit().equals(circuit.circuitId()) || blob.round() != circuit.round()) {
            throw new IllegalStateException(key + " holds a proof of " + blob.round() + "/" + blob.circuit()
                    + ", expected " + circuit);
        }
        PlonkProofDecoding decoding = PlonkProofCodec.decode(blob.proof(), registry.verifierKey(circuit));
        if (decoding instanceof PlonkProofDecoding.Rejected r) {
            throw new IllegalStateException(key + ": " + r.reason() + " " + r.detail());
        }
        return new JobProof(circuit, blob.depth(), blob.seq(), ((PlonkProofDecoding.Decoded) decoding).proof(),
                blob.publicInputs());
    }
}
