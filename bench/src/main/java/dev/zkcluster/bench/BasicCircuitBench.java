package dev.zkcluster.bench;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.basic.BasicCircuit;
import dev.zkcluster.circuits.rollup.exec.BasicInstance;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProverOutput;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time for one full basic instance of each kind at the production capacity (64 ops): witness generation plus proof,
 * each part alone, and verification. The trace size and proof size of each circuit are printed at set-up. A padding
 * instance (count 0, what an empty kind costs) runs with {@code -p ops=0}; another capacity with
 * {@code -p capacity=N}.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar BasicCircuitBench -f 1 -wi 1 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class BasicCircuitBench {
    @Param({"DEPOSIT", "TRANSFER", "WITHDRAWAL"})
    public OpKind kind;

    @Param({"64"})
    public int capacity;

    /** Active ops in the instance: {@code -1} fills it to capacity, 0 is a padding instance. */
    @Param({"-1"})
    public int ops;

    private final ProvingBackend backend = new CpuProvingBackend();
    private BasicCircuit circuit;
    private ProvingKey key;
    private BasicInstance instance;
    private WitnessVector witness;
    private byte[] proof;

    @Setup(Level.Trial)
    public void setUp() {
        circuit = BasicCircuit.build(kind, capacity);
        key = ProvingKey.setup(circuit.data(), backend);
        // exactly one instance of each kind, with `ops` active ops (capacity when -1)
        int n = ops < 0 ? capacity : Math.min(ops, capacity);
        var batch = BatchGenerator.generate(new BatchSpec(1, "0.1.0", 100, n, n, n, 1));
        Execution e = new BatchExecutor(ExecutorLimits.DEFAULT, capacity).execute(batch);
        instance = ((Execution.Executed) e).batch().instances().get(kind).get(0);
        witness = WitnessGeneration.generate(circuit.data(), circuit.witness(instance));
        proof = PlonkProofCodec.encode(Prover.prove(key, witness, backend).proof());
        System.out.printf("%n%s capacity %d, %d active ops: 2^%d = %d rows, proof %d bytes%n", kind.circuitId(),
                capacity, instance.count(), circuit.data().degreeBits(), circuit.data().numRows(), proof.length);
    }

    @Benchmark
    public ProverOutput witnessAndProve() {
        WitnessVector w = WitnessGeneration.generate(circuit.data(), circuit.witness(instance));
        return Prover.prove(key, w, backend);
    }

    @Benchmark
    public WitnessVector witnessOnly() {
        return WitnessGeneration.generate(circuit.data(), circuit.witness(instance));
    }

    @Benchmark
    public ProverOutput proveOnly() {
        return Prover.prove(key, witness, backend);
    }

    @Benchmark
    public Verification verify() {
        Verification v = Verifier.verify(key.verifierKey(), proof, witness.publicInputs());
        if (!(v instanceof Verification.Accepted)) {
            throw new IllegalStateException(kind + " proof rejected: " + v);
        }
        return v;
    }
}
