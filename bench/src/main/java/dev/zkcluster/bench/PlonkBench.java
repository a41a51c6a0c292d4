package dev.zkcluster.bench;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.ProofTiming;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProverOutput;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Prove and verify time and proof size of the standard configuration on Poseidon2-chain circuits that fill 2^12,
 * 2^14 and 2^16 rows. The prover's phase breakdown (averaged over the measured proofs) and the proof size are
 * printed at the end of each trial.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 2)
public class PlonkBench {
    @Param({"12", "14", "16"})
    public int degreeBits;

    private final ProvingBackend backend = new CpuProvingBackend();
    private final List<ProofTiming> timings = new ArrayList<>();
    private ProvingKey key;
    private VerifierKey verifierKey;
    private WitnessVector witness;
    private byte[] proofBytes;

    @Setup(Level.Trial)
    public void setUp() {
        CircuitData circuit = poseidonChain(degreeBits);
        key = ProvingKey.setup(circuit, backend);
        verifierKey = key.verifierKey();
        witness = WitnessGeneration.generate(circuit, new PartialWitness().set(start, 1).set(start2, 2));
        proofBytes = PlonkProofCodec.encode(Prover.prove(key, witness, backend).proof());
        timings.clear();
    }

    private Target start;
    private Target start2;

    // the state (x, y, 0, …) through 2^degreeBits − 2 permutations: with the constant row and the
    // public-input row the trace is exactly full
    private CircuitData poseidonChain(int bits) {
        CircuitBuilder b = new CircuitBuilder(CircuitConfig.standard());
        start = b.addVirtualTarget();
        start2 = b.addVirtualTarget();
        List<Target> state = new ArrayList<>();
        state.add(start);
        state.add(start2);
        while (state.size() < 12) {
            state.add(b.zero());
        }
        for (int i = 0; i < (1 << bits) - 2; i++) {
            state = b.permute(state);
        }
        b.registerPublicInput(state.get(0));
        CircuitData circuit = b.build();
        if (circuit.degreeBits() != bits) {
            throw new IllegalStateException("chain has 2^" + circuit.degreeBits() + " rows, wanted 2^" + bits);
        }
        return circuit;
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public ProverOutput prove() {
        ProverOutput out = Prover.prove(key, witness, backend);
        timings.add(out.timing());
        return out;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    public Verification verify() {
        Verification v = Verifier.verify(verifierKey, proofBytes, witness.publicInputs());
        if (!v.isAccepted()) {
            throw new IllegalStateException("benchmark proof rejected: " + v);
        }
        return v;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[PlonkBench 2^%d] proof size %d bytes%n", degreeBits, proofBytes.length);
        if (timings.isEmpty()) {
            return;
        }
        // the last three are the measured proofs; earlier ones are warm-up
        List<ProofTiming> measured = timings.subList(Math.max(0, timings.size() - 3), timings.size());
        long[] sums = new long[8];
        for (ProofTiming t : measured) {
            long[] parts = {t.witnessCheckNanos(), t.wiresNanos(), t.permutationNanos(), t.quotientNanos(),
                    t.openingsNanos(), t.friNanos(), t.totalNanos(), t.kernelNanos()};
            for (int i = 0; i < sums.length; i++) {
                sums[i] += parts[i];
            }
        }
        int c = measured.size();
        ProofTiming mean = new ProofTiming(sums[0] / c, sums[1] / c, sums[2] / c, sums[3] / c, sums[4] / c,
                sums[5] / c, sums[6] / c, sums[7] / c);
        System.out.printf("[PlonkBench 2^%d] mean of %d proofs: %s%n", degreeBits, c, mean.summary());
    }
}
