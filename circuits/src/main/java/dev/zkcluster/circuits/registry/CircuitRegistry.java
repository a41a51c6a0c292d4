package dev.zkcluster.circuits.registry;

import dev.zkcluster.circuits.rollup.aggregation.ChainAggregation;
import dev.zkcluster.circuits.rollup.aggregation.RecursionTip;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.circuits.rollup.aggregation.WorkloadConfig;
import dev.zkcluster.circuits.rollup.basic.BasicCircuit;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.recursion.Aggregation;
import dev.zkcluster.proof.recursion.Compression;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The circuits of one protocol version, keyed by (version, round, circuit id), each built and set up on first use.
 * Building is deterministic: a circuit's inputs are the workload config and its children's verifier keys, so two
 * registries of one version hold keys with identical digests.
 *
 * <p>Circuit ids: round 0 and 1 use the kind ({@code deposit}, {@code transfer}, {@code withdrawal}); round 2 adds
 * the depth ({@code transfer.depth1}); round 3 is {@code tip}, round 4 {@code scheduler} and round 5
 * {@code compression}, whose key is the final verifier key.
 *
 * <p>Compression: one wrapper circuit ({@link Compression#wrapper}) of the standard shape under
 * {@link FriConfig#shrink()} that verifies the scheduler proof and states its 21 public inputs unchanged. One step is
 * what {@link Compression#plan} chooses for every version: the wrapper of a scheduler proof (a 2^14-row circuit or
 * larger, over 130 KB) is a 2^13-row circuit with 71.4 KB proofs, and wrapping that again would give larger proofs.
 * The registry refuses to build a compression circuit that would not shrink the scheduler's proofs.
 *
 * <p>Memory: a circuit ready to prove (its circuit data and proving key, whose constants-and-sigmas LDE is 2^rateBits
 * times the trace) costs hundreds of MiB for an aggregation circuit, while its verifier key is a few KiB. So the
 * registry keeps every verifier key it has derived, but holds a circuit's proving state only from a call that needs
 * it ({@link #basic}, {@link #leaf}, {@link #node}, {@link #tip}, {@link #scheduler}, {@link #compression},
 * {@link #provingKey}) until
 * {@link #release}. Deriving a verifier key ({@link #verifierKey}, {@link #exportKeys}) holds nothing: a parent
 * circuit needs only its children's verifier keys. A released circuit is rebuilt on its next use, and the rebuilt
 * key must have the digest derived before.
 */
public final class CircuitRegistry {
    public static final String TIP_ID = "tip";
    public static final String SCHEDULER_ID = "scheduler";
    public static final String COMPRESSION_ID = "compression";
    /** The shape of the compression circuit: the standard circuit shape with the shrink FRI parameters. */
    public static final CircuitConfig COMPRESSION_CONFIG = CircuitConfig.standard().withFri(FriConfig.shrink());

    private final ProtocolVersion version;
    private final ProvingBackend backend;
    private final CircuitConfig config = CircuitConfig.standard();
    private final Map<CircuitKey, VerifierKey> verifierKeys = new HashMap<>();
    private final Map<CircuitKey, Held> held = new HashMap<>();

    /** A circuit ready to prove: the circuit object (witness layout) and its proving key. */
    private record Held(Object circuit, ProvingKey provingKey) {}

    public CircuitRegistry(ProtocolVersion version, ProvingBackend backend) {
        this.version = version;
        this.backend = backend;
    }

    public ProtocolVersion version() {
        return version;
    }

    public WorkloadConfig workload() {
        return version.workload();
    }

    public CircuitKey basicKey(OpKind kind) {
        return new CircuitKey(version.version(), CircuitKey.BASIC, kind.circuitId());
    }

    public CircuitKey leafKey(OpKind kind) {
        return new CircuitKey(version.version(), CircuitKey.LEAF, kind.circuitId());
    }

    /** Node circuits count depths from 1; depth d aggregates depth d − 1, depth 0 being the leaves. */
    public CircuitKey nodeKey(OpKind kind, int depth) {
        checkDepth(depth);
        return new CircuitKey(version.version(), CircuitKey.NODE, kind.circuitId() + ".depth" + depth);
    }

    public CircuitKey tipKey() {
        return new CircuitKey(version.version(), CircuitKey.TIP, TIP_ID);
    }

    public CircuitKey schedulerKey() {
        return new CircuitKey(version.version(), CircuitKey.SCHEDULER, SCHEDULER_ID);
    }

    public CircuitKey compressionKey() {
        return new CircuitKey(version.version(), CircuitKey.COMPRESSION, COMPRESSION_ID);
    }

    /** The circuit whose proof is the batch's final proof: the compression circuit. */
    public CircuitKey finalKey() {
        return finalKeyOf(version.version());
    }

    /** The final circuit of any version, for a verifier that holds exported keys but no registry. */
    public static CircuitKey finalKeyOf(String version) {
        return new CircuitKey(version, CircuitKey.COMPRESSION, COMPRESSION_ID);
    }

    /** Every circuit of the version, children before parents. */
    public List<CircuitKey> allKeys() {
        List<CircuitKey> keys = new ArrayList<>();
        for (OpKind kind : OpKind.values()) {
            keys.add(basicKey(kind));
            keys.add(leafKey(kind));
            for (int d = 1; d <= workload().nodeDepths(); d++) {
                keys.add(nodeKey(kind, d));
            }
        }
        keys.add(tipKey());
        keys.add(schedulerKey());
        keys.add(compressionKey());
        return keys;
    }

    /** The circuit key of the one proof per kind that the tip joins: the deepest node, or the leaf. */
    public CircuitKey topKey(OpKind kind) {
        int depths = workload().nodeDepths();
        return depths == 0 ? leafKey(kind) : nodeKey(kind, depths);
    }

    /** The basic circuit of a kind, held ready to prove until released. */
    public BasicCircuit basic(OpKind kind) {
        return (BasicCircuit) hold(basicKey(kind)).circuit();
    }

    /** The leaf circuit of a kind, held ready to prove until released. */
    public ChainAggregation leaf(OpKind kind) {
        return (ChainAggregation) hold(leafKey(kind)).circuit();
    }

    /** The node circuit of a kind at a depth, held ready to prove until released. */
    public ChainAggregation node(OpKind kind, int depth) {
        return (ChainAggregation) hold(nodeKey(kind, depth)).circuit();
    }

    /** The recursion tip, held ready to prove until released. */
    public RecursionTip tip() {
        return (RecursionTip) hold(tipKey()).circuit();
    }

    /** The scheduler, held ready to prove until released. */
    public SchedulerCircuit scheduler() {
        return (SchedulerCircuit) hold(schedulerKey()).circuit();
    }

    /** The compression circuit, held ready to prove until released. */
    public Aggregation compression() {
        return (Aggregation) hold(compressionKey()).circuit();
    }

    /** The proving key of a circuit of this version, held until released (built first if needed). */
    public ProvingKey provingKey(CircuitKey key) {
        return hold(key).provingKey();
    }

    /**
     * A circuit's verifier key. The first call builds and sets up the circuit (and derives its children's keys the
     * same way) without holding its proving state, unless it is held already; later calls answer from the cache.
     */
    public synchronized VerifierKey verifierKey(CircuitKey key) {
        VerifierKey vk = verifierKeys.get(key);
        if (vk == null) {
            vk = construct(key).provingKey().verifierKey();
        }
        return vk;
    }

    /** Drops a circuit's proving state; its verifier key stays. Returns whether it was held. */
    public synchronized boolean release(CircuitKey key) {
        return held.remove(key) != null;
    }

    /** Drops every held circuit's proving state. */
    public synchronized void releaseAll() {
        held.clear();
    }

    /** Whether a circuit's proving state is held. */
    public synchronized boolean isHeld(CircuitKey key) {
        return held.containsKey(key);
    }

    /** The circuits whose proving state is held now. */
    public synchronized Set<CircuitKey> heldKeys() {
        return Set.copyOf(held.keySet());
    }

    /** A key digest as text, as a BatchProof's verifier_key_digest carries it: 4 elements of 16 hex digits. */
    public static String digestHex(VerifierKey key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            out.append(String.format("%016x", key.digest().get(i)));
        }
        return out.toString();
    }

    /** Writes every verifier key of the version below {@code storeRoot}, at {@link CircuitKey#storePath()}. */
    public List<Path> exportKeys(Path storeRoot) throws IOException {
        List<Path> written = new ArrayList<>();
        for (CircuitKey key : allKeys()) {
            Path file = storeRoot.resolve(key.storePath());
            Files.createDirectories(file.getParent());
            Files.write(file, VerifierKeyCodec.encode(verifierKey(key)));
            written.add(file);
        }
        return written;
    }

    /** Reads one exported verifier key; a missing file is an IOException, bad bytes a Malformed result. */
    public static VerifierKeyDecoding importKey(Path storeRoot, CircuitKey key) throws IOException {
        return VerifierKeyCodec.decode(Files.readAllBytes(storeRoot.resolve(key.storePath())));
    }

    private synchronized Held hold(CircuitKey key) {
        Held h = held.get(key);
        if (h == null) {
            h = construct(key);
            held.put(key, h);
        }
        return h;
    }

    // builds one circuit from its children's verifier keys and sets it up; records (or checks) its verifier key
    private Held construct(CircuitKey key) {
        if (!key.version().equals(version.version())) {
            throw new IllegalArgumentException("this registry holds version " + version.version() + ", not " + key);
        }
        Held h = held.get(key);
        if (h != null) {
            return h;
        }
        Object circuit;
        CircuitData data;
        switch (key.round()) {
            case CircuitKey.BASIC -> {
                BasicCircuit c = BasicCircuit.build(kindOf(key.circuitId(), key), workload().capacity());
                circuit = c;
                data = c.data();
            }
            case CircuitKey.LEAF -> {
                OpKind kind = kindOf(key.circuitId(), key);
                ChainAggregation c = ChainAggregation.build(config, verifierKey(basicKey(kind)), workload().fanIn());
                circuit = c;
                data = c.circuit();
            }
            case CircuitKey.NODE -> {
                String[] parts = key.circuitId().split("\\.depth", 2);
                if (parts.length != 2 || !parts[1].matches("[1-9][0-9]?")
                        || Integer.parseInt(parts[1]) > workload().nodeDepths()) {
                    throw new IllegalArgumentException("no circuit " + key);
                }
                OpKind kind = kindOf(parts[0], key);
                int depth = Integer.parseInt(parts[1]);
                CircuitKey child = depth == 1 ? leafKey(kind) : nodeKey(kind, depth - 1);
                ChainAggregation c = ChainAggregation.build(config, verifierKey(child), workload().fanIn());
                circuit = c;
                data = c.circuit();
            }
            case CircuitKey.TIP -> {
                requireId(key, TIP_ID);
                List<VerifierKey> keys = new ArrayList<>();
                for (OpKind kind : OpKind.values()) {
                    keys.add(verifierKey(topKey(kind)));
                }
                RecursionTip c = RecursionTip.build(config, keys);
                circuit = c;
                data = c.circuit();
            }
            case CircuitKey.SCHEDULER -> {
                requireId(key, SCHEDULER_ID);
                SchedulerCircuit c = SchedulerCircuit.build(config, verifierKey(tipKey()));
                circuit = c;
                data = c.circuit();
            }
            case CircuitKey.COMPRESSION -> {
                requireId(key, COMPRESSION_ID);
                VerifierKey schedulerKey = verifierKey(schedulerKey());
                Aggregation c = Compression.wrapper(COMPRESSION_CONFIG, schedulerKey);
                if (!Compression.shrinks(c, schedulerKey)) {
                    throw new IllegalStateException("version " + version.version() + ": the compression circuit "
                            + "would not make the scheduler's proofs smaller");
                }
                circuit = c;
                data = c.circuit();
            }
            default -> throw new IllegalArgumentException("no circuit " + key);
        }
        ProvingKey pk = ProvingKey.setup(data, backend);
        VerifierKey before = verifierKeys.putIfAbsent(key, pk.verifierKey());
        if (before != null && !before.digest().equals(pk.verifierKey().digest())) {
            throw new IllegalStateException("rebuilding " + key + " gave the key digest "
                    + digestHex(pk.verifierKey()) + ", the registry derived " + digestHex(before) + " before");
        }
        return new Held(circuit, pk);
    }

    private static void requireId(CircuitKey key, String id) {
        if (!key.circuitId().equals(id)) {
            throw new IllegalArgumentException("no circuit " + key);
        }
    }

    private static OpKind kindOf(String circuitId, CircuitKey key) {
        for (OpKind kind : OpKind.values()) {
            if (kind.circuitId().equals(circuitId)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("no circuit " + key);
    }

    private void checkDepth(int depth) {
        if (depth < 1 || depth > workload().nodeDepths()) {
            throw new IllegalArgumentException("version " + version.version() + " has node depths 1 to "
                    + workload().nodeDepths() + ", got " + depth);
        }
    }
}
