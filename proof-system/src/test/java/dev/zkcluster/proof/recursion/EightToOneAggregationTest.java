package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;

/**
 * Breadth: an 8-to-1 aggregate of tiny children, proven under the standard shape. Minutes on two cores.
 */
@Tag("slow")
class EightToOneAggregationTest {
    // only the verifier key, proof and public inputs are kept: the proving key holds LDEs of hundreds of megabytes
    private static VerifierKey aggregateKey;
    private static long[] aggregatePublicInputs;
    private static PlonkProof aggregateProof;

    @BeforeAll
    static void proveEightToOne() {
        List<RecursionFixtures.Child> children = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            children.add(RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, i, i + 1));
        }
        Aggregation eightToOne = Aggregation.sameKey(RecursionFixtures.FAST, children.get(0).verifierKey(), 8,
                Aggregation.NO_LINKS, Aggregation.Exposure.hashOfAll());
        WitnessVector witness = WitnessGeneration.generate(eightToOne.circuit(), eightToOne.witness(
                children.stream().map(RecursionFixtures.Child::proof).toList(),
                children.stream().map(RecursionFixtures.Child::publicInputs).toList()));
        aggregatePublicInputs = witness.publicInputs();
        ProvingKey key = ProvingKey.setup(eightToOne.circuit(), RecursionFixtures.CPU);
        aggregateKey = key.verifierKey();
        aggregateProof = Prover.prove(key, witness, RecursionFixtures.CPU).proof();
    }

    @Test
    void eightToOneAggregateVerifies() {
        assertInstanceOf(Verification.Accepted.class,
                Verifier.verify(aggregateKey, aggregateProof, aggregatePublicInputs));
    }

    @Test
    void eightToOneAggregateRejectsAChangedPublicInput() {
        long[] changed = aggregatePublicInputs.clone();
        changed[0] = Goldilocks.add(changed[0], 1);
        assertInstanceOf(Verification.Rejected.class, Verifier.verify(aggregateKey, aggregateProof, changed));
    }
}
