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
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProverOutput;
import dev.zkcluster.proof.plonk.ProvingKey;
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
 * Time for one full basic instance (64 ops) of each kind: witness generation plus proof, and each part alone. The
 * trace size of each circuit is printed at set-up.
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

    private final ProvingBackend backend = new CpuProvingBackend();
    private BasicCircuit circuit;
    private ProvingKey key;
    private BasicInstance instance;
    private WitnessVector witness;

    @Setup(Level.Trial)
    public void setUp() {
        int capacity = BasicCircuit.DEFAULT_CAPACITY;
        circuit = BasicCircuit.build(kind, capacity);
        key = ProvingKey.setup(circuit.data(), backend);
        // exactly one full instance of each kind
        var batch = BatchGenerator.generate(new BatchSpec(1, "0.1.0", 100, capacity, capacity, capacity, 1));
        Execution e = new BatchExecutor(ExecutorLimits.DEFAULT, capacity).execute(batch);
        instance = ((Execution.Executed) e).batch().instances().get(kind).get(0);
        witness = WitnessGeneration.generate(circuit.data(), circuit.witness(instance));
        System.out.printf("%n%s capacity %d: 2^%d = %d rows%n", kind.circuitId(), capacity,
                circuit.data().degreeBits(), circuit.data().numRows());
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
}
