package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.plonk.ProofFixtures.Proved;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Flipping one bit anywhere in an encoded proof gets it rejected: by the decoder with a typed error, or by the
 * verifier. Bits are sampled with a fixed seed inside each section of the layout {@link PlonkProofCodec} documents.
 */
class PlonkTamperTest {
    private static final int FLIPS_PER_SECTION = 6;
    private static final Proved PROVED = ProofFixtures.everyGate(11);
    private static final byte[] BYTES = PlonkProofCodec.encode(PROVED.proof());
    private static final Layout LAYOUT = Layout.of(BYTES);

    /** Byte ranges [from, to) of the sections. */
    record Layout(int[] header, int[] wiresCap, int[] zsCap, int[] quotientCap, int[] atZeta, int[] atNextZeta,
            int[] friCaps, int[] friFinalPoly, int[] friPow, int[] friQueries) {
        static Layout of(byte[] bytes) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            int pos = PlonkProofCodec.HEADER_BYTES + 4;
            int[][] caps = new int[3][];
            for (int c = 0; c < 3; c++) {
                int count = Short.toUnsignedInt(buf.getShort(pos));
                caps[c] = new int[] {pos + 2, pos + 2 + 32 * count};
                pos = caps[c][1];
            }
            int zetaCount = buf.getInt(pos + 4);
            int[] atZeta = {pos + 8, pos + 8 + 16 * zetaCount};
            int nextCount = buf.getInt(atZeta[1]);
            int[] atNext = {atZeta[1] + 4, atZeta[1] + 4 + 16 * nextCount};
            // the FRI section: its length, the FRI header, then four length-prefixed sections
            int fri = atNext[1] + 4 + 6;
            int[][] friSections = new int[4][];
            for (int s = 0; s < 4; s++) {
                int length = buf.getInt(fri);
                friSections[s] = new int[] {fri + 4, fri + 4 + length};
                fri = friSections[s][1];
            }
            assertEquals(bytes.length, fri, "the layout walk must end at the last byte");
            return new Layout(new int[] {0, PlonkProofCodec.HEADER_BYTES}, caps[0], caps[1], caps[2], atZeta,
                    atNext, friSections[0], friSections[1], friSections[2], friSections[3]);
        }
    }

    @Test
    void honestProofIsAccepted() {
        assertTrue(Verifier.verify(PROVED.verifierKey(), BYTES, PROVED.publicInputs()).isAccepted());
    }

    @Test
    void rejectsFlippedHeaderBit() {
        assertEveryFlipRejected(LAYOUT.header(), 1);
    }

    @Test
    void rejectsFlippedWiresCapBit() {
        assertEveryFlipRejected(LAYOUT.wiresCap(), 2);
    }

    @Test
    void rejectsFlippedZsPartialsCapBit() {
        assertEveryFlipRejected(LAYOUT.zsCap(), 3);
    }

    @Test
    void rejectsFlippedQuotientCapBit() {
        assertEveryFlipRejected(LAYOUT.quotientCap(), 4);
    }

    @Test
    void rejectsFlippedOpeningAtZetaBit() {
        assertEveryFlipRejected(LAYOUT.atZeta(), 5);
    }

    @Test
    void rejectsFlippedOpeningAtNextZetaBit() {
        assertEveryFlipRejected(LAYOUT.atNextZeta(), 6);
    }

    @Test
    void rejectsFlippedFriLayerCapBit() {
        assertEveryFlipRejected(LAYOUT.friCaps(), 7);
    }

    @Test
    void rejectsFlippedFriFinalPolynomialBit() {
        assertEveryFlipRejected(LAYOUT.friFinalPoly(), 8);
    }

    @Test
    void rejectsFlippedFriProofOfWorkBit() {
        assertEveryFlipRejected(LAYOUT.friPow(), 9);
    }

    @Test
    void rejectsFlippedFriQueryBit() {
        assertEveryFlipRejected(LAYOUT.friQueries(), 10);
    }

    @Test
    void rejectsFlippedSectionLengthBit() {
        // the first length prefix, of the caps section
        assertEveryFlipRejected(new int[] {PlonkProofCodec.HEADER_BYTES, PlonkProofCodec.HEADER_BYTES + 4}, 12);
    }

    private static void assertEveryFlipRejected(int[] range, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < FLIPS_PER_SECTION; i++) {
            int bit = random.nextInt(8 * range[0], 8 * range[1]);
            byte[] tampered = BYTES.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            Verification v = Verifier.verify(PROVED.verifierKey(), tampered, PROVED.publicInputs());
            assertFalse(v.isAccepted(), "accepted a proof with bit " + bit + " flipped");
        }
    }
}
