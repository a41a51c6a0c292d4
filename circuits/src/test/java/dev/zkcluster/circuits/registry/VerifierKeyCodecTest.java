package dev.zkcluster.circuits.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VerifierKeyCodecTest {
    private static VerifierKey key;

    @BeforeAll
    static void smallKey() {
        CircuitBuilder b = new CircuitBuilder(CircuitConfig.standard());
        Target x = b.addVirtualTarget();
        List<Target> h = b.hashNoPad(List.of(x, b.mul(x, x)));
        b.rangeCheck(x, 16);
        h.forEach(b::registerPublicInput);
        key = ProvingKey.setup(b.build(), new CpuProvingBackend()).verifierKey();
    }

    @Test
    void roundTripKeepsTheKeyAndItsDigest() {
        VerifierKeyDecoding decoded = VerifierKeyCodec.decode(VerifierKeyCodec.encode(key));
        VerifierKey back = assertInstanceOf(VerifierKeyDecoding.Decoded.class, decoded).key();
        assertEquals(key, back);
        assertEquals(key.digest(), back.digest());
    }

    @Test
    void everyTruncationIsMalformed() {
        byte[] bytes = VerifierKeyCodec.encode(key);
        for (int n = 0; n < bytes.length; n++) {
            assertInstanceOf(VerifierKeyDecoding.Malformed.class,
                    VerifierKeyCodec.decode(Arrays.copyOf(bytes, n)), "first " + n + " bytes");
        }
    }

    @Test
    void trailingBytesAndBadMagicAreMalformed() {
        byte[] bytes = VerifierKeyCodec.encode(key);
        assertInstanceOf(VerifierKeyDecoding.Malformed.class,
                VerifierKeyCodec.decode(Arrays.copyOf(bytes, bytes.length + 1)));
        bytes[0] ^= 1;
        assertInstanceOf(VerifierKeyDecoding.Malformed.class, VerifierKeyCodec.decode(bytes));
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(3);
        byte[] good = VerifierKeyCodec.encode(key);
        for (int i = 0; i < 2000; i++) {
            byte[] bytes = good.clone();
            bytes[8 + random.nextInt(bytes.length - 8)] = (byte) random.nextInt();
            VerifierKeyDecoding d = VerifierKeyCodec.decode(bytes);
            if (d instanceof VerifierKeyDecoding.Decoded decoded) {
                // a changed byte that still decodes names another key
                assertEquals(false, decoded.key().digest().equals(key.digest()) && !Arrays.equals(bytes, good));
            }
        }
    }
}
