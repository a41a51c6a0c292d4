package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregation circuits: one circuit that verifies several child proofs ({@link PlonkVerifierGadget}) under verifier
 * keys fixed as constants, checks caller-chosen links between consecutive children, and exposes caller-chosen values
 * as its own public inputs.
 *
 * <p>Example: aggregate 8 proofs of a state-transition circuit whose public inputs are (root_in, root_out), require
 * root_out of each child to equal root_in of the next, and expose the first root_in and the last root_out:
 *
 * <pre>{@code
 * Aggregation agg = Aggregation.sameKey(CircuitConfig.standard(), childKey, 8,
 *         (b, i, previous, next) -> b.assertEqual(previous.get(1), next.get(0)),
 *         (b, children) -> List.of(children.get(0).get(0), children.get(7).get(1)));
 * PartialWitness w = agg.witness(proofs, publicInputs);    // one proof and public-input array per child
 * WitnessVector witness = WitnessGeneration.generate(agg.circuit(), w);
 * }</pre>
 *
 * Witness generation fails (with {@code WitnessGenerationException}) when a child proof does not verify or a link
 * does not hold, so the prover refuses. {@link #join} builds the heterogeneous variant: one child per listed key,
 * e.g. a transfer-batch proof and a deposit-batch proof side by side; links and exposure work the same way.
 */
public final class Aggregation {
    /** A check between the public inputs of child i − 1 and child i, for i ≥ 1. */
    @FunctionalInterface
    public interface Link {
        void check(CircuitBuilder b, int index, List<Target> previous, List<Target> next);
    }

    /** Which values become the aggregate's public inputs, from every child's public-input targets. */
    @FunctionalInterface
    public interface Exposure {
        List<Target> expose(CircuitBuilder b, List<List<Target>> children);

        /** The 4-element hash of every child's public inputs, concatenated in child order. */
        static Exposure hashOfAll() {
            return (b, children) -> {
                List<Target> all = new ArrayList<>();
                children.forEach(all::addAll);
                return b.hashNoPad(all);
            };
        }
    }

    /** No links between children. */
    public static final Link NO_LINKS = (b, i, previous, next) -> {};

    private final CircuitData circuit;
    private final List<VerifierKey> keys;
    private final List<PlonkProofTargets> proofs;
    private final List<List<Target>> childPublicInputs;

    private Aggregation(CircuitData circuit, List<VerifierKey> keys, List<PlonkProofTargets> proofs,
            List<List<Target>> childPublicInputs) {
        this.circuit = circuit;
        this.keys = List.copyOf(keys);
        this.proofs = List.copyOf(proofs);
        this.childPublicInputs = List.copyOf(childPublicInputs);
    }

    /** N children under one key. */
    public static Aggregation sameKey(CircuitConfig config, VerifierKey childKey, int n, Link link, Exposure exposure) {
        if (n < 1) {
            throw new IllegalArgumentException("an aggregation needs at least one child, got " + n);
        }
        return join(config, java.util.Collections.nCopies(n, childKey), link, exposure);
    }

    /** One child per listed key, in order. */
    public static Aggregation join(CircuitConfig config, List<VerifierKey> keys, Link link, Exposure exposure) {
        CircuitBuilder b = new CircuitBuilder(config);
        CircuitAlgebra alg = new CircuitAlgebra(b);
        List<PlonkProofTargets> proofs = new ArrayList<>();
        List<List<Target>> pis = new ArrayList<>();
        for (VerifierKey key : keys) {
            PlonkProofTargets proof = PlonkProofTargets.allocate(b, key);
            List<Target> childPis = FriProofTargets.targets(b, key.numPublicInputs());
            PlonkVerifierGadget.verify(alg, ChildKeyTargets.constant(b, key), proof, childPis);
            proofs.add(proof);
            pis.add(childPis);
        }
        for (int i = 1; i < keys.size(); i++) {
            link.check(b, i, pis.get(i - 1), pis.get(i));
        }
        for (Target t : exposure.expose(b, pis)) {
            b.registerPublicInput(t);
        }
        return new Aggregation(b.build(), keys, proofs, pis);
    }

    public CircuitData circuit() {
        return circuit;
    }

    /** The free inputs of the aggregate's witness: every child proof and its public inputs. */
    public PartialWitness witness(List<PlonkProof> childProofs, List<long[]> childPublicInputValues) {
        if (childProofs.size() != keys.size() || childPublicInputValues.size() != keys.size()) {
            throw new IllegalArgumentException("the aggregation has " + keys.size() + " children, got "
                    + childProofs.size() + " proofs and " + childPublicInputValues.size() + " public-input arrays");
        }
        PartialWitness w = new PartialWitness();
        for (int i = 0; i < keys.size(); i++) {
            PlonkProof proof = childProofs.get(i);
            if (!proof.circuitDigest().equals(keys.get(i).circuitDigest())) {
                throw new IllegalArgumentException("child " + i + " is a proof for circuit " + proof.circuitDigest()
                        + ", the aggregation expects " + keys.get(i).circuitDigest());
            }
            proofs.get(i).set(w, proof);
            FriProofTargets.setAll(w, childPublicInputs.get(i), childPublicInputValues.get(i));
        }
        return w;
    }
}
