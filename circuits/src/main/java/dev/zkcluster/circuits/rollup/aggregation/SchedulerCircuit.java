package dev.zkcluster.circuits.rollup.aggregation;

import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.proof.hash.Digest;
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
 * Round 4: verifies the tip proof and states the batch public inputs, 21 elements: batch_number, prev_root,
 * new_root, deposits_hash, transfers_hash, withdrawals_hash.
 *
 * <p>The header binding is by public input: a verifier supplies batch_number and prev_root from the batch header
 * (and the other values from the claimed public inputs), so a proof for another header or another previous root
 * does not verify. The batch number is one field element; a header number at or above p cannot be proven.
 */
public final class SchedulerCircuit {
    public static final int NUM_PUBLIC_INPUTS = 1 + RecursionTip.NUM_PUBLIC_INPUTS;

    private final Aggregation aggregation;
    private Target batchNumber;

    private SchedulerCircuit(CircuitConfig config, VerifierKey tipKey) {
        aggregation = Aggregation.sameKey(config, tipKey, 1, Aggregation.NO_LINKS, this::expose);
    }

    public static SchedulerCircuit build(CircuitConfig config, VerifierKey tipKey) {
        return new SchedulerCircuit(config, tipKey);
    }

    private List<Target> expose(CircuitBuilder b, List<List<Target>> children) {
        batchNumber = b.addVirtualTarget();
        List<Target> out = new ArrayList<>();
        out.add(batchNumber);
        out.addAll(children.get(0));
        return out;
    }

    public CircuitData circuit() {
        return aggregation.circuit();
    }

    public PartialWitness witness(long batchNumberValue, PlonkProof tipProof, long[] tipPublicInputs) {
        PartialWitness w = aggregation.witness(List.of(tipProof), List.of(tipPublicInputs));
        w.set(batchNumber, batchNumberValue);
        return w;
    }

    /** The 21 public inputs of a batch's final proof. */
    public static long[] publicInputs(BatchPublicInputs p) {
        long[] out = new long[NUM_PUBLIC_INPUTS];
        out[0] = p.batchNumber();
        Digest[] digests = {p.prevRoot(), p.newRoot(), p.depositsHash(), p.transfersHash(), p.withdrawalsHash()};
        for (int i = 0; i < digests.length; i++) {
            digests[i].copyTo(out, 1 + 4 * i);
        }
        return out;
    }

    /** The batch public inputs the 21 elements state. */
    public static BatchPublicInputs batchPublicInputs(long[] values) {
        if (values.length != NUM_PUBLIC_INPUTS) {
            throw new IllegalArgumentException("expected " + NUM_PUBLIC_INPUTS + " public inputs, got "
                    + values.length);
        }
        return new BatchPublicInputs(values[0], Digest.of(values, 1), Digest.of(values, 5), Digest.of(values, 9),
                Digest.of(values, 13), Digest.of(values, 17));
    }
}
