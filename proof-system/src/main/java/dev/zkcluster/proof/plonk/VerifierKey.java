package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.gates.Gate;
import java.util.List;

/**
 * Everything the verifier needs about a circuit: its shape (config with the FRI parameters, degree bits, gates in
 * selector order, number of public inputs), the Merkle cap of the preprocessed constants-and-sigmas oracle, and the
 * circuit digest. {@link #digest()} names the key: equal keys have equal digests, and a key that differs in any
 * field has another digest.
 */
public record VerifierKey(
        CircuitConfig config,
        int degreeBits,
        List<Gate> gates,
        int numPublicInputs,
        MerkleCap constantsSigmasCap,
        Digest circuitDigest) {
    /** ASCII "plonkvk1" as one element (below p). */
    static final long DOMAIN_TAG = 0x706c6f6e6b766b31L;

    public VerifierKey {
        gates = List.copyOf(gates);
        if (degreeBits < CircuitBuilder.MIN_DEGREE_BITS || degreeBits > config.fri().maxDegreeBits()) {
            throw new IllegalArgumentException("degree bits " + degreeBits + " outside ["
                    + CircuitBuilder.MIN_DEGREE_BITS + ", " + config.fri().maxDegreeBits() + "]");
        }
    }

    public int numRows() {
        return 1 << degreeBits;
    }

    public OracleLayout layout() {
        return OracleLayout.of(config, gates.size());
    }

    /**
     * The elements {@link #digest()} hashes before the cap size: the tag and the shape. A recursive verifier that
     * takes the cap and circuit digest as witness recomputes the key digest from this prefix.
     */
    public long[] digestShapePrefix() {
        CircuitDigest.LongSequence seq = new CircuitDigest.LongSequence();
        seq.add(DOMAIN_TAG);
        CircuitDigest.appendShape(seq, config, degreeBits, gates, numPublicInputs);
        return java.util.Arrays.copyOf(seq.values, seq.size);
    }

    /** hashNoPad(tag, shape as in the circuit digest, cap digests, circuit digest). */
    public Digest digest() {
        CircuitDigest.LongSequence seq = new CircuitDigest.LongSequence();
        seq.add(DOMAIN_TAG);
        CircuitDigest.appendShape(seq, config, degreeBits, gates, numPublicInputs);
        seq.add(constantsSigmasCap.size());
        for (Digest d : constantsSigmasCap.digests()) {
            seq.addAll(d.toArray());
        }
        seq.addAll(circuitDigest.toArray());
        return Poseidon2Hash.hashNoPad(seq.values, 0, seq.size);
    }
}
