package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriOracleOpening;
import dev.zkcluster.proof.fri.FriProof;
import dev.zkcluster.proof.fri.FriQueryRound;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlonkVerifierGadgetTest {
    private static RecursionFixtures.Child child;

    @BeforeAll
    static void proveChild() {
        child = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 3, 4);
    }

    private record VerifierCircuit(CircuitData data, PlonkProofTargets proof, List<Target> publicInputs) {}

    private static VerifierCircuit verifierCircuit(VerifierKey key) {
        CircuitBuilder b = new CircuitBuilder(RecursionFixtures.FAST);
        PlonkProofTargets proof = PlonkProofTargets.allocate(b, key);
        List<Target> pis = FriProofTargets.targets(b, key.numPublicInputs());
        PlonkVerifierGadget.verify(new CircuitAlgebra(b), ChildKeyTargets.constant(b, key), proof, pis);
        int rows = b.numRows();
        CircuitData data = b.build();
        System.out.println("verifier circuit for a 2^" + key.degreeBits() + "-row child: " + rows + " rows, 2^"
                + data.degreeBits());
        return new VerifierCircuit(data, proof, pis);
    }

    private static void generate(VerifierCircuit c, PlonkProof proof, long[] publicInputs) {
        PartialWitness w = new PartialWitness();
        c.proof().set(w, proof);
        FriProofTargets.setAll(w, c.publicInputs(), publicInputs);
        WitnessGeneration.generate(c.data(), w);
    }

    @Test
    void acceptsAnHonestChildProof() {
        VerifierCircuit c = verifierCircuit(child.verifierKey());
        assertDoesNotThrow(() -> generate(c, child.proof(), child.publicInputs()));
    }

    @Test
    void rejectsTamperedOpeningAtZeta() {
        VerifierCircuit c = verifierCircuit(child.verifierKey());
        PlonkProof p = child.proof();
        long[] atZeta = p.openingsAtZeta();
        atZeta[5] = Goldilocks.add(atZeta[5], 1);
        PlonkProof tampered = new PlonkProof(p.circuitDigest(), p.wiresCap(), p.zsPartialsCap(), p.quotientCap(),
                atZeta, p.openingsAtNextZeta(), p.fri());
        assertThrows(WitnessGenerationException.class, () -> generate(c, tampered, child.publicInputs()));
    }

    @Test
    void rejectsTamperedFriQueryRow() {
        VerifierCircuit c = verifierCircuit(child.verifierKey());
        PlonkProof p = child.proof();
        FriProof fri = p.fri();
        List<FriQueryRound> rounds = new ArrayList<>(fri.queryRounds());
        FriQueryRound round = rounds.get(7);
        List<FriOracleOpening> openings = new ArrayList<>(round.oracleOpenings());
        long[] row = openings.get(1).row().clone();
        row[3] = Goldilocks.add(row[3], 1);
        openings.set(1, new FriOracleOpening(row, openings.get(1).proof()));
        rounds.set(7, new FriQueryRound(openings, round.layerOpenings()));
        PlonkProof tampered = new PlonkProof(p.circuitDigest(), p.wiresCap(), p.zsPartialsCap(), p.quotientCap(),
                p.openingsAtZeta(), p.openingsAtNextZeta(),
                new FriProof(fri.layerCaps(), fri.finalPoly(), fri.powNonce(), rounds));
        assertThrows(WitnessGenerationException.class, () -> generate(c, tampered, child.publicInputs()));
    }

    @Test
    void rejectsTamperedFinalPolynomial() {
        VerifierCircuit c = verifierCircuit(child.verifierKey());
        PlonkProof p = child.proof();
        FriProof fri = p.fri();
        long[] finalPoly = fri.finalPoly().clone();
        finalPoly[finalPoly.length - 1] = Goldilocks.add(finalPoly[finalPoly.length - 1], 1);
        PlonkProof tampered = new PlonkProof(p.circuitDigest(), p.wiresCap(), p.zsPartialsCap(), p.quotientCap(),
                p.openingsAtZeta(), p.openingsAtNextZeta(),
                new FriProof(fri.layerCaps(), finalPoly, fri.powNonce(), fri.queryRounds()));
        assertThrows(WitnessGenerationException.class, () -> generate(c, tampered, child.publicInputs()));
    }

    @Test
    void witnessKeyModeExposesTheNativeKeyDigest() {
        VerifierKey key = child.verifierKey();
        CircuitBuilder b = new CircuitBuilder(RecursionFixtures.FAST);
        PlonkProofTargets proof = PlonkProofTargets.allocate(b, key);
        List<Target> pis = FriProofTargets.targets(b, key.numPublicInputs());
        ChildKeyTargets keyTargets = ChildKeyTargets.witness(b, key);
        PlonkVerifierGadget.verify(new CircuitAlgebra(b), keyTargets, proof, pis);
        keyTargets.keyDigest(b).forEach(b::registerPublicInput);
        CircuitData data = b.build();
        PartialWitness w = new PartialWitness();
        proof.set(w, child.proof());
        keyTargets.set(w, key);
        FriProofTargets.setAll(w, pis, child.publicInputs());
        assertArrayEquals(key.digest().toArray(), WitnessGeneration.generate(data, w).publicInputs());

        // the same proof under a key with another constants-and-sigmas cap does not verify
        PartialWitness forged = new PartialWitness();
        proof.set(forged, child.proof());
        keyTargets.set(forged, RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 4, 3, 4).verifierKey());
        FriProofTargets.setAll(forged, pis, child.publicInputs());
        assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(data, forged));
    }

    @Test
    void rejectsChangedPublicInput() {
        VerifierCircuit c = verifierCircuit(child.verifierKey());
        long[] pis = child.publicInputs().clone();
        pis[2] ^= 1;
        assertThrows(WitnessGenerationException.class, () -> generate(c, child.proof(), pis));
    }
}
