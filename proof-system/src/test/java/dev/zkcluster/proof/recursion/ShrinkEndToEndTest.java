package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Shrinking end to end under {@link FriConfig#shrink()}: a standard proof of a 2^14-row circuit is wrapped by the
 * compression chain, and the result verifies under the chain's output key alone, at most half the size of the proof
 * it wraps. Under a minute on two cores, within the default test heap.
 */
@Tag("slow")
class ShrinkEndToEndTest {
    private static final CircuitConfig SHRINK = CircuitConfig.standard().withFri(FriConfig.shrink());

    private static RecursionFixtures.Child child;
    private static Compression compression;
    private static byte[] wrappedBytes;
    private static byte[] shrunkBytes;

    @BeforeAll
    static void shrink() {
        child = RecursionFixtures.poseidonChild(RecursionFixtures.FAST, (1 << 14) - 4, 3, 4);
        compression = Compression.plan(child.verifierKey(), SHRINK, RecursionFixtures.CPU);
        Compression.Compressed compressed = compression.compress(child.proof(), child.publicInputs(),
                RecursionFixtures.CPU);
        wrappedBytes = PlonkProofCodec.encode(child.proof());
        shrunkBytes = PlonkProofCodec.encode(compressed.proof());
    }

    @Test
    void theChainShrinksAStandardProofOfAtLeast2To14Rows() {
        assertEquals(14, child.verifierKey().degreeBits());
        assertFalse(compression.steps().isEmpty());
        VerifierKey output = compression.outputKey();
        assertEquals(FriConfig.shrink(), output.config().fri());
        assertTrue(output.config().fri().conjecturedSecurityBits() >= 100);
    }

    @Test
    void shrunkProofVerifiesUnderTheOutputKey() {
        assertInstanceOf(Verification.Accepted.class,
                Verifier.verify(compression.outputKey(), shrunkBytes, child.publicInputs()));
    }

    @Test
    void shrunkProofIsAtMostHalfTheProofItWraps() {
        assertTrue(2L * shrunkBytes.length <= wrappedBytes.length,
                "shrunk " + shrunkBytes.length + " B, wrapped " + wrappedBytes.length + " B");
        assertEquals(PlonkProofCodec.encodedSize(compression.outputKey()), shrunkBytes.length);
    }

    @Test
    void shrunkProofDoesNotVerifyUnderTheWrappedKey() {
        assertInstanceOf(Verification.Rejected.class,
                Verifier.verify(child.verifierKey(), shrunkBytes, child.publicInputs()));
    }

    @Test
    void flippedBitsInTheShrunkProofAreRejected() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 24; i++) {
            byte[] tampered = shrunkBytes.clone();
            int bit = random.nextInt(8 * tampered.length);
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertInstanceOf(Verification.Rejected.class,
                    Verifier.verify(compression.outputKey(), tampered, child.publicInputs()), "bit " + bit);
        }
    }

    @Test
    void wrongPublicInputsAreRejected() {
        long[] inputs = child.publicInputs();
        for (int i = 0; i < inputs.length; i++) {
            long[] changed = inputs.clone();
            changed[i] = Goldilocks.add(changed[i], 1);
            assertInstanceOf(Verification.Rejected.class,
                    Verifier.verify(compression.outputKey(), shrunkBytes, changed), "public input " + i);
        }
    }

    @Test
    void compressingForWrongPublicInputsIsRefused() {
        long[] changed = child.publicInputs();
        changed[2] = Goldilocks.add(changed[2], 1);
        assertThrows(WitnessGenerationException.class,
                () -> compression.compress(child.proof(), changed, RecursionFixtures.CPU));
    }
}
