package dev.zkcluster.bench;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Goldilocks multiplication, reported per multiplication: a dependent chain (latency) and an element-wise array
 * product (throughput).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FieldBench {
    private static final int N = 4096;

    private long[] a;
    private long[] b;
    private long[] out;
    private long seed;

    @Setup
    public void setUp() {
        SplittableRandom rnd = new SplittableRandom(1);
        a = new long[N];
        b = new long[N];
        out = new long[N];
        for (int i = 0; i < N; i++) {
            a[i] = Goldilocks.canonical(rnd.nextLong());
            b[i] = Goldilocks.canonical(rnd.nextLong());
        }
        seed = a[0];
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long mulDependentChain() {
        long x = seed;
        for (int i = 0; i < N; i++) {
            x = Goldilocks.mul(x, b[i]);
        }
        return x;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long[] mulIndependentArray() {
        for (int i = 0; i < N; i++) {
            out[i] = Goldilocks.mul(a[i], b[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public long[] addIndependentArray() {
        for (int i = 0; i < N; i++) {
            out[i] = Goldilocks.add(a[i], b[i]);
        }
        return out;
    }
}
