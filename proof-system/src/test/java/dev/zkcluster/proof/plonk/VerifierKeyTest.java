package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier key's digest changes with every field of the key. */
class VerifierKeyTest {
    private static final VerifierKey KEY =
            ProvingKey.setup(TestCircuits.everyGate(ProofFixtures.FAST, 1).data(), ProofFixtures.CPU).verifierKey();

    @Test
    void digestDependsOnTheConstantsCap() {
        List<Digest> digests = new ArrayList<>(KEY.constantsSigmasCap().digests());
        digests.set(3, new Digest(1, 2, 3, 4));
        assertNotEquals(KEY.digest(), withCap(new MerkleCap(digests)).digest());
    }

    @Test
    void digestDependsOnTheCircuitDigest() {
        VerifierKey other = new VerifierKey(KEY.config(), KEY.degreeBits(), KEY.gates(), KEY.numPublicInputs(),
                KEY.constantsSigmasCap(), new Digest(5, 6, 7, 8));
        assertNotEquals(KEY.digest(), other.digest());
    }

    @Test
    void digestDependsOnTheShape() {
        VerifierKey fewerInputs = new VerifierKey(KEY.config(), KEY.degreeBits(), KEY.gates(),
                KEY.numPublicInputs() - 1, KEY.constantsSigmasCap(), KEY.circuitDigest());
        VerifierKey otherFri = new VerifierKey(KEY.config().withFri(FriConfig.standard()), KEY.degreeBits(),
                KEY.gates(), KEY.numPublicInputs(), KEY.constantsSigmasCap(), KEY.circuitDigest());
        VerifierKey otherSize = new VerifierKey(KEY.config(), KEY.degreeBits() + 1, KEY.gates(),
                KEY.numPublicInputs(), KEY.constantsSigmasCap(), KEY.circuitDigest());
        VerifierKey fewerGates = new VerifierKey(KEY.config(), KEY.degreeBits(), KEY.gates().subList(1,
                KEY.gates().size()), KEY.numPublicInputs(), KEY.constantsSigmasCap(), KEY.circuitDigest());
        assertNotEquals(KEY.digest(), fewerInputs.digest());
        assertNotEquals(KEY.digest(), otherFri.digest());
        assertNotEquals(KEY.digest(), otherSize.digest());
        assertNotEquals(KEY.digest(), fewerGates.digest());
    }

    private static VerifierKey withCap(MerkleCap cap) {
        return new VerifierKey(KEY.config(), KEY.degreeBits(), KEY.gates(), KEY.numPublicInputs(), cap,
                KEY.circuitDigest());
    }
}
