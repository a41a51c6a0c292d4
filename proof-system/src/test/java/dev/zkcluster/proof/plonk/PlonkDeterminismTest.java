package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The prover uses no randomness beyond Fiat–Shamir: the same inputs give the same bytes. */
class PlonkDeterminismTest {

    @Test
    void sameCircuitGivesSameVerifierKeyDigest() {
        VerifierKey a = ProvingKey.setup(TestCircuits.everyGate(ProofFixtures.FAST, 1).data(), ProofFixtures.CPU)
                .verifierKey();
        VerifierKey b = ProvingKey.setup(TestCircuits.everyGate(ProofFixtures.FAST, 2).data(), ProofFixtures.CPU)
                .verifierKey();
        assertEquals(a.digest(), b.digest());
        assertEquals(a.constantsSigmasCap(), b.constantsSigmasCap());
    }

    @Test
    void sameWitnessGivesSameProofBytes() {
        TestCircuits.Instance instance = TestCircuits.everyGate(ProofFixtures.FAST, 9);
        ProvingKey key = ProvingKey.setup(instance.data(), ProofFixtures.CPU);
        byte[] first = PlonkProofCodec.encode(Prover.prove(key, instance.witness(), ProofFixtures.CPU).proof());
        byte[] second = PlonkProofCodec.encode(Prover.prove(key, instance.witness(), ProofFixtures.CPU).proof());
        assertArrayEquals(first, second);
    }

    @Test
    void otherWitnessGivesOtherProofBytes() {
        TestCircuits.Instance a = TestCircuits.everyGate(ProofFixtures.FAST, 9);
        TestCircuits.Instance b = TestCircuits.everyGate(ProofFixtures.FAST, 10);
        ProvingKey key = ProvingKey.setup(a.data(), ProofFixtures.CPU);
        byte[] first = PlonkProofCodec.encode(Prover.prove(key, a.witness(), ProofFixtures.CPU).proof());
        byte[] second = PlonkProofCodec.encode(Prover.prove(key, b.witness(), ProofFixtures.CPU).proof());
        assertFalse(Arrays.equals(first, second));
    }
}
