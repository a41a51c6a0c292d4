package dev.zkcluster.circuits.registry;

import dev.zkcluster.circuits.rollup.aggregation.ChainAggregation;
import dev.zkcluster.circuits.rollup.aggregation.RecursionTip;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.circuits.rollup.aggregation.WorkloadConfig;
import dev.zkcluster.circuits.rollup.basic.BasicCircuit;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.VerifierKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The circuits of one protocol version, keyed by (version, round, circuit id), each built and set up once, on first
 * use. Building is deterministic: a circuit's inputs are the workload config and its children's verifier keys, so
 * two registries of one version hold keys with identical digests.
 *
 * <p>Circuit ids: round 0 and 1 use the kind ({@code deposit}, {@code transfer}, {@code withdrawal}); round 2 adds
 * the depth ({@code transfer.depth1}); round 3 is {@code tip} and round 4 {@code scheduler}, whose key is the final
 * verifier key (no compression step yet).
 */
public final class CircuitRegistry {
    public static final String TIP_ID = "tip";
    public static final String SCHEDULER_ID = "scheduler";

    private final ProtocolVersion version;
    private final ProvingBackend backend;
    private final CircuitConfig config = CircuitConfig.standard();
    private final Map<OpKind, BasicCircuit> basic = new EnumMap<>(OpKind.class);
    private final Map<OpKind, ChainAggregation> leaf = new EnumMap<>(OpKind.class);
    private final Map<OpKind, List<ChainAggregation>> nodes = new EnumMap<>(OpKind.class);
    private final Map<CircuitKey, ProvingKey> provingKeys = new HashMap<>();
    private RecursionTip tip;
    private SchedulerCircuit scheduler;

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

    /** The circuit whose proof is the batch's final proof. */
    public CircuitKey finalKey() {
        return schedulerKey();
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
        return keys;
    }

    public synchronized BasicCircuit basic(OpKind kind) {
        BasicCircuit c = basic.get(kind);
        if (c == null) {
            c = BasicCircuit.build(kind, workload().capacity());
            basic.put(kind, c);
            setUp(basicKey(kind), c.data());
        }
        return c;
    }

    public synchronized ChainAggregation leaf(OpKind kind) {
        ChainAggregation c = leaf.get(kind);
        if (c == null) {
            basic(kind);
            c = ChainAggregation.build(config, verifierKey(basicKey(kind)), workload().fanIn());
            leaf.put(kind, c);
            setUp(leafKey(kind), c.circuit());
        }
        return c;
    }

    public synchronized ChainAggregation node(OpKind kind, int depth) {
        checkDepth(depth);
        List<ChainAggregation> built = nodes.computeIfAbsent(kind, k -> new ArrayList<>());
        while (built.size() < depth) {
            int d = built.size() + 1;
            VerifierKey child;
            if (d == 1) {
                leaf(kind);
                child = verifierKey(leafKey(kind));
            } else {
                child = verifierKey(nodeKey(kind, d - 1));
            }
            ChainAggregation c = ChainAggregation.build(config, child, workload().fanIn());
            built.add(c);
            setUp(nodeKey(kind, d), c.circuit());
        }
        return built.get(depth - 1);
    }

    /** The circuit key of the one proof per kind that the tip joins: the deepest node, or the leaf. */
    public CircuitKey topKey(OpKind kind) {
        int depths = workload().nodeDepths();
        return depths == 0 ? leafKey(kind) : nodeKey(kind, depths);
    }

    public synchronized RecursionTip tip() {
        if (tip == null) {
            List<VerifierKey> keys = new ArrayList<>();
            for (OpKind kind : OpKind.values()) {
                if (workload().nodeDepths() == 0) {
                    leaf(kind);
                } else {
                    node(kind, workload().nodeDepths());
                }
                keys.add(verifierKey(topKey(kind)));
            }
            tip = RecursionTip.build(config, keys);
            setUp(tipKey(), tip.circuit());
        }
        return tip;
    }

    public synchronized SchedulerCircuit scheduler() {
        if (scheduler == null) {
            tip();
            scheduler = SchedulerCircuit.build(config, verifierKey(tipKey()));
            setUp(schedulerKey(), scheduler.circuit());
        }
        return scheduler;
    }

    /** The proving key of a circuit of this version, building it (and what it depends on) first if needed. */
    public synchronized ProvingKey provingKey(CircuitKey key) {
        ProvingKey pk = provingKeys.get(key);
        if (pk == null) {
            build(key);
            pk = provingKeys.get(key);
        }
        return pk;
    }

    public VerifierKey verifierKey(CircuitKey key) {
        return provingKey(key).verifierKey();
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

    private void build(CircuitKey key) {
        if (!key.version().equals(version.version())) {
            throw new IllegalArgumentException("this registry holds version " + version.version() + ", not " + key);
        }
        switch (key.round()) {
            case CircuitKey.BASIC -> basic(kindOf(key));
            case CircuitKey.LEAF -> leaf(kindOf(key));
            case CircuitKey.NODE -> {
                String[] parts = key.circuitId().split("\\.depth", 2);
                if (parts.length != 2 || !parts[1].matches("[1-9][0-9]?")) {
                    throw new IllegalArgumentException("no circuit " + key);
                }
                node(kindOf(new CircuitKey(key.version(), key.round(), parts[0])), Integer.parseInt(parts[1]));
            }
            case CircuitKey.TIP -> tip();
            case CircuitKey.SCHEDULER -> scheduler();
            default -> throw new IllegalArgumentException("no circuit " + key);
        }
        if (!provingKeys.containsKey(key)) {
            throw new IllegalArgumentException("no circuit " + key);
        }
    }

    private static OpKind kindOf(CircuitKey key) {
        for (OpKind kind : OpKind.values()) {
            if (kind.circuitId().equals(key.circuitId())) {
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

    private void setUp(CircuitKey key, CircuitData data) {
        provingKeys.put(key, ProvingKey.setup(data, backend));
    }
}
