package dev.zkcluster.bench;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.poly.Ntt;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Forward NTT, natural order in and out (bit reversal included), as the scalar C yardstick times it:
 * {@code ref ntt 20 1} against {@link Single#forwardSingleThread} at logN = 20, and {@code ref ntt 16 64}
 * against {@link Batch#forwardColumns} with one thread. Transforms run in place on the same data each time,
 * which is the same work as on fresh data.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx4g"})
public class NttBench {
    // The C yardstick's input: (i·0x9e3779b97f4a7c15 mod 2^64) mod p.
    static long[] yardstickInput(int n, int offset) {
        long[] a = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = Goldilocks.canonical((long) (i + offset) * 0x9e3779b97f4a7c15L);
        }
        return a;
    }

    @State(Scope.Thread)
    public static class Single {
        @Param({"16", "20"})
        public int logN;

        long[] values;

        @Setup(Level.Trial)
        public void setUp() {
            values = yardstickInput(1 << logN, 0);
        }
    }

    @State(Scope.Thread)
    public static class Batch {
        static final int COLUMNS = 64;
        static final int LOG_N = 16;

        @Param({"1", "2"})
        public int threads;

        long[][] columns;
        ForkJoinPool pool;

        @Setup(Level.Trial)
        public void setUp() {
            columns = new long[COLUMNS][];
            for (int c = 0; c < COLUMNS; c++) {
                columns[c] = yardstickInput(1 << LOG_N, c << LOG_N);
            }
            pool = new ForkJoinPool(threads);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.shutdown();
        }
    }

    @Benchmark
    public long[] forwardSingleThread(Single state) {
        Ntt.forward(state.values);
        return state.values;
    }

    /** 64 columns of 2^16 on a pool of 1 or 2 workers. */
    @Benchmark
    public long[][] forwardColumns(Batch state) {
        Ntt.forwardColumns(state.columns, state.pool);
        return state.columns;
    }
}
