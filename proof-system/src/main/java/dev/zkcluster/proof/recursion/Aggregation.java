package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Aggregation circuits: one circuit that verifies several child proofs ({@link PlonkVerifierGadget}) under verifier
 * keys fixed as constants or, in {@link KeyMode#WITNESS} mode, supplied with the witness from a listed set; it checks
 * caller-chosen links between consecutive children, and exposes caller-chosen values as its own public inputs.
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
 * Witness generation fails (with {@code WitnessGenerationException}) when a child proof does not verify (checked
 * first with the native verifier, for a clear message) or a link does not hold, so the prover refuses. {@link #join}
 * builds the heterogeneous variant: one child per listed key, e.g. a transfer-batch proof and a deposit-batch proof
 * side by side; links and exposure work the same way.
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

    /** How the children's verifier keys enter the circuit. */
    public enum KeyMode {
        /** Slot i verifies under listed key i, fixed as circuit constants. */
        CONSTANT,
        /**
         * Every slot verifies under a key supplied with the witness, which must be one of the listed keys (all of one
         * shape). The circuit recomputes each child's key digest, requires it to equal a listed key's digest, and
         * exposes it as public inputs, so the aggregate's verifier sees which key each child was proven under.
         */
        WITNESS
    }

    private final CircuitData circuit;
    private final KeyMode mode;
    private final List<VerifierKey> keys;
    private final List<PlonkProofTargets> proofs;
    private final List<List<Target>> childPublicInputs;
    private final List<ChildKeyTargets> witnessKeys;
    private final List<Target> keyIndices;

    private Aggregation(CircuitData circuit, KeyMode mode, List<VerifierKey> keys, List<PlonkProofTargets> proofs,
            List<List<Target>> childPublicInputs, List<ChildKeyTargets> witnessKeys, List<Target> keyIndices) {
        this.circuit = circuit;
        this.mode = mode;
        this.keys = List.copyOf(keys);
        this.proofs = List.copyOf(proofs);
        this.childPublicInputs = List.copyOf(childPublicInputs);
        this.witnessKeys = List.copyOf(witnessKeys);
        this.keyIndices = List.copyOf(keyIndices);
    }

    /** N children under one key. */
    public static Aggregation sameKey(CircuitConfig config, VerifierKey childKey, int n, Link link, Exposure exposure) {
        if (n < 1) {
            throw new IllegalArgumentException("an aggregation needs at least one child, got " + n);
        }
        return join(config, Collections.nCopies(n, childKey), link, exposure);
    }

    /** One child per listed key, in order, each key fixed as constants. */
    public static Aggregation join(CircuitConfig config, List<VerifierKey> keys, Link link, Exposure exposure) {
        return join(config, keys, KeyMode.CONSTANT, link, exposure);
    }

    /**
     * One child per listed key. In {@link KeyMode#WITNESS} mode there are {@code keys.size()} slots, each accepting a
     * proof under any listed key; the aggregate's public inputs are the 4-element key digest of every child, in child
     * order, followed by the exposed values.
     */
    public static Aggregation join(CircuitConfig config, List<VerifierKey> keys, KeyMode mode, Link link,
            Exposure exposure) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an aggregation needs at least one child key");
        }
        CircuitBuilder b = new CircuitBuilder(config);
        CircuitAlgebra alg = new CircuitAlgebra(b);
        List<PlonkProofTargets> proofs = new ArrayList<>();
        List<List<Target>> pis = new ArrayList<>();
        List<ChildKeyTargets> witnessKeys = new ArrayList<>();
        List<Target> keyIndices = new ArrayList<>();
        List<List<Target>> listedDigests = mode == KeyMode.WITNESS ? listedDigestColumns(b, keys) : List.of();
        List<Target> exposedDigests = new ArrayList<>();
        for (VerifierKey key : keys) {
            ChildKeyTargets keyTargets;
            if (mode == KeyMode.CONSTANT) {
                keyTargets = ChildKeyTargets.constant(b, key);
            } else {
                keyTargets = ChildKeyTargets.witness(b, keys.get(0));
                // the recomputed key digest equals listed digest number `index`
                Target index = b.addVirtualTarget();
                List<Target> digest = keyTargets.keyDigest(b);
                for (int e = 0; e < Digest.ELEMENTS; e++) {
                    b.assertEqual(digest.get(e), b.randomAccess(index, listedDigests.get(e)));
                }
                witnessKeys.add(keyTargets);
                keyIndices.add(index);
                exposedDigests.addAll(digest);
            }
            PlonkProofTargets proof = PlonkProofTargets.allocate(b, keyTargets.shape());
            List<Target> childPis = FriProofTargets.targets(b, keyTargets.shape().numPublicInputs());
            PlonkVerifierGadget.verify(alg, keyTargets, proof, childPis);
            proofs.add(proof);
            pis.add(childPis);
        }
        for (int i = 1; i < keys.size(); i++) {
            link.check(b, i, pis.get(i - 1), pis.get(i));
        }
        for (Target t : exposedDigests) {
            b.registerPublicInput(t);
        }
        for (Target t : exposure.expose(b, pis)) {
            b.registerPublicInput(t);
        }
        return new Aggregation(b.build(), mode, keys, proofs, pis, witnessKeys, keyIndices);
    }

    /**
     * Column e holds element e of every listed key's digest, repeated from the last key up to a power of two, so that
     * random access never reads padding.
     */
    private static List<List<Target>> listedDigestColumns(CircuitBuilder b, List<VerifierKey> keys) {
        for (VerifierKey key : keys) {
            if (!ChildKeyTargets.sameShape(key, keys.get(0))) {
                throw new IllegalArgumentException("witness-key mode needs listed keys of one shape; key "
                        + key.digest() + " differs from " + keys.get(0).digest());
            }
        }
        int padded = Math.max(2, Integer.highestOneBit(keys.size() - 1) << 1);
        List<List<Target>> columns = new ArrayList<>();
        for (int e = 0; e < Digest.ELEMENTS; e++) {
            List<Target> column = new ArrayList<>();
            for (int j = 0; j < padded; j++) {
                column.add(b.constant(keys.get(Math.min(j, keys.size() - 1)).digest().toArray()[e]));
            }
            columns.add(column);
        }
        return columns;
    }

    public CircuitData circuit() {
        return circuit;
    }

    public KeyMode keyMode() {
        return mode;
    }

    /**
     * The free inputs of the aggregate's witness in {@link KeyMode#CONSTANT} mode: every child proof and its public
     * inputs. Each child is first checked with the native verifier, so an invalid child fails here with its index,
     * key digest and the verifier's reason; the circuit's own checks remain the guard for the aggregate proof.
     */
    public PartialWitness witness(List<PlonkProof> childProofs, List<long[]> childPublicInputValues) {
        if (mode != KeyMode.CONSTANT) {
            throw new IllegalStateException("a witness-key aggregation needs each child's verifier key");
        }
        return inputs(keys, childProofs, childPublicInputValues, true);
    }

    /**
     * The free inputs in {@link KeyMode#WITNESS} mode: each child's verifier key (one of the listed keys), proof and
     * public inputs, each child checked first with the native verifier.
     */
    public PartialWitness witness(List<VerifierKey> childKeys, List<PlonkProof> childProofs,
            List<long[]> childPublicInputValues) {
        if (mode != KeyMode.WITNESS) {
            throw new IllegalStateException("a constant-key aggregation fixes its children's keys");
        }
        for (int i = 0; i < childKeys.size(); i++) {
            if (listedIndex(childKeys.get(i)) < 0) {
                throw new IllegalArgumentException("child " + i + " is under key " + childKeys.get(i).digest()
                        + ", which is not among the aggregation's listed keys");
            }
        }
        return inputs(childKeys, childProofs, childPublicInputValues, true);
    }

    /**
     * The witness inputs, with or without the native pre-checks; without them, the circuit alone refuses bad children
     * (tests use this to exercise the in-circuit guard).
     */
    PartialWitness inputs(List<VerifierKey> childKeys, List<PlonkProof> childProofs,
            List<long[]> childPublicInputValues, boolean precheck) {
        if (childKeys.size() != keys.size() || childProofs.size() != keys.size()
                || childPublicInputValues.size() != keys.size()) {
            throw new IllegalArgumentException("the aggregation has " + keys.size() + " children, got "
                    + childKeys.size() + " keys, " + childProofs.size() + " proofs and "
                    + childPublicInputValues.size() + " public-input arrays");
        }
        PartialWitness w = new PartialWitness();
        for (int i = 0; i < keys.size(); i++) {
            VerifierKey key = childKeys.get(i);
            PlonkProof proof = childProofs.get(i);
            if (!proof.circuitDigest().equals(key.circuitDigest())) {
                throw new IllegalArgumentException("child " + i + " is a proof for circuit " + proof.circuitDigest()
                        + ", the aggregation expects " + key.circuitDigest());
            }
            if (precheck && Verifier.verify(key, proof, childPublicInputValues.get(i))
                    instanceof Verification.Rejected r) {
                throw new WitnessGenerationException(
                        "child " + i + " (key digest " + key.digest() + ") is invalid: " + r.reason());
            }
            if (mode == KeyMode.WITNESS) {
                witnessKeys.get(i).set(w, key);
                w.set(keyIndices.get(i), Math.max(0, listedIndex(key)));
            }
            proofs.get(i).set(w, proof);
            FriProofTargets.setAll(w, childPublicInputs.get(i), childPublicInputValues.get(i));
        }
        return w;
    }

    private int listedIndex(VerifierKey key) {
        Digest digest = key.digest();
        for (int j = 0; j < keys.size(); j++) {
            if (keys.get(j).digest().equals(digest)) {
                return j;
            }
        }
        return -1;
    }
}
