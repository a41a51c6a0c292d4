package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.fri.FriProofShape;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.OracleLayout;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.List;

/** A child PLONK proof as witness targets of a recursive verifier, shaped by the child's verifier key. */
public record PlonkProofTargets(
        List<List<Target>> wiresCap,
        List<List<Target>> zsPartialsCap,
        List<List<Target>> quotientCap,
        List<ExtTarget> openingsAtZeta,
        List<ExtTarget> openingsAtNextZeta,
        FriProofTargets fri) {

    public static PlonkProofTargets allocate(CircuitBuilder b, VerifierKey key) {
        OracleLayout layout = key.layout();
        FriProofShape shape = FriProofShape.of(key.config().fri(), key.degreeBits(), layout.widths());
        int capSize = shape.oracles().get(0).capSize();
        return new PlonkProofTargets(
                FriProofTargets.digests(b, capSize),
                FriProofTargets.digests(b, capSize),
                FriProofTargets.digests(b, capSize),
                FriProofTargets.exts(b, layout.openingsAtZeta()),
                FriProofTargets.exts(b, layout.openingsAtNextZeta()),
                FriProofTargets.allocate(b, shape));
    }

    /** Sets every target from a proof of the key's shape. */
    public void set(PartialWitness w, PlonkProof proof) {
        FriProofTargets.setCap(w, wiresCap, proof.wiresCap());
        FriProofTargets.setCap(w, zsPartialsCap, proof.zsPartialsCap());
        FriProofTargets.setCap(w, quotientCap, proof.quotientCap());
        setExts(w, openingsAtZeta, proof.openingsAtZeta());
        setExts(w, openingsAtNextZeta, proof.openingsAtNextZeta());
        fri.set(w, proof.fri());
    }

    private static void setExts(PartialWitness w, List<ExtTarget> targets, long[] pairs) {
        if (pairs.length != 2 * targets.size()) {
            throw new IllegalArgumentException(pairs.length / 2 + " opened values for " + targets.size() + " targets");
        }
        for (int i = 0; i < targets.size(); i++) {
            w.set(targets.get(i), pairs[2 * i], pairs[2 * i + 1]);
        }
    }
}
