package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.witness.WitnessVector;

/** A test-only route to {@link Prover#proveUnchecked} for tests outside this package (forced proofs). */
public final class UncheckedProving {
    private UncheckedProving() {}

    public static PlonkProof prove(ProvingKey key, WitnessVector witness, ProvingBackend backend) {
        return Prover.proveUnchecked(key, witness, backend).proof();
    }
}
