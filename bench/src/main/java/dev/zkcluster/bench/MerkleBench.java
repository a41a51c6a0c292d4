package dev.zkcluster.bench;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.merkle.MerkleTree;
import java.util.SplittableRandom;
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
 * Builds a Merkle tree over 2^16 rows of 135 columns (the PLONK wire count), cap height 4. {@code threads} = 0
 * uses the common pool; any other value a dedicated pool of that many threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class MerkleBench {
    @Param({"16"})
    public int logRows;

    @Param({"135"})
    public int columnCount;

    @Param({"0", "1"})
    public int threads;

    private long[][] columns;
    private ForkJoinPool pool;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(2024);
        columns = new long[columnCount][1 << logRows];
        for (long[] column : columns) {
            for (int i = 0; i < column.length; i++) {
                column[i] = Goldilocks.canonical(random.nextLong());
            }
        }
        pool = threads == 0 ? ForkJoinPool.commonPool() : new ForkJoinPool(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (pool != ForkJoinPool.commonPool()) {
            pool.shutdown();
        }
    }

    @Benchmark
    public MerkleCap buildFromColumns() {
        return MerkleTree.fromColumns(columns, MerkleTree.DEFAULT_CAP_HEIGHT, pool).cap();
    }
}
