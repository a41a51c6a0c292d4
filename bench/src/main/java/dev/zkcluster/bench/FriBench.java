package dev.zkcluster.bench;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.fri.FriProof;
import dev.zkcluster.proof.fri.FriProver;
import dev.zkcluster.proof.fri.FriVerification;
import dev.zkcluster.proof.fri.FriVerifier;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Lde;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * FRI low-degree test of one extension-field codeword under the standard configuration: the prover's commit phase,
 * grinding and query openings, and the verifier on the resulting proof. The codeword (the bit-reversed LDE of a
 * random polynomial of degree below 2^degreeBits) is built once in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class FriBench {
    @Param({"16"})
    public int degreeBits;

    private final FriConfig config = FriConfig.standard();
    private long[] codeword;
    private FriProof proof;

    @Setup
    public void setUp() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 1 << degreeBits;
        long[][] halves = new long[2][];
        for (int h = 0; h < 2; h++) {
            long[] coeffs = new long[n];
            for (int i = 0; i < n; i++) {
                coeffs[i] = Goldilocks.canonical(rng.nextLong());
            }
            halves[h] = Lde.fromCoefficients(coeffs, config.rateBits(), Goldilocks.GENERATOR);
            BitReversal.permute(halves[h]);
        }
        codeword = new long[2 * halves[0].length];
        for (int i = 0; i < halves[0].length; i++) {
            codeword[2 * i] = halves[0][i];
            codeword[2 * i + 1] = halves[1][i];
        }
        proof = FriProver.proveLowDegree(config, degreeBits, codeword, new Challenger());
        FriVerification verdict = FriVerifier.verifyLowDegree(config, degreeBits, proof, new Challenger());
        if (!verdict.isAccepted()) {
            throw new IllegalStateException("benchmark proof does not verify: " + verdict);
        }
    }

    @Benchmark
    public FriProof prove() {
        return FriProver.proveLowDegree(config, degreeBits, codeword, new Challenger());
    }

    @Benchmark
    public FriVerification verify() {
        return FriVerifier.verifyLowDegree(config, degreeBits, proof, new Challenger());
    }
}
