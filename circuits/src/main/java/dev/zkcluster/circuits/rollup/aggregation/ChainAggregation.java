package dev.zkcluster.circuits.rollup.aggregation;

import dev.zkcluster.circuits.rollup.basic.BasicCircuit;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.recursion.Aggregation;
import java.util.ArrayList;
import java.util.List;

/**
 * A leaf (round 1) or node (round 2) circuit: verifies {@code fanIn} consecutive proofs of one child circuit whose
 * public inputs have the basic layout (root_in, root_out, ops_hash_in, ops_hash_out, count), and exposes the same
 * layout for the whole run, so leaves and nodes stack.
 *
 * <p>Padding: a job with fewer real children than the fan-in repeats its last real child in the free slots. A
 * private active bit per slot (slot 0 always active; the bits never rise again once they fall) decides each link:
 * an active child must start where the previous one ended ({@code root_in, ops_hash_in} equal the previous
 * {@code root_out, ops_hash_out}); an inactive child must end where the previous one ended. So the last slot's
 * outputs are the last real child's, and the exposed count sums the active children's counts only.
 */
public final class ChainAggregation {
    private static final int ROOT_IN = 0;
    private static final int ROOT_OUT = 4;
    private static final int HASH_IN = 8;
    private static final int HASH_OUT = 12;
    private static final int COUNT = 16;
    private static final long MINUS_ONE = Goldilocks.neg(1);

    private final Aggregation aggregation;
    private final VerifierKey childKey;
    private final int fanIn;
    private final List<Target> active;

    private ChainAggregation(CircuitConfig config, VerifierKey childKey, int fanIn) {
        if (childKey.numPublicInputs() != BasicCircuit.NUM_PUBLIC_INPUTS) {
            throw new IllegalArgumentException("a chain aggregates children with " + BasicCircuit.NUM_PUBLIC_INPUTS
                    + " public inputs, the child key has " + childKey.numPublicInputs());
        }
        this.childKey = childKey;
        this.fanIn = fanIn;
        this.active = new ArrayList<>();
        this.aggregation = Aggregation.sameKey(config, childKey, fanIn, this::link, this::expose);
    }

    public static ChainAggregation build(CircuitConfig config, VerifierKey childKey, int fanIn) {
        return new ChainAggregation(config, childKey, fanIn);
    }

    // a·(next.in − next.out) + next.out = previous.out: next.in = previous.out when active, else next.out does
    private void link(CircuitBuilder b, int index, List<Target> previous, List<Target> next) {
        Target a = b.addVirtualTarget();
        b.assertBool(a);
        if (!active.isEmpty()) {
            Target before = active.get(active.size() - 1);
            // a_i·(1 − a_{i−1}) = 0
            b.assertEqual(b.arithmetic(MINUS_ONE, a, before, 1, a), b.zero());
        }
        active.add(a);
        for (int[] pair : new int[][] {{ROOT_IN, ROOT_OUT}, {HASH_IN, HASH_OUT}}) {
            for (int e = 0; e < 4; e++) {
                Target in = next.get(pair[0] + e);
                Target out = next.get(pair[1] + e);
                b.assertEqual(b.mulAdd(a, b.sub(in, out), out), previous.get(pair[1] + e));
            }
        }
    }

    private List<Target> expose(CircuitBuilder b, List<List<Target>> children) {
        List<Target> first = children.get(0);
        List<Target> last = children.get(children.size() - 1);
        List<Target> out = new ArrayList<>(first.subList(ROOT_IN, ROOT_IN + 4));
        out.addAll(last.subList(ROOT_OUT, ROOT_OUT + 4));
        out.addAll(first.subList(HASH_IN, HASH_IN + 4));
        out.addAll(last.subList(HASH_OUT, HASH_OUT + 4));
        Target count = first.get(COUNT);
        for (int i = 1; i < children.size(); i++) {
            count = b.mulAdd(active.get(i - 1), children.get(i).get(COUNT), count);
        }
        out.add(count);
        return out;
    }

    public CircuitData circuit() {
        return aggregation.circuit();
    }

    public VerifierKey childKey() {
        return childKey;
    }

    public int fanIn() {
        return fanIn;
    }

    /** The witness for 1 to fanIn real children in chain order; free slots repeat the last one. */
    public PartialWitness witness(List<PlonkProof> proofs, List<long[]> publicInputs) {
        int real = proofs.size();
        if (real < 1 || real > fanIn || publicInputs.size() != real) {
            throw new IllegalArgumentException("a chain of fan-in " + fanIn + " takes 1 to " + fanIn
                    + " children, got " + real + " proofs and " + publicInputs.size() + " public-input arrays");
        }
        List<PlonkProof> paddedProofs = new ArrayList<>(proofs);
        List<long[]> paddedInputs = new ArrayList<>(publicInputs);
        while (paddedProofs.size() < fanIn) {
            paddedProofs.add(proofs.get(real - 1));
            paddedInputs.add(publicInputs.get(real - 1));
        }
        PartialWitness w = aggregation.witness(paddedProofs, paddedInputs);
        for (int i = 1; i < fanIn; i++) {
            w.set(active.get(i - 1), i < real ? 1 : 0);
        }
        return w;
    }

    /** The public inputs the aggregate of these real children carries. */
    public static long[] publicInputs(List<long[]> children) {
        long[] first = children.get(0);
        long[] last = children.get(children.size() - 1);
        long[] out = new long[BasicCircuit.NUM_PUBLIC_INPUTS];
        System.arraycopy(first, ROOT_IN, out, ROOT_IN, 4);
        System.arraycopy(last, ROOT_OUT, out, ROOT_OUT, 4);
        System.arraycopy(first, HASH_IN, out, HASH_IN, 4);
        System.arraycopy(last, HASH_OUT, out, HASH_OUT, 4);
        long count = 0;
        for (long[] child : children) {
            count = Goldilocks.add(count, child[COUNT]);
        }
        out[COUNT] = count;
        return out;
    }

    /**
     * Where consecutive real children fail to chain: null when every child starts where the previous one ended,
     * else a description naming the child and the value.
     */
    public static String brokenLink(List<long[]> children) {
        for (int i = 1; i < children.size(); i++) {
            long[] previous = children.get(i - 1);
            long[] next = children.get(i);
            for (int e = 0; e < 4; e++) {
                if (previous[ROOT_OUT + e] != next[ROOT_IN + e]) {
                    return "child " + i + " root_in[" + e + "] = " + Long.toUnsignedString(next[ROOT_IN + e])
                            + ", child " + (i - 1) + " root_out[" + e + "] = "
                            + Long.toUnsignedString(previous[ROOT_OUT + e]);
                }
                if (previous[HASH_OUT + e] != next[HASH_IN + e]) {
                    return "child " + i + " ops_hash_in[" + e + "] = " + Long.toUnsignedString(next[HASH_IN + e])
                            + ", child " + (i - 1) + " ops_hash_out[" + e + "] = "
                            + Long.toUnsignedString(previous[HASH_OUT + e]);
                }
            }
        }
        return null;
    }
}
