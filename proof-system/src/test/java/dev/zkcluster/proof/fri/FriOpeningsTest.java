package dev.zkcluster.proof.fri;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FriOpeningsTest {
    private static final FriConfig CONFIG = FriConfig.standard();

    @Test
    void acceptsHonestOpeningsAtZetaAndGZeta() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 10, 1, 3, 2);
        assertEquals(FriVerification.accepted(), fixture.verify(fixture.prove()));
    }

    @Test
    void acceptsHonestOpeningsWithNoReductionStep() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 4, 2, 2);
        FriProof proof = fixture.prove();
        assertTrue(proof.layerCaps().isEmpty());
        assertEquals(FriVerification.accepted(), fixture.verify(proof));
    }

    @Test
    void rejectsProofVerifiedAgainstAWrongClaimedValue() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 9, 3, 2, 2);
        FriProof proof = fixture.prove();
        Ext2 claimed = fixture.instance.batches().get(1).values().get(1);
        FriInstance lying = fixture.withValue(1, 1, claimed.add(Ext2.ONE));
        assertInstanceOf(FriVerification.Rejected.class, fixture.verify(lying, fixture.caps, proof));
    }

    @Test
    void rejectsProverThatClaimsAWrongValue() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 9, 4, 2, 2);
        Ext2 claimed = fixture.instance.batches().get(0).values().get(2);
        FriInstance lying = fixture.withValue(0, 2, claimed.add(Ext2.ONE));
        FriProof proof = FriProver.proveOpenings(CONFIG, lying, fixture.oracles, fixture.transcriptAfterZeta());
        assertInstanceOf(FriVerification.Rejected.class, fixture.verify(lying, fixture.caps, proof));
    }

    @Test
    void rejectsOpeningsAgainstAnotherOraclesCap() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 9, 5, 2, 2);
        FriOpeningsFixture other = FriOpeningsFixture.random(CONFIG, 9, 6, 2, 2);
        List<MerkleCap> caps = new ArrayList<>(fixture.caps);
        caps.set(0, other.caps.get(0));
        FriVerification verdict = fixture.verify(fixture.instance, caps, fixture.prove());
        assertInstanceOf(FriVerification.Rejected.class, verdict);
        assertTrue(((FriVerification.Rejected) verdict).reason().contains("oracle 0"), verdict.toString());
    }

    @Test
    void rejectsOracleWhosePolynomialsExceedTheDegreeBound() {
        FriOpeningsFixture fixture = FriOpeningsFixture.withExcessDegree(CONFIG, 9, 7, 1);
        assertInstanceOf(FriVerification.Rejected.class, fixture.verify(fixture.prove()));
    }

    @Test
    void rejectsOpeningPointOnTheLdeCoset() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 6, 8, 1, 1);
        Ext2 inDomain = Ext2.ofBase(Goldilocks.mul(FriDomain.SHIFT, Goldilocks.primitiveRootOfUnity(9)));
        FriOpeningBatch batch = fixture.instance.batches().get(0);
        FriInstance bad = new FriInstance(6, fixture.instance.oracleWidths(),
                List.of(new FriOpeningBatch(inDomain, batch.polynomials(), batch.values())));
        assertThrows(IllegalArgumentException.class,
                () -> FriProver.proveOpenings(CONFIG, bad, fixture.oracles, new Challenger()));
        FriProof proof = fixture.prove();
        assertInstanceOf(FriVerification.Rejected.class, fixture.verify(bad, fixture.caps, proof));
    }

    @Test
    void rejectsProofWithAMissingQueryRoundWithoutThrowing() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 9, 9, 1, 1);
        FriProof proof = fixture.prove();
        FriProof truncated = new FriProof(proof.layerCaps(), proof.finalPoly(), proof.powNonce(),
                proof.queryRounds().subList(1, proof.queryRounds().size()));
        assertInstanceOf(FriVerification.Rejected.class, fixture.verify(truncated));
    }
}
