package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.fri.FriOracle;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleTree;
import dev.zkcluster.proof.poly.Lde;
import java.util.Arrays;

/**
 * What the prover keeps per circuit: the circuit, its verifier key, and the preprocessed constants-and-sigmas
 * oracle (coefficients for openings, LDE and Merkle tree for FRI). Built once by {@link #setup}, read-only after.
 */
public final class ProvingKey {
    private final CircuitData circuit;
    private final VerifierKey verifierKey;
    private final long[][] constantsSigmasCoefficients;
    private final FriOracle constantsSigmasOracle;

    private ProvingKey(CircuitData circuit, VerifierKey verifierKey, long[][] coefficients, FriOracle oracle) {
        this.circuit = circuit;
        this.verifierKey = verifierKey;
        this.constantsSigmasCoefficients = coefficients;
        this.constantsSigmasOracle = oracle;
    }

    /** Commits the constant and sigma columns of a circuit through the backend and derives its verifier key. */
    public static ProvingKey setup(CircuitData circuit, ProvingBackend backend) {
        CircuitConfig config = circuit.config();
        long[][] constants = circuit.constants();
        long[][] sigmas = circuit.sigmas();
        long[][] columns = new long[constants.length + sigmas.length][];
        for (int c = 0; c < constants.length; c++) {
            columns[c] = constants[c].clone();
        }
        for (int j = 0; j < sigmas.length; j++) {
            columns[constants.length + j] = sigmas[j].clone();
        }
        backend.inverseNtt(columns);
        Commitment commitment = Commitment.of(columns, config, backend);
        VerifierKey vk = new VerifierKey(config, circuit.degreeBits(), circuit.gates(), circuit.publicInputs().size(),
                commitment.oracle().tree().cap(), Digest.of(circuit.circuitDigest()));
        return new ProvingKey(circuit, vk, columns, commitment.oracle());
    }

    public CircuitData circuit() {
        return circuit;
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    long[][] constantsSigmasCoefficients() {
        return constantsSigmasCoefficients;
    }

    FriOracle constantsSigmasOracle() {
        return constantsSigmasOracle;
    }

    /**
     * A committed oracle: coefficients (for openings) and the LDE with its Merkle tree (for FRI). Where the FRI rate
     * is above the quotient's ({@link CircuitConfig#quotientRateBits()}), only the quotient-domain prefix of each LDE
     * column is kept once the tree is built; a query's row past it comes from the coefficients (see
     * {@link FriOracle}). At rate 7 over quotient rate 3 that keeps 1/16 of the LDE.
     */
    record Commitment(long[][] coefficients, FriOracle oracle) {
        static Commitment of(long[][] coefficients, CircuitConfig config, ProvingBackend backend) {
            FriConfig fri = config.fri();
            long[][] lde = backend.cosetLde(coefficients, fri.rateBits(), Lde.DEFAULT_SHIFT);
            long[][] levels = backend.merkleLevels(lde, fri.capHeight());
            int dropBits = fri.rateBits() - config.quotientRateBits();
            if (dropBits == 0) {
                return new Commitment(coefficients,
                        new FriOracle(lde, MerkleTree.fromColumnsAndLevels(lde, levels), coefficients));
            }
            int kept = lde[0].length >>> dropBits;
            for (int c = 0; c < lde.length; c++) {
                lde[c] = Arrays.copyOf(lde[c], kept);
            }
            return new Commitment(coefficients,
                    new FriOracle(lde, MerkleTree.fromLevels(lde.length, levels), coefficients));
        }
    }
}
