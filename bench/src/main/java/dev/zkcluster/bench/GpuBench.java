package dev.zkcluster.bench;

import dev.zkcluster.gpu.CudaProvingBackend;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProverOutput;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The CUDA backend against the CPU backend in the same run: a batch NTT of 16 columns at 2^20 and 2^24, a Merkle tree
 * over 2^20 rows × 135 columns, and a whole proof of a 2^16-row circuit. Each timing includes the copies between
 * the Java heap and the device, as the prover sees them through the SPI. The {@code cuda} trials need a CUDA device
 * and fail at set-up, saying so, without one; run only the CPU side with {@code -p backend=cpu}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class GpuBench {

    static ProvingBackend open(String backend) {
        switch (backend) {
            case "cpu":
                return new CpuProvingBackend();
            case "cuda":
                return CudaProvingBackend.open(0, 0);
            default:
                throw new IllegalArgumentException("backend must be cpu or cuda, got " + backend);
        }
    }

    static void close(ProvingBackend backend) {
        if (backend instanceof CudaProvingBackend cuda) {
            cuda.close();
        }
    }

    static long[][] randomColumns(int columns, int length, long seed) {
        long[][] out = new long[columns][];
        IntStream.range(0, columns).parallel().forEach(c -> {
            SplittableRandom random = new SplittableRandom(seed + c);
            long[] column = new long[length];
            for (int i = 0; i < length; i++) {
                column[i] = Goldilocks.canonical(random.nextLong());
            }
            out[c] = column;
        });
        return out;
    }

    /** A forward NTT of 16 columns, in place (each call transforms the previous call's output). */
    @State(Scope.Benchmark)
    public static class NttState {
        @Param({"cpu", "cuda"})
        public String backend;

        @Param({"20", "24"})
        public int logN;

        ProvingBackend impl;
        long[][] columns;

        @Setup(Level.Trial)
        public void setUp() {
            impl = open(backend);
            columns = randomColumns(16, 1 << logN, logN);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close(impl);
        }
    }

    @Benchmark
    public long[][] ntt16Columns(NttState state) {
        state.impl.forwardNtt(state.columns);
        return state.columns;
    }

    /** Merkle digest levels (cap height 4) over 2^20 rows of 135 columns, the PLONK trace width. */
    @State(Scope.Benchmark)
    public static class MerkleState {
        @Param({"cpu", "cuda"})
        public String backend;

        ProvingBackend impl;
        long[][] columns;

        @Setup(Level.Trial)
        public void setUp() {
            impl = open(backend);
            columns = randomColumns(135, 1 << 20, 135);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close(impl);
        }
    }

    @Benchmark
    public long[][] merkle2p20x135(MerkleState state) {
        return state.impl.merkleLevels(state.columns, 4);
    }

    /** A whole proof of a Poseidon2-chain circuit of 2^16 rows, standard configuration (16 grinding bits). */
    @State(Scope.Benchmark)
    public static class ProofState {
        @Param({"cpu", "cuda"})
        public String backend;

        ProvingBackend impl;
        ProvingKey key;
        WitnessVector witness;

        @Setup(Level.Trial)
        public void setUp() {
            impl = open(backend);
            CircuitBuilder b = new CircuitBuilder(CircuitConfig.standard());
            Target x = b.addVirtualTarget();
            Target y = b.addVirtualTarget();
            List<Target> state = new ArrayList<>(List.of(x, y));
            while (state.size() < 12) {
                state.add(b.zero());
            }
            for (int i = 0; i < (1 << 16) - 2; i++) {
                state = b.permute(state);
            }
            b.registerPublicInput(state.get(0));
            CircuitData circuit = b.build();
            key = ProvingKey.setup(circuit, impl);
            witness = WitnessGeneration.generate(circuit, new PartialWitness().set(x, 1).set(y, 2));
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            close(impl);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public ProverOutput prove2p16(ProofState state) {
        ProverOutput out = Prover.prove(state.key, state.witness, state.impl);
        System.out.printf("%n[GpuBench %s] %s%n", state.backend, out.timing().summary());
        return out;
    }
}
