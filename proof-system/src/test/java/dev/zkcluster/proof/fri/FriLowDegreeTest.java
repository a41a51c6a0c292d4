package dev.zkcluster.proof.fri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Goldilocks;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FriLowDegreeTest {
    private static final FriConfig CONFIG = FriConfig.standard();

    private static FriProof prove(FriConfig config, int degreeBits, long[] codeword) {
        return FriProver.proveLowDegree(config, degreeBits, codeword, new Challenger());
    }

    private static FriVerification verify(FriConfig config, int degreeBits, FriProof proof) {
        return FriVerifier.verifyLowDegree(config, degreeBits, proof, new Challenger());
    }

    private static long[] honestCodeword(long seed, int degreeBits, int rateBits) {
        long[] coeffs = FriTestPolynomials.randomCoefficients(new SplittableRandom(seed), 1 << degreeBits);
        return FriTestPolynomials.lde(coeffs, rateBits);
    }

    // 8: arity-2 steps only; 9: one arity-16 step; 12: arity 16 then three arity-2 steps; 14: 16, 16, 2; 4: no steps
    @ParameterizedTest
    @ValueSource(ints = {4, 8, 9, 12, 14})
    void acceptsHonestLowDegreeCodeword(int degreeBits) {
        FriProof proof = prove(CONFIG, degreeBits, honestCodeword(100 + degreeBits, degreeBits, CONFIG.rateBits()));
        assertEquals(CONFIG.reductionArityBits(degreeBits).length, proof.layerCaps().size());
        assertEquals(FriVerification.accepted(), verify(CONFIG, degreeBits, proof));
    }

    @Test
    void acceptsHonestCodewordUnderShrinkConfig() {
        FriConfig shrink = FriConfig.shrink();
        FriProof proof = prove(shrink, 10, honestCodeword(7, 10, shrink.rateBits()));
        assertEquals(FriVerification.accepted(), verify(shrink, 10, proof));
    }

    @Test
    void rejectsCodewordOfDegreeExactlyTheBound() {
        int degreeBits = 10;
        SplittableRandom rng = new SplittableRandom(2024);
        // degree 2^10: 2^10 + 1 coefficients, padded to 2^11, extended by 2^(rate − 1) onto the same 2^13 points
        long[] coeffs = FriTestPolynomials.randomCoefficients(rng, (1 << degreeBits) + 1);
        coeffs = Arrays.copyOf(coeffs, 2 << (degreeBits + 1));
        coeffs[2 << degreeBits] = 1;
        long[] codeword = FriTestPolynomials.lde(coeffs, CONFIG.rateBits() - 1);
        FriProof proof = prove(CONFIG, degreeBits, codeword);
        assertInstanceOf(FriVerification.Rejected.class, verify(CONFIG, degreeBits, proof));
    }

    @Test
    void rejectsCodewordFarFromEveryLowDegreeCodeword() {
        int degreeBits = 8;
        long[] codeword = honestCodeword(31, degreeBits, CONFIG.rateBits());
        // About 5/8 of the positions replaced: farther than the unique-decoding radius (1 − 1/8)/2 from any codeword.
        SplittableRandom rng = new SplittableRandom(32);
        for (int i = 0; i < codeword.length / 2; i++) {
            if (rng.nextInt(8) < 5) {
                codeword[2 * i] = rng.nextLong(Goldilocks.P >>> 1);
            }
        }
        FriProof proof = prove(CONFIG, degreeBits, codeword);
        assertInstanceOf(FriVerification.Rejected.class, verify(CONFIG, degreeBits, proof));
    }

    @Test
    void rejectsWrongProofOfWorkNonce() {
        int degreeBits = 9;
        FriProof proof = prove(CONFIG, degreeBits, honestCodeword(41, degreeBits, CONFIG.rateBits()));
        long wrongNonce = proof.powNonce() + 1;
        assertFalse(FriProofOfWork.accepts(transcriptBeforeProofOfWork(proof), wrongNonce, CONFIG.powBits()));
        FriProof wrong = new FriProof(proof.layerCaps(), proof.finalPoly(), wrongNonce, proof.queryRounds());
        FriVerification verdict = verify(CONFIG, degreeBits, wrong);
        assertTrue(((FriVerification.Rejected) verdict).reason().contains("proof-of-work"), verdict.toString());
    }

    @Test
    void rejectsAnotherValidProofOfWorkNonceBecauseTheQueriesMove() {
        int degreeBits = 9;
        FriProof proof = prove(CONFIG, degreeBits, honestCodeword(42, degreeBits, CONFIG.rateBits()));
        Challenger transcript = transcriptBeforeProofOfWork(proof);
        long other = proof.powNonce() + 1;
        while (!FriProofOfWork.accepts(transcript, other, CONFIG.powBits())) {
            other++;
        }
        FriProof moved = new FriProof(proof.layerCaps(), proof.finalPoly(), other, proof.queryRounds());
        FriVerification verdict = verify(CONFIG, degreeBits, moved);
        assertInstanceOf(FriVerification.Rejected.class, verdict);
        assertTrue(((FriVerification.Rejected) verdict).reason().startsWith("query"), verdict.toString());
    }

    @Test
    void honestNonceMeetsTheProofOfWorkRule() {
        int degreeBits = 9;
        FriProof proof = prove(CONFIG, degreeBits, honestCodeword(43, degreeBits, CONFIG.rateBits()));
        Challenger transcript = transcriptBeforeProofOfWork(proof);
        transcript.observe(proof.powNonce());
        assertTrue(Long.numberOfLeadingZeros(transcript.challenge()) >= CONFIG.powBits());
    }

    @Test
    void rejectsProofUnderADifferentTranscriptPrefix() {
        int degreeBits = 9;
        FriProof proof = prove(CONFIG, degreeBits, honestCodeword(44, degreeBits, CONFIG.rateBits()));
        Challenger other = new Challenger();
        other.observe(1L);
        assertInstanceOf(FriVerification.Rejected.class, FriVerifier.verifyLowDegree(CONFIG, degreeBits, proof, other));
    }

    @Test
    void rejectsProofVerifiedAgainstAnotherDegree() {
        FriProof proof = prove(CONFIG, 9, honestCodeword(45, 9, CONFIG.rateBits()));
        assertInstanceOf(FriVerification.Rejected.class, verify(CONFIG, 10, proof));
        assertInstanceOf(FriVerification.Rejected.class, verify(CONFIG, 40, proof));
    }

    @Test
    void rejectsProverWhoseSecondLayerIsNotTheFoldOfTheFirst() {
        int degreeBits = 12;
        // Layer 0 is far from low degree; the prover swaps in an honest degree < 2^8 codeword as its fold.
        long[] bad = FriTestPolynomials.randomCoefficients(new SplittableRandom(46), 8 << degreeBits);
        long[] replacement = honestCodeword(47, degreeBits - 4, CONFIG.rateBits());
        FriProof proof = FriProver.prove(CONFIG, degreeBits, bad, List.of(), new Challenger(), new CpuProvingBackend(),
                (layer, folded) -> layer == 0 ? replacement : folded);
        FriVerification verdict = verify(CONFIG, degreeBits, proof);
        assertInstanceOf(FriVerification.Rejected.class, verdict);
        assertTrue(((FriVerification.Rejected) verdict).reason().contains("value folded from layer 0"), verdict.toString());
    }

    private static Challenger transcriptBeforeProofOfWork(FriProof proof) {
        Challenger transcript = new Challenger();
        for (var cap : proof.layerCaps()) {
            transcript.observe(cap);
            transcript.extChallenge();
        }
        transcript.observe(proof.finalPoly());
        return transcript;
    }
}
