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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

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
 * registry keeps every verifier key it has derived, but holds a circuit only from a call that needs it until
 * {@link #release}: ready to prove from {@link #basic}, {@link #leaf}, {@link #node}, {@link #tip}, {@link #scheduler},
 * {@link #compression} and {@link #provingKey}; as a circuit object only (what witness generation needs, without the
 * set-up) from {@link #circuit}. Deriving a verifier key ({@link #verifierKey}, {@link #exportKeys}) holds nothing: a
 * parent circuit needs only its children's verifier keys. A released circuit is rebuilt on its next use, and the
 * rebuilt key must have the digest derived before.
 *
 * <p>Threads: calls may come at once (a node's witness generation and its prover share one registry). A circuit is
 * built by one caller while callers of the same circuit wait; no lock is held while a circuit is built, so a call on
 * a circuit that is ready never waits for the build of another.
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
    // every map holds futures, so that one caller builds a circuit (or derives a key) while callers of the same
    // circuit wait for it, and callers of other circuits go on: no lock is held while anything is built
    private final Map<CircuitKey, CompletableFuture<VerifierKey>> verifierKeys = new HashMap<>();
    private final Map<CircuitKey, CompletableFuture<Layout>> layouts = new HashMap<>();
    private final Map<CircuitKey, CompletableFuture<ProvingKey>> provingKeys = new HashMap<>();

    private final AtomicLong builds = new AtomicLong();
    private final AtomicLong setUps = new AtomicLong();

    /** A built circuit: the circuit object (witness layout) and its circuit data, not yet set up. */
    private record Layout(Object circuit, CircuitData data) {}

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
        return (BasicCircuit) hold(basicKey(kind));
    }

    /** The leaf circuit of a kind, held ready to prove until released. */
    public ChainAggregation leaf(OpKind kind) {
        return (ChainAggregation) hold(leafKey(kind));
    }

    /** The node circuit of a kind at a depth, held ready to prove until released. */
    public ChainAggregation node(OpKind kind, int depth) {
        return (ChainAggregation) hold(nodeKey(kind, depth));
    }

    /** The recursion tip, held ready to prove until released. */
    public RecursionTip tip() {
        return (RecursionTip) hold(tipKey());
    }

    /** The scheduler, held ready to prove until released. */
    public SchedulerCircuit scheduler() {
        return (SchedulerCircuit) hold(schedulerKey());
    }

    /** The compression circuit, held ready to prove until released. */
    public Aggregation compression() {
        return (Aggregation) hold(compressionKey());
    }

    /** The proving key of a circuit of this version, held until released (built first if needed). */
    public ProvingKey provingKey(CircuitKey key) {
        Layout layout = layout(key);
        return once(provingKeys, key, () -> setUp(key, layout.data()));
    }

    /**
     * A circuit object (what witness generation needs: its layout and witness assignment), built but not set up, and
     * held until released. Proving it later sets up this same object, so a circuit whose witnesses are made before it
     * is proved is built once. Cast to the circuit's class: {@link BasicCircuit} (round 0), {@link ChainAggregation}
     * (rounds 1 and 2), {@link RecursionTip}, {@link SchedulerCircuit}, {@link Aggregation} (compression).
     */
    public Object circuit(CircuitKey key) {
        return layout(key).circuit();
    }

    /**
     * A circuit's verifier key. The first call derives it from the held circuit, or builds and sets up the circuit
     * (and derives its children's keys the same way) without holding anything; later calls answer from the cache.
     */
    public VerifierKey verifierKey(CircuitKey key) {
        return once(verifierKeys, key, () -> {
            ProvingKey held = ifHeld(provingKeys, key);
            if (held != null) {
                return held.verifierKey();
            }
            Layout layout = ifHeld(layouts, key);
            setUps.incrementAndGet();
            return ProvingKey.setup((layout != null ? layout : build(key)).data(), backend).verifierKey();
        });
    }

    /** Drops a circuit's proving state and circuit object; its verifier key stays. Returns whether it was held. */
    public synchronized boolean release(CircuitKey key) {
        boolean built = layouts.remove(key) != null;
        return provingKeys.remove(key) != null || built;
    }

    /** Drops every held circuit. */
    public synchronized void releaseAll() {
        layouts.clear();
        provingKeys.clear();
    }

    /** How many circuits this registry has built so far, each build counted (a rebuild too). */
    public long buildCount() {
        return builds.get();
    }

    /** How many set-ups (proving keys, or verifier keys derived) this registry has run so far. */
    public long setUpCount() {
        return setUps.get();
    }

    /** Whether a circuit is held, as a circuit object or ready to prove. */
    public synchronized boolean isHeld(CircuitKey key) {
        return layouts.containsKey(key) || provingKeys.containsKey(key);
    }

    /** Whether a circuit's proving state (its proving key) is held. */
    public synchronized boolean isReadyToProve(CircuitKey key) {
        return provingKeys.containsKey(key);
    }

    /** The circuits held now, as circuit objects or ready to prove. */
    public synchronized Set<CircuitKey> heldKeys() {
        Set<CircuitKey> keys = new HashSet<>(layouts.keySet());
        keys.addAll(provingKeys.keySet());
        return Set.copyOf(keys);
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

    // the circuit object of a circuit held ready to prove
    private Object hold(CircuitKey key) {
        Layout layout = layout(key);
        once(provingKeys, key, () -> setUp(key, layout.data()));
        return layout.circuit();
    }

    private Layout layout(CircuitKey key) {
        return once(layouts, key, () -> build(key));
    }

    // sets a built circuit up; records its verifier key, or checks it against the one derived before
    private ProvingKey setUp(CircuitKey key, CircuitData data) {
        setUps.incrementAndGet();
        ProvingKey pk = ProvingKey.setup(data, backend);
        CompletableFuture<VerifierKey> before;
        synchronized (this) {
            before = verifierKeys.putIfAbsent(key, CompletableFuture.completedFuture(pk.verifierKey()));
        }
        VerifierKey derived = before == null ? null : valueOf(before);
        if (derived != null && !derived.digest().equals(pk.verifierKey().digest())) {
            throw new IllegalStateException("rebuilding " + key + " gave the key digest "
                    + digestHex(pk.verifierKey()) + ", the registry derived " + digestHex(derived) + " before");
        }
        return pk;
    }

    private synchronized <T> T ifHeld(Map<CircuitKey, CompletableFuture<T>> map, CircuitKey key) {
        CompletableFuture<T> f = map.get(key);
        return f == null ? null : valueOf(f);
    }

    // a future's value if it has one now
    private static <T> T valueOf(CompletableFuture<T> f) {
        return f.isDone() && !f.isCompletedExceptionally() ? f.join() : null;
    }

    // the value of key in map: made by this caller if no other is making it, else awaited; a failure is not kept
    private <T> T once(Map<CircuitKey, CompletableFuture<T>> map, CircuitKey key, Supplier<T> make) {
        CompletableFuture<T> f;
        boolean mine = false;
        synchronized (this) {
            f = map.get(key);
            if (f == null) {
                f = new CompletableFuture<>();
                map.put(key, f);
                mine = true;
            }
        }
        if (mine) {
            try {
                T value = make.get();
                f.complete(value);
                return value;
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    map.remove(key, f);
                }
                f.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    // builds one circuit from its children's verifier keys, without setting it up
    private Layout build(CircuitKey key) {
        if (!key.version().equals(version.version())) {
            throw new IllegalArgumentException("this registry holds version " + version.version() + ", not " + key);
        }
        builds.incrementAndGet();
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
        return new Layout(circuit, data);
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
