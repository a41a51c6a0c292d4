package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The heterogeneous join with keys supplied as witness: two circuits of one shape, a third one not listed. */
class WitnessKeyAggregationTest {
    private static RecursionFixtures.Child five;
    private static RecursionFixtures.Child six;
    private static RecursionFixtures.Child unlisted;
    private static Aggregation join;

    @BeforeAll
    static void setUp() {
        five = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 3, 4);
        six = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 6, 5, 6);
        unlisted = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 4, 7, 8);
        join = Aggregation.join(RecursionFixtures.FAST, List.of(five.verifierKey(), six.verifierKey()),
                Aggregation.KeyMode.WITNESS, Aggregation.NO_LINKS, Aggregation.Exposure.hashOfAll());
    }

    private static List<VerifierKey> keys(RecursionFixtures.Child... children) {
        return Arrays.stream(children).map(RecursionFixtures.Child::verifierKey).toList();
    }

    private static List<PlonkProof> proofs(RecursionFixtures.Child... children) {
        return Arrays.stream(children).map(RecursionFixtures.Child::proof).toList();
    }

    private static List<long[]> publicInputs(RecursionFixtures.Child... children) {
        return Arrays.stream(children).map(c -> c.publicInputs().clone()).toList();
    }

    @Test
    void theFixtureKeysShareOneShapeButDiffer() {
        assertTrue(ChildKeyTargets.sameShape(five.verifierKey(), unlisted.verifierKey()));
        assertTrue(ChildKeyTargets.sameShape(five.verifierKey(), six.verifierKey()));
        assertTrue(!five.verifierKey().digest().equals(six.verifierKey().digest()));
    }

    @Test
    void exposesEachChildsKeyDigestInChildOrder() {
        WitnessVector w = WitnessGeneration.generate(join.circuit(),
                join.witness(keys(six, five), proofs(six, five), publicInputs(six, five)));
        long[] expected = new long[8];
        System.arraycopy(six.verifierKey().digest().toArray(), 0, expected, 0, 4);
        System.arraycopy(five.verifierKey().digest().toArray(), 0, expected, 4, 4);
        assertArrayEquals(expected, Arrays.copyOf(w.publicInputs(), 8));
    }

    @Test
    void refusesAChildUnderAnUnlistedKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> join.witness(keys(five, unlisted), proofs(five, unlisted), publicInputs(five, unlisted)));
        assertTrue(e.getMessage().contains("not among the aggregation's listed keys"), e.getMessage());
    }

    @Test
    void circuitRefusesAChildUnderAnUnlistedKeyWithoutThePrecheck() {
        PartialWitness inputs =
                join.inputs(keys(five, unlisted), proofs(five, unlisted), publicInputs(five, unlisted), false);
        assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(join.circuit(), inputs));
    }

    @Test
    void circuitRefusesAProofUnderAnotherListedKeyThanTheOneSupplied() {
        // six's proof relabelled as a proof for five's circuit and presented with five's key
        PlonkProof p = six.proof();
        PlonkProof relabelled = new PlonkProof(five.proof().circuitDigest(), p.wiresCap(), p.zsPartialsCap(),
                p.quotientCap(), p.openingsAtZeta(), p.openingsAtNextZeta(), p.fri());
        PartialWitness inputs = join.inputs(keys(five, five), List.of(five.proof(), relabelled),
                publicInputs(five, six), false);
        assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(join.circuit(), inputs));
    }
}
