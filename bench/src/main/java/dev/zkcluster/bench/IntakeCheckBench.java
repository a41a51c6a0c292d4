package dev.zkcluster.bench;

import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.BatchViolation;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What intake pays per batch: {@link BatchExecutor#check} (every rule, the accounts' paths against the previous
 * root) and, for scale, {@link BatchExecutor#execute} (the witnesses too, what the witness generator computes), on
 * the orchestration benchmark's {@code 0.1.0-small} batch (40 accounts, 256 ops of each kind) or a larger one.
 *
 * <pre>
 * java -jar bench/target/benchmarks.jar IntakeCheckBench -f 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class IntakeCheckBench {
    @Param({"40"})
    public int accounts;

    @Param({"256"})
    public int opsPerKind;

    private Batch batch;
    private BatchExecutor executor;

    @Setup
    public void setUp() {
        ProtocolVersion version = ProtocolVersion.named("0.1.0-small").orElseThrow();
        batch = BatchGenerator.generate(new BatchSpec(1, version.version(), accounts, opsPerKind, opsPerKind,
                opsPerKind, 1));
        executor = new BatchExecutor(version.workload().limitsWithin(ExecutorLimits.DEFAULT),
                version.workload().capacity());
        if (executor.check(batch).isPresent()) {
            throw new IllegalStateException("the generated batch is refused: " + executor.check(batch).get());
        }
    }

    @Benchmark
    public Optional<BatchViolation> check() {
        return executor.check(batch);
    }

    @Benchmark
    public Execution execute() {
        return executor.execute(batch);
    }
}
