package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AggregationTest {
    private static RecursionFixtures.Child first;
    private static RecursionFixtures.Child second;
    private static RecursionFixtures.Child other;
    private static Aggregation hashed;
    private static Aggregation linked;

    @BeforeAll
    static void setUp() {
        first = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 3, 4);
        // the second child starts where the first ended: x_1 = out_0
        second = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, first.publicInputs()[2], 9);
        other = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 11, 12);
        hashed = Aggregation.sameKey(RecursionFixtures.FAST, first.verifierKey(), 2, Aggregation.NO_LINKS,
                Aggregation.Exposure.hashOfAll());
        linked = Aggregation.sameKey(RecursionFixtures.FAST, first.verifierKey(), 2,
                (b, i, previous, next) -> b.assertEqual(previous.get(2), next.get(0)),
                (b, children) -> List.of(children.get(0).get(0), children.get(1).get(2)));
    }

    private static WitnessVector generate(Aggregation agg, RecursionFixtures.Child... children) {
        List<PlonkProof> proofs = Arrays.stream(children).map(RecursionFixtures.Child::proof).toList();
        List<long[]> pis = Arrays.stream(children).map(c -> c.publicInputs().clone()).toList();
        return WitnessGeneration.generate(agg.circuit(), agg.witness(proofs, pis));
    }

    @Test
    void exposesTheHashOfEveryChildsPublicInputs() {
        long[] all = new long[6];
        System.arraycopy(first.publicInputs(), 0, all, 0, 3);
        System.arraycopy(other.publicInputs(), 0, all, 3, 3);
        WitnessVector w = generate(hashed, first, other);
        assertTrue(Arrays.equals(Poseidon2Hash.hashNoPad(all).toArray(), w.publicInputs()));
    }

    @Test
    void changingAChildsPublicInputsChangesTheAggregatesPublicInputs() {
        long[] a = generate(hashed, first, second).publicInputs();
        long[] b = generate(hashed, first, other).publicInputs();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void linkedChildrenAggregateAndExposeTheChosenValues() {
        WitnessVector w = generate(linked, first, second);
        assertTrue(Arrays.equals(new long[] {3, second.publicInputs()[2]}, w.publicInputs()));
    }

    @Test
    void refusesChildrenThatBreakTheLink() {
        WitnessGenerationException e =
                assertThrows(WitnessGenerationException.class, () -> generate(linked, first, other));
        System.out.println("broken link: " + e.getMessage());
    }

    private static RecursionFixtures.Child tampered(RecursionFixtures.Child child) {
        PlonkProof p = child.proof();
        long[] atNext = p.openingsAtNextZeta();
        atNext[0] = Goldilocks.add(atNext[0], 1);
        return new RecursionFixtures.Child(child.key(), child.witness(),
                new PlonkProof(p.circuitDigest(), p.wiresCap(), p.zsPartialsCap(), p.quotientCap(),
                        p.openingsAtZeta(), atNext, p.fri()));
    }

    @Test
    void refusesATamperedChildProofNamingTheChildAndTheReason() {
        WitnessGenerationException e =
                assertThrows(WitnessGenerationException.class, () -> generate(hashed, first, tampered(other)));
        assertTrue(e.getMessage().startsWith("child 1 (key digest " + other.verifierKey().digest() + ") is invalid: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("vanishing identity"), e.getMessage());
    }

    @Test
    void circuitRefusesATamperedChildProofWithoutTheNativePrecheck() {
        RecursionFixtures.Child bad = tampered(other);
        PartialWitness inputs = hashed.inputs(List.of(first.verifierKey(), bad.verifierKey()),
                List.of(first.proof(), bad.proof()), List.of(first.publicInputs(), bad.publicInputs()), false);
        assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(hashed.circuit(), inputs));
    }

    @Test
    void refusesAChildWhosePublicInputsItDoesNotProve() {
        long[] wrong = other.publicInputs().clone();
        wrong[2] = Goldilocks.add(wrong[2], 1);
        WitnessGenerationException e = assertThrows(WitnessGenerationException.class,
                () -> hashed.witness(List.of(first.proof(), other.proof()), List.of(first.publicInputs(), wrong)));
        assertTrue(e.getMessage().startsWith("child 1 "), e.getMessage());
    }

    @Test
    void refusesAProofForAnotherCircuit() {
        RecursionFixtures.Child foreign = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 2, 3, 4);
        assertThrows(IllegalArgumentException.class, () -> generate(hashed, first, foreign));
    }

    @Test
    void honestChildrenAggregate() {
        assertDoesNotThrow(() -> generate(hashed, first, second));
    }
}
