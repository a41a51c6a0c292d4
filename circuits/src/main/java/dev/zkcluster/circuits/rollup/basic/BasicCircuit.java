package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.BasicInstance;
import dev.zkcluster.circuits.rollup.exec.OpStep;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/**
 * A round-0 circuit: up to {@code capacity} ops of one kind applied to a state root and an ops hash.
 *
 * <p>Public inputs, in order: root_in (4), root_out (4), ops_hash_in (4), ops_hash_out (4), count (1).
 *
 * <p>Slot i is active when i &lt; count: the active bits are boolean, non-increasing, and sum to count. Every rule
 * check of a slot is multiplied by its active bit, and an inactive slot leaves the root and the hash as they were,
 * so an unused slot filled with zeros satisfies the circuit and changes nothing.
 */
public final class BasicCircuit {
    public static final int DEFAULT_CAPACITY = 64;
    public static final int NUM_PUBLIC_INPUTS = 4 * Digest.ELEMENTS + 1;

    private static final long MINUS_ONE = Goldilocks.neg(1);

    private final OpKind kind;
    private final int capacity;
    private final OpSlots slots;
    private final List<Target> rootIn;
    private final List<Target> opsHashIn;
    private final Target count;
    private final List<Target> active;
    private final CircuitData data;

    private BasicCircuit(OpKind kind, int capacity, OpSlots slots) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is at least 1, got " + capacity);
        }
        this.kind = kind;
        this.capacity = capacity;
        this.slots = slots;
        CircuitBuilder b = new CircuitBuilder(CircuitConfig.standard());
        StateGadgets g = new StateGadgets(b);
        rootIn = g.virtualDigest();
        opsHashIn = g.virtualDigest();
        count = b.addVirtualTarget();
        active = new ArrayList<>(capacity);
        for (int i = 0; i < capacity; i++) {
            Target a = b.addVirtualTarget();
            b.assertBool(a);
            active.add(a);
        }
        // active[i+1]·(1 − active[i]) = 0 keeps the active slots a prefix; their sum is count
        Target sum = active.get(0);
        for (int i = 1; i < capacity; i++) {
            b.assertEqual(b.arithmetic(MINUS_ONE, active.get(i), active.get(i - 1), 1, active.get(i)), b.zero());
            sum = b.add(sum, active.get(i));
        }
        b.assertEqual(sum, count);

        List<Target> root = rootIn;
        List<Target> hash = opsHashIn;
        for (int i = 0; i < capacity; i++) {
            OpSlots.SlotOutput out = slots.add(g, i, active.get(i), root, hash);
            root = out.root();
            hash = out.opsHash();
        }
        rootIn.forEach(b::registerPublicInput);
        root.forEach(b::registerPublicInput);
        opsHashIn.forEach(b::registerPublicInput);
        hash.forEach(b::registerPublicInput);
        b.registerPublicInput(count);
        data = b.build();
    }

    /** Builds the circuit of {@code kind} with room for {@code capacity} ops; the same inputs give the same digest. */
    public static BasicCircuit build(OpKind kind, int capacity) {
        return switch (kind) {
            case DEPOSIT -> new BasicCircuit(kind, capacity, new DepositSlots());
            case TRANSFER -> new BasicCircuit(kind, capacity, new TransferSlots());
            case WITHDRAWAL -> new BasicCircuit(kind, capacity, new WithdrawalSlots());
        };
    }

    public OpKind kind() {
        return kind;
    }

    public int capacity() {
        return capacity;
    }

    public CircuitData data() {
        return data;
    }

    /** The free inputs of one instance; witness generation computes every other wire from them. */
    public PartialWitness witness(BasicInstance instance) {
        if (instance.kind() != kind || instance.count() > capacity) {
            throw new IllegalArgumentException("a " + kind.circuitId() + " circuit of capacity " + capacity
                    + " cannot take a " + instance.kind().circuitId() + " instance of " + instance.count() + " ops");
        }
        PartialWitness w = new PartialWitness();
        LeafTargets.setDigest(w, rootIn, instance.rootIn());
        LeafTargets.setDigest(w, opsHashIn, instance.opsHashIn());
        w.set(count, instance.count());
        for (int i = 0; i < capacity; i++) {
            w.set(active.get(i), i < instance.count() ? 1 : 0);
            if (i < instance.count()) {
                slots.fill(w, i, instance.steps().get(i));
            } else {
                slots.fillEmpty(w, i);
            }
        }
        return w;
    }

    /** The public inputs the instance's proof carries. */
    public static long[] publicInputs(BasicInstance instance) {
        long[] out = new long[NUM_PUBLIC_INPUTS];
        instance.rootIn().copyTo(out, 0);
        instance.rootOut().copyTo(out, 4);
        instance.opsHashIn().copyTo(out, 8);
        instance.opsHashOut().copyTo(out, 12);
        out[16] = instance.count();
        return out;
    }
}
