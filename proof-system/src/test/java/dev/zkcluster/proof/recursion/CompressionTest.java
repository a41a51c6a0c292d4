package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import org.junit.jupiter.api.Test;

class CompressionTest {
    private static final CircuitConfig SHRINK = CircuitConfig.standard().withFri(FriConfig.shrink());

    @Test
    void proofSizeOfACircuitIsTheLengthOfItsEncodedProofs() {
        RecursionFixtures.Child child = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 3, 4);
        assertEquals(PlonkProofCodec.encode(child.proof()).length,
                Compression.proofSize(child.key().circuit()));
    }

    @Test
    void planAddsNoStepWhenWrappingWouldGrowTheProof() {
        // a tiny child's standard proof is smaller than any proof of a circuit that verifies it
        RecursionFixtures.Child child = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 3, 4);
        Compression compression = Compression.plan(child.verifierKey(), SHRINK, RecursionFixtures.CPU);
        assertTrue(Compression.proofSize(Compression.wrapper(SHRINK, child.verifierKey()).circuit())
                >= PlonkProofCodec.encodedSize(child.verifierKey()));
        assertTrue(compression.steps().isEmpty());
        assertEquals(child.verifierKey(), compression.outputKey());
    }
}
