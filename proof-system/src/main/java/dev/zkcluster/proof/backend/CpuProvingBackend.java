package dev.zkcluster.proof.backend;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriFolding;
import dev.zkcluster.proof.merkle.MerkleTree;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Lde;
import dev.zkcluster.proof.poly.Ntt;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/** The proving kernels on the CPU: the field, poly, merkle and fri primitives, parallel on a ForkJoin pool. */
public final class CpuProvingBackend implements ProvingBackend {
    private final ForkJoinPool pool;

    /** A backend on the common pool. */
    public CpuProvingBackend() {
        this(ForkJoinPool.commonPool());
    }

    public CpuProvingBackend(ForkJoinPool pool) {
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    @Override
    public String name() {
        return "cpu";
    }

    @Override
    public void forwardNtt(long[][] columns) {
        Ntt.forwardColumns(columns, pool);
    }

    @Override
    public void inverseNtt(long[][] columns) {
        Ntt.inverseColumns(columns, pool);
    }

    @Override
    public long[][] cosetLde(long[][] coefficients, int rateBits, long shift) {
        long[][] lde = Lde.fromCoefficients(coefficients, rateBits, shift, pool);
        forEach(lde.length, c -> BitReversal.permute(lde[c]));
        return lde;
    }

    // f(shift·y) = Σ (c_k·shift^k)·y^k: the plain inverse transform of the natural-order values gives c_k·shift^k
    @Override
    public long[][] cosetInterpolate(long[][] bitReversedValues, long shift) {
        long[][] out = new long[bitReversedValues.length][];
        long shiftInv = Goldilocks.inverse(shift);
        forEach(out.length, c -> {
            long[] column = bitReversedValues[c].clone();
            BitReversal.permute(column);
            Ntt.inverse(column);
            long power = 1;
            for (int k = 0; k < column.length; k++) {
                column[k] = Goldilocks.mul(column[k], power);
                power = Goldilocks.mul(power, shiftInv);
            }
            out[c] = column;
        });
        return out;
    }

    @Override
    public long[][] merkleLevels(long[][] columns, int capHeight) {
        return MerkleTree.fromColumns(columns, capHeight, pool).digestLevels();
    }

    @Override
    public long[][] quotientValues(QuotientInputs inputs) {
        return QuotientKernel.evaluate(inputs, this::forEach);
    }

    @Override
    public long[] friFold(long[] codeword, int logN, long shift, int arityBits, long beta0, long beta1) {
        return onPool(() -> FriFolding.foldCodeword(codeword, logN, shift, arityBits, new Ext2(beta0, beta1)));
    }

    /** Runs body(0 .. count − 1) in parallel on the pool. */
    private void forEach(int count, IntConsumer body) {
        // the caller of the common pool is one more worker
        int threads = pool == ForkJoinPool.commonPool() ? pool.getParallelism() + 1 : pool.getParallelism();
        if (count == 1 || threads == 1) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        onPool(() -> {
            IntStream.range(0, count).parallel().forEach(body);
            return null;
        });
    }

    /**
     * Runs a computation whose parallel streams should use the pool. On the common pool, or inside the pool, it runs
     * on the calling thread, which then works alongside the pool's workers instead of waiting for them.
     */
    private <T> T onPool(Supplier<T> work) {
        if (pool == ForkJoinPool.commonPool() || ForkJoinTask.getPool() == pool) {
            return work.get();
        }
        return pool.submit(work::get).join();
    }
}
