package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zkcluster.proof.field.Goldilocks;
import org.junit.jupiter.api.Test;

/** The prover reaches every heavy kernel through the backend it is given, and uses what the backend returns. */
class ProverKernelRoutingTest {
    private static final TestCircuits.Instance CHAIN = ProofFixtures.poseidonChainOfDegree(ProofFixtures.FAST, 6);

    @Test
    void everyHeavyKernelOfAProofRunsThroughTheBackend() {
        ProvingKey key = ProvingKey.setup(CHAIN.data(), ProofFixtures.CPU);
        RecordingBackend recording = new RecordingBackend(ProofFixtures.CPU);
        byte[] recorded = PlonkProofCodec.encode(Prover.prove(key, CHAIN.witness(), recording).proof());
        byte[] direct = PlonkProofCodec.encode(Prover.prove(key, CHAIN.witness(), ProofFixtures.CPU).proof());

        int layers = ProofFixtures.FAST.fri().reductionArityBits(CHAIN.data().degreeBits()).length;
        assertArrayEquals(direct, recorded);
        assertEquals(2, recording.calls("inverseNtt"), "wires and Z/partial products");
        assertEquals(5, recording.calls("cosetLde"),
                "wires, Z/partial products, quotient chunks, and the FRI combination at ζ and at g·ζ");
        assertEquals(1, recording.calls("quotientValues"));
        assertEquals(1, recording.calls("cosetInterpolate"));
        assertEquals(layers, recording.calls("friFold"));
        assertEquals(3 + layers, recording.calls("merkleLevels"), "three oracles and every FRI layer");
    }

    @Test
    void aProofFromACorruptedFoldKernelIsRejected() {
        ProvingKey key = ProvingKey.setup(CHAIN.data(), ProofFixtures.CPU);
        RecordingBackend corrupting = new RecordingBackend(ProofFixtures.CPU, folded -> {
            long[] shifted = new long[folded.length];
            for (int i = 0; i < folded.length; i++) {
                shifted[i] = Goldilocks.add(folded[i], 1);
            }
            return shifted;
        });
        PlonkProof proof = Prover.prove(key, CHAIN.witness(), corrupting).proof();
        assertFalse(Verifier.verify(key.verifierKey(), proof, CHAIN.witness().publicInputs()).isAccepted());
    }
}
