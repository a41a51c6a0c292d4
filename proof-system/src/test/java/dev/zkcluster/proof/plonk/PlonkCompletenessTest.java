package dev.zkcluster.proof.plonk;

import static dev.zkcluster.proof.plonk.ProofFixtures.FAST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.ProofFixtures.Proved;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Honest proofs of every kind of circuit verify. */
class PlonkCompletenessTest {

    private static final Verification ACCEPTED = new Verification.Accepted();

    @Test
    void acceptsArithmeticHeavyCircuit() {
        CircuitBuilder b = new CircuitBuilder(FAST);
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        Target acc = x;
        for (int i = 0; i < 300; i++) {
            acc = b.mulAdd(acc, y, b.constant(i));
            if (i % 7 == 0) {
                acc = b.sub(acc, x);
            }
            if (i % 11 == 0) {
                acc = b.div(acc, y);
            }
            if (i % 13 == 0) {
                acc = b.scale(acc, Goldilocks.neg(3));
            }
        }
        b.registerPublicInput(acc);
        CircuitData data = b.build();
        WitnessVector w = WitnessGeneration.generate(data, new PartialWitness().set(x, 12345).set(y, 678));
        assertEquals(ACCEPTED, ProofFixtures.prove(data, w).verify());
    }

    @Test
    void acceptsPoseidonHashChain() {
        TestCircuits.Instance chain = ProofFixtures.poseidonChain(FAST, 100, 7, 9);
        assertEquals(ACCEPTED, ProofFixtures.prove(chain.data(), chain.witness()).verify());
    }

    @Test
    void acceptsRangeChecksAtTheirBoundaries() {
        CircuitBuilder b = new CircuitBuilder(FAST);
        List<Target> targets = new ArrayList<>();
        PartialWitness pw = new PartialWitness();
        for (int bits : new int[] {1, 8, 32, 63}) {
            for (long value : new long[] {0, 1, (1L << bits) - 1}) {
                Target t = b.addVirtualTarget();
                b.rangeCheck(t, bits);
                targets.add(t);
                pw.set(t, value);
            }
        }
        CircuitData data = b.build();
        assertEquals(ACCEPTED, ProofFixtures.prove(data, WitnessGeneration.generate(data, pw)).verify());
    }

    @Test
    void acceptsRandomAccessAtEveryIndexKind() {
        CircuitBuilder b = new CircuitBuilder(FAST);
        List<Target> list = new ArrayList<>();
        PartialWitness pw = new PartialWitness();
        for (int i = 0; i < 16; i++) {
            Target t = b.addVirtualTarget();
            list.add(t);
            pw.set(t, 1000 + 17L * i);
        }
        for (int index : new int[] {0, 1, 9, 15}) {
            Target picked = b.randomAccess(b.constant(index), list);
            b.assertEqual(picked, b.constant(1000 + 17L * index));
        }
        CircuitData data = b.build();
        assertEquals(ACCEPTED, ProofFixtures.prove(data, WitnessGeneration.generate(data, pw)).verify());
    }

    @Test
    void acceptsManyPublicInputs() {
        CircuitBuilder b = new CircuitBuilder(FAST);
        SplittableRandom random = new SplittableRandom(3);
        PartialWitness pw = new PartialWitness();
        for (int i = 0; i < 11; i++) {
            Target t = b.addVirtualTarget();
            b.registerPublicInput(b.mul(t, t));
            pw.set(t, random.nextLong() >>> 1);
        }
        CircuitData data = b.build();
        Proved proved = ProofFixtures.prove(data, WitnessGeneration.generate(data, pw));
        assertEquals(11, proved.publicInputs().length);
        assertEquals(ACCEPTED, proved.verify());
    }

    @Test
    void acceptsEveryGateCircuitUnderTheStandardConfig() {
        TestCircuits.Instance instance = TestCircuits.everyGate(CircuitConfig.standard(), 21);
        assertEquals(ACCEPTED, ProofFixtures.prove(instance.data(), instance.witness()).verify());
    }

    @Test
    void acceptsCircuitOf4096Rows() {
        TestCircuits.Instance chain = ProofFixtures.poseidonChainOfDegree(FAST, 12);
        assertEquals(12, chain.data().degreeBits());
        assertEquals(ACCEPTED, ProofFixtures.prove(chain.data(), chain.witness()).verify());
    }

    @Test
    void acceptsEncodedProof() {
        Proved proved = ProofFixtures.everyGate(8);
        byte[] bytes = PlonkProofCodec.encode(proved.proof());
        assertEquals(ACCEPTED, Verifier.verify(proved.verifierKey(), bytes, proved.publicInputs()));
    }
}
