package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.UncheckedProving;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Full recursive proving: aggregate proofs that the native verifier checks. Minutes on two cores. */
@Tag("slow")
class RecursiveProvingTest {
    private static RecursionFixtures.Child first;
    private static RecursionFixtures.Child second;
    private static Aggregation twoToOne;
    private static ProvingKey aggregateKey;
    private static WitnessVector aggregateWitness;
    private static PlonkProof aggregateProof;

    @BeforeAll
    static void proveTwoToOne() {
        first = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 3, 4);
        second = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, 5, 7, 8);
        twoToOne = Aggregation.sameKey(RecursionFixtures.FAST, first.verifierKey(), 2, Aggregation.NO_LINKS,
                Aggregation.Exposure.hashOfAll());
        aggregateWitness = WitnessGeneration.generate(twoToOne.circuit(), twoToOne.witness(
                List.of(first.proof(), second.proof()), List.of(first.publicInputs(), second.publicInputs())));
        aggregateKey = ProvingKey.setup(twoToOne.circuit(), RecursionFixtures.CPU);
        aggregateProof = Prover.prove(aggregateKey, aggregateWitness, RecursionFixtures.CPU).proof();
    }

    @AfterAll
    static void release() {
        // the proving key and witness are hundreds of megabytes; later test classes share this JVM
        twoToOne = null;
        aggregateKey = null;
        aggregateWitness = null;
    }

    @Test
    void twoToOneAggregateVerifies() {
        assertInstanceOf(Verification.Accepted.class,
                Verifier.verify(aggregateKey.verifierKey(), aggregateProof, aggregateWitness.publicInputs()));
    }

    @Test
    void forcedAggregateProofWithABrokenVerifierCellIsRejected() {
        long[][] wires = new long[aggregateWitness.numWires()][];
        for (int c = 0; c < wires.length; c++) {
            wires[c] = aggregateWitness.wires()[c].clone();
        }
        // a cell of the child verifier's arithmetic: the forced witness violates a gate or copy constraint
        int row = aggregateWitness.numRows() / 3;
        for (int c = 0; c < 80; c++) {
            wires[c][row] = Goldilocks.add(wires[c][row], 1);
        }
        WitnessVector forced = new WitnessVector(wires, aggregateWitness.publicInputs());
        PlonkProof proof = UncheckedProving.prove(aggregateKey, forced, RecursionFixtures.CPU);
        assertInstanceOf(Verification.Rejected.class,
                Verifier.verify(aggregateKey.verifierKey(), proof, forced.publicInputs()));
    }

    @Test
    void recursiveProofOfARecursiveProofVerifies() {
        Aggregation wrap = Aggregation.sameKey(RecursionFixtures.FAST, aggregateKey.verifierKey(), 1,
                Aggregation.NO_LINKS, (b, children) -> children.get(0));
        System.out.println("level-2 circuit: 2^" + wrap.circuit().degreeBits() + " rows verifying a 2^"
                + aggregateKey.verifierKey().degreeBits() + "-row child");
        WitnessVector w = WitnessGeneration.generate(wrap.circuit(),
                wrap.witness(List.of(aggregateProof), List.of(aggregateWitness.publicInputs())));
        ProvingKey key = ProvingKey.setup(wrap.circuit(), RecursionFixtures.CPU);
        PlonkProof proof = Prover.prove(key, w, RecursionFixtures.CPU).proof();
        assertInstanceOf(Verification.Accepted.class, Verifier.verify(key.verifierKey(), proof, w.publicInputs()));
    }
}
