package dev.zkcluster.bench;

import dev.zkcluster.proof.hash.Poseidon2;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread Poseidon2 permutations, the same work as the C yardstick's {@code poseidon2 COUNT} mode: a chain
 * of permutations on one state that starts at (0, 1, ..., 11), each feeding the next, so that the time per
 * operation is the latency of one permutation.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Poseidon2Bench {
    private long[] state;

    @Setup
    public void setUp() {
        state = new long[Poseidon2.WIDTH];
        for (int i = 0; i < state.length; i++) {
            state[i] = i;
        }
    }

    /** Time per permutation, comparable to the yardstick's per_perm_ns. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long nanosPerPermutation() {
        Poseidon2.permute(state);
        return state[0];
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long permutationsPerSecond() {
        Poseidon2.permute(state);
        return state[0];
    }
}
