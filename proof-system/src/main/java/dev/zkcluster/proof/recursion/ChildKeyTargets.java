package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a child's verifier key that its proofs are checked against, as targets: the circuit digest and the
 * cap of the preprocessed constants-and-sigmas oracle. The shape (config, degree, gates, number of public inputs)
 * comes from {@code shape} and is fixed by the recursive circuit.
 */
public record ChildKeyTargets(VerifierKey shape, List<Target> circuitDigest, List<List<Target>> constantsSigmasCap) {

    /** The key fixed as circuit constants: a proof verifies only under exactly this key. */
    public static ChildKeyTargets constant(CircuitBuilder b, VerifierKey key) {
        List<List<Target>> cap = new ArrayList<>();
        for (Digest d : key.constantsSigmasCap().digests()) {
            cap.add(constants(b, d));
        }
        return new ChildKeyTargets(key, constants(b, key.circuitDigest()), cap);
    }

    /**
     * The digest and cap as witness targets, for a key of {@code shape}'s shape supplied with the witness ({@link
     * #set}); the caller binds them, e.g. by exposing {@link #keyDigest} as a public input.
     */
    public static ChildKeyTargets witness(CircuitBuilder b, VerifierKey shape) {
        return new ChildKeyTargets(shape, FriProofTargets.targets(b, Digest.ELEMENTS),
                FriProofTargets.digests(b, shape.constantsSigmasCap().size()));
    }

    /** Sets a witness key; it must have the shape this circuit was built for. */
    public void set(PartialWitness w, VerifierKey key) {
        if (!sameShape(key, shape)) {
            throw new IllegalArgumentException("the verifier key has another shape than the recursive circuit's");
        }
        FriProofTargets.setAll(w, circuitDigest, key.circuitDigest().toArray());
        FriProofTargets.setCap(w, constantsSigmasCap, key.constantsSigmasCap());
    }

    /** Whether two keys have one shape: config, degree, gates and number of public inputs. */
    public static boolean sameShape(VerifierKey a, VerifierKey b) {
        return a.config().equals(b.config()) && a.degreeBits() == b.degreeBits() && a.gates().equals(b.gates())
                && a.numPublicInputs() == b.numPublicInputs();
    }

    /** {@link VerifierKey#digest()} computed in the circuit from these targets and the fixed shape. */
    public List<Target> keyDigest(CircuitBuilder b) {
        List<Target> seq = new ArrayList<>();
        for (long v : shape.digestShapePrefix()) {
            seq.add(b.constant(v));
        }
        seq.add(b.constant(constantsSigmasCap.size()));
        for (List<Target> d : constantsSigmasCap) {
            seq.addAll(d);
        }
        seq.addAll(circuitDigest);
        return b.hashNoPad(seq);
    }

    private static List<Target> constants(CircuitBuilder b, Digest d) {
        List<Target> out = new ArrayList<>(Digest.ELEMENTS);
        for (long v : d.toArray()) {
            out.add(b.constant(v));
        }
        return out;
    }
}
