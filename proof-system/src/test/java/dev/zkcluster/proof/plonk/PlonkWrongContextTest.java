package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.ProofFixtures.Proved;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A valid proof is rejected in any other context: other public inputs, or another circuit's verifier key. */
class PlonkWrongContextTest {
    private static final Proved PROVED = ProofFixtures.everyGate(5);

    @Test
    void rejectsChangedPublicInput() {
        for (int i = 0; i < PROVED.publicInputs().length; i++) {
            long[] changed = PROVED.publicInputs().clone();
            changed[i] = Goldilocks.add(changed[i], 1);
            assertFalse(Verifier.verify(PROVED.verifierKey(), PROVED.proof(), changed).isAccepted(),
                    "accepted with public input " + i + " changed");
        }
    }

    @Test
    void rejectsMissingPublicInput() {
        long[] fewer = Arrays.copyOf(PROVED.publicInputs(), PROVED.publicInputs().length - 1);
        assertFalse(Verifier.verify(PROVED.verifierKey(), PROVED.proof(), fewer).isAccepted());
    }

    @Test
    void rejectsProofUnderAnotherCircuitsKey() {
        // same gates, same size, other witness-independent constants: only the circuit differs
        VerifierKey other = ProvingKey.setup(otherCircuit(), ProofFixtures.CPU).verifierKey();
        assertEquals(PROVED.verifierKey().degreeBits(), other.degreeBits());
        assertFalse(Verifier.verify(other, PROVED.proof(), PROVED.publicInputs()).isAccepted());
    }

    @Test
    void decoderRejectsProofBytesUnderAnotherCircuitsKey() {
        VerifierKey other = ProvingKey.setup(otherCircuit(), ProofFixtures.CPU).verifierKey();
        PlonkProofDecoding decoding = PlonkProofCodec.decode(PlonkProofCodec.encode(PROVED.proof()), other);
        assertEquals(PlonkProofDecoding.Reason.WRONG_CIRCUIT,
                assertInstanceOf(PlonkProofDecoding.Rejected.class, decoding).reason());
    }

    // A proof relabelled with the other circuit's digest still fails: the constants cap and transcript differ.
    @Test
    void rejectsRelabelledProofUnderAnotherCircuitsKey() {
        VerifierKey other = ProvingKey.setup(otherCircuit(), ProofFixtures.CPU).verifierKey();
        assertNotEquals(other.circuitDigest(), PROVED.proof().circuitDigest());
        PlonkProof p = PROVED.proof();
        PlonkProof relabelled = new PlonkProof(other.circuitDigest(), p.wiresCap(), p.zsPartialsCap(),
                p.quotientCap(), p.openingsAtZeta(), p.openingsAtNextZeta(), p.fri());
        assertFalse(Verifier.verify(other, relabelled, PROVED.publicInputs()).isAccepted());
    }

    private static CircuitData otherCircuit() {
        CircuitBuilder b = new CircuitBuilder(ProofFixtures.FAST);
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        // the every-gate circuit with 12 instead of 11 as its first constant
        Target s = b.mulAdd(x, y, b.constant(12));
        List<Target> h = b.hashNoPad(List.of(x, y, s, x, y, s, x, y, s));
        Target picked = b.randomAccess(b.constant(2), List.of(x, y, s, h.get(0), h.get(1)));
        b.rangeCheck(b.constant(1000), 10);
        ExtTarget e = b.extMulAdd(new ExtTarget(x, y), new ExtTarget(s, picked), b.extConstant(new Ext2(3, 4)));
        b.registerPublicInput(e.c0());
        b.registerPublicInput(picked);
        b.registerPublicInput(b.div(h.get(2), y));
        return b.build();
    }
}
