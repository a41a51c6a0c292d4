package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.exec.LeafWitness;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.List;

/** The free inputs of one touched leaf in a slot: its contents before the op and its sibling path. */
record LeafTargets(Target balance, Target nonce, List<Target> pubkey, List<List<Target>> path) {

    static LeafTargets allocate(StateGadgets g) {
        return new LeafTargets(g.builder().addVirtualTarget(), g.builder().addVirtualTarget(), g.virtualDigest(),
                g.virtualPath());
    }

    void fill(PartialWitness w, LeafWitness leaf) {
        w.set(balance, leaf.before().balance());
        w.set(nonce, leaf.before().nonce());
        setDigest(w, pubkey, leaf.before().pubkeyHash());
        for (int level = 0; level < SparseMerkleTree.DEPTH; level++) {
            setDigest(w, path.get(level), leaf.path().get(level));
        }
    }

    /** An unused slot's leaf: all zeros, which the gated checks accept. */
    void fillEmpty(PartialWitness w) {
        w.set(balance, 0);
        w.set(nonce, 0);
        setDigest(w, pubkey, Digest.ZERO);
        for (List<Target> sibling : path) {
            setDigest(w, sibling, Digest.ZERO);
        }
    }

    static void setDigest(PartialWitness w, List<Target> targets, Digest d) {
        for (int i = 0; i < Digest.ELEMENTS; i++) {
            w.set(targets.get(i), d.get(i));
        }
    }
}
