package dev.zkcluster.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProofBlobTest {
    private final ProofBlob blob = new ProofBlob("0.1.0-tiny", 2, "transfer.depth1", 1, 3, new long[] {5, -1, 0},
            "ab12", new byte[] {9, 8, 7, 6});

    @Test
    void roundTrip() {
        ProofBlob back = ProofBlob.decode(blob.encode());
        assertEquals(blob.circuit(), back.circuit());
        assertEquals(blob.seq(), back.seq());
        assertArrayEquals(blob.publicInputs(), back.publicInputs());
        assertEquals(blob.verifierKeyDigest(), back.verifierKeyDigest());
        assertArrayEquals(blob.proof(), back.proof());
    }

    @Test
    void truncatedOrExtendedOrForeignBytesAreRefused() {
        byte[] bytes = blob.encode();
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] part = Arrays.copyOf(bytes, cut);
            assertThrows(IllegalArgumentException.class, () -> ProofBlob.decode(part), "cut at " + cut);
        }
        assertThrows(IllegalArgumentException.class, () -> ProofBlob.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        byte[] foreign = bytes.clone();
        foreign[0] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> ProofBlob.decode(foreign));
    }
}
