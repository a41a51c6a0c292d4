package dev.zkcluster.circuits.rollup.aggregation;

import dev.zkcluster.circuits.rollup.batch.OpKind;
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
 * Round 3: joins the one top proof per kind, in the order deposit → transfer → withdrawal. The state runs on from
 * kind to kind (each root_out is the next kind's root_in), and each kind's ops hash chain starts at [0, 0, 0, 0].
 *
 * <p>Public inputs, 20 elements: prev_root, new_root, deposits_hash, transfers_hash, withdrawals_hash.
 */
public final class RecursionTip {
    public static final int NUM_PUBLIC_INPUTS = 20;

    private final Aggregation aggregation;

    private RecursionTip(CircuitConfig config, List<VerifierKey> keysInKindOrder) {
        if (keysInKindOrder.size() != OpKind.values().length) {
            throw new IllegalArgumentException("the tip joins one proof per kind, got " + keysInKindOrder.size());
        }
        aggregation = Aggregation.join(config, keysInKindOrder, RecursionTip::link, RecursionTip::expose);
    }

    public static RecursionTip build(CircuitConfig config, List<VerifierKey> keysInKindOrder) {
        return new RecursionTip(config, keysInKindOrder);
    }

    private static void link(CircuitBuilder b, int index, List<Target> previous, List<Target> next) {
        for (int e = 0; e < 4; e++) {
            b.assertEqual(previous.get(4 + e), next.get(e));
        }
    }

    private static List<Target> expose(CircuitBuilder b, List<List<Target>> children) {
        for (List<Target> child : children) {
            for (int e = 0; e < 4; e++) {
                b.assertEqual(child.get(8 + e), b.zero());
            }
        }
        List<Target> out = new ArrayList<>(children.get(0).subList(0, 4));
        out.addAll(children.get(children.size() - 1).subList(4, 8));
        for (List<Target> child : children) {
            out.addAll(child.subList(12, 16));
        }
        return out;
    }

    public CircuitData circuit() {
        return aggregation.circuit();
    }

    public PartialWitness witness(List<PlonkProof> proofs, List<long[]> publicInputs) {
        return aggregation.witness(proofs, publicInputs);
    }

    /** The tip's public inputs for the per-kind children, in kind order. */
    public static long[] publicInputs(List<long[]> children) {
        long[] out = new long[NUM_PUBLIC_INPUTS];
        System.arraycopy(children.get(0), 0, out, 0, 4);
        System.arraycopy(children.get(children.size() - 1), 4, out, 4, 4);
        for (int k = 0; k < children.size(); k++) {
            System.arraycopy(children.get(k), 12, out, 8 + 4 * k, 4);
        }
        return out;
    }

    /** Why the per-kind children cannot be joined, or null when they can. */
    public static String brokenLink(List<long[]> children) {
        for (int k = 0; k < children.size(); k++) {
            for (int e = 0; e < 4; e++) {
                if (children.get(k)[8 + e] != 0) {
                    return OpKind.values()[k].circuitId() + " ops_hash_in does not start at [0, 0, 0, 0]";
                }
                if (k > 0 && children.get(k - 1)[4 + e] != children.get(k)[e]) {
                    return OpKind.values()[k].circuitId() + " root_in does not equal "
                            + OpKind.values()[k - 1].circuitId() + " root_out";
                }
            }
        }
        return null;
    }
}
