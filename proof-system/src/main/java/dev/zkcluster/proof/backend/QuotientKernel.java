package dev.zkcluster.proof.backend;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.OracleLayout;
import dev.zkcluster.proof.plonk.VanishingConstraints;
import dev.zkcluster.proof.plonk.algebra.BlockAlgebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.permutation.PermutationVars;
import dev.zkcluster.proof.poly.BitReversal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * The quotient over the quotient domain (the first n·2^quotientRateBits positions of the bit-reversed LDE, see
 * {@link QuotientInputs}) on the CPU: blocks of consecutive (bit-reversed) positions go through the shared
 * constraint code in the block algebra, one arena per task. Each constraint is folded into the per-challenge sums as
 * it is produced, with precomputed powers of α, so no constraint outlives its gate.
 */
final class QuotientKernel {
    /** Positions evaluated together: small enough that a gate's working set stays in cache. */
    static final int BLOCK = 64;
    /** Blocks per parallel task. */
    private static final int BLOCKS_PER_TASK = 16;

    interface Parallel {
        void forEach(int count, IntConsumer body);
    }

    private QuotientKernel() {}

    static long[][] evaluate(QuotientInputs in, Parallel parallel) {
        int rateBits = in.rateBits();
        int logN = in.degreeBits() + rateBits;
        int size = 1 << logN;
        Domain domain = Domain.cached(in.degreeBits(), rateBits);
        long[] shifts = PermutationArgument.cosetShifts(in.config().numRoutedWires());
        int challenges = in.config().numChallenges();
        long[][] alphaPowers = alphaPowers(in.alphas(), VanishingConstraints.count(in.gates(), in.config()));
        long[][] out = new long[challenges][size];
        int block = Math.min(BLOCK, size);
        int blocks = size / block;
        int tasks = (blocks + BLOCKS_PER_TASK - 1) / BLOCKS_PER_TASK;
        parallel.forEach(tasks, task -> {
            BlockEvaluator ev = new BlockEvaluator(in, domain, block, logN);
            for (int b = task * BLOCKS_PER_TASK; b < Math.min(blocks, (task + 1) * BLOCKS_PER_TASK); b++) {
                int from = b * block;
                ev.start(from);
                long[][] acc = ev.accumulate(shifts, alphaPowers);
                for (int k = 0; k < challenges; k++) {
                    // t_k(x) = Σ_j α_k^j·c_j(x) / Z_H(x)
                    for (int i = 0; i < block; i++) {
                        out[k][from + i] = Goldilocks.mul(acc[k][i], domain.zhInverse[from + i]);
                    }
                }
            }
        });
        return out;
    }

    /** α_k^j for every challenge k and constraint j < count. */
    private static long[][] alphaPowers(long[] alphas, int count) {
        long[][] powers = new long[alphas.length][];
        for (int k = 0; k < alphas.length; k++) {
            powers[k] = Goldilocks.powers(alphas[k], count);
        }
        return powers;
    }

    /** Per-position tables of the LDE coset 7·⟨ω_N⟩ in bit-reversed order: x, 1/Z_H(x) and L_1(x). */
    record Domain(long[] points, long[] zhInverse, long[] lagrangeFirst) {
        private static final Map<Long, Domain> CACHE = new ConcurrentHashMap<>();

        /** The tables for this shape, computed once per process; they are only read. */
        static Domain cached(int degreeBits, int rateBits) {
            return CACHE.computeIfAbsent(((long) degreeBits << 32) | rateBits, k -> of(degreeBits, rateBits));
        }

        static Domain of(int degreeBits, int rateBits) {
            int logN = degreeBits + rateBits;
            int size = 1 << logN;
            long n = 1L << degreeBits;
            long[] natural = Goldilocks.powers(Goldilocks.primitiveRootOfUnity(logN), size);
            long[] points = new long[size];
            for (int p = 0; p < size; p++) {
                points[p] = Goldilocks.mul(Goldilocks.GENERATOR, natural[BitReversal.reverse(p, logN)]);
            }
            // x^n = 7^n·ω_(2^rateBits)^(i mod 2^rateBits) takes 2^rateBits values on the coset
            long shiftN = Goldilocks.exp(Goldilocks.GENERATOR, n);
            long[] zh = new long[1 << rateBits];
            long[] roots = Goldilocks.powers(Goldilocks.primitiveRootOfUnity(rateBits), 1 << rateBits);
            for (int r = 0; r < zh.length; r++) {
                zh[r] = Goldilocks.sub(Goldilocks.mul(shiftN, roots[r]), 1);
            }
            long[] zhInvSmall = Goldilocks.batchInverse(zh);
            long[] zhInverse = new long[size];
            long[] nTimesXMinusOne = new long[size];
            for (int p = 0; p < size; p++) {
                zhInverse[p] = zhInvSmall[BitReversal.reverse(p, logN) & (zh.length - 1)];
                nTimesXMinusOne[p] = Goldilocks.mul(n, Goldilocks.sub(points[p], 1));
            }
            // L_1(x) = Z_H(x) / (n·(x − 1))
            long[] lagrangeFirst = Goldilocks.batchInverse(nTimesXMinusOne);
            for (int p = 0; p < size; p++) {
                lagrangeFirst[p] = Goldilocks.mul(lagrangeFirst[p],
                        zh[BitReversal.reverse(p, logN) & (zh.length - 1)]);
            }
            return new Domain(points, zhInverse, lagrangeFirst);
        }
    }

    /**
     * The values one block reads, copied on first use into buffers of its own that live until the next block, and
     * the per-challenge accumulators Σ_j α_k^j·c_j. Constraint temporaries come from the arena, which is emptied
     * after every gate, so the working set stays one gate's worth.
     */
    private static final class BlockEvaluator implements GateVars<long[]> {
        final BlockAlgebra alg;
        final PermutationVars<long[]>[] pairs;
        private final QuotientInputs in;
        private final OracleLayout layout;
        private final Domain domain;
        private final int logN;
        private final int step;
        private final int block;
        private final Columns wires;
        private final Columns constants;
        private final Columns zsPartials;
        private final Columns zNext;
        private final Columns publicInputHash;
        private final Columns points;
        private final long[][] acc;
        private final long[][] gateAcc;
        private final GateVars<long[]> gateVars;
        private int from;

        @SuppressWarnings("unchecked")
        BlockEvaluator(QuotientInputs in, Domain domain, int block, int logN) {
            this.in = in;
            this.layout = in.layout();
            this.domain = domain;
            this.logN = logN;
            this.block = block;
            this.step = 1 << in.rateBits();
            this.alg = new BlockAlgebra(block);
            this.wires = new Columns(in.wiresLde().length, block);
            this.constants = new Columns(in.constantsSigmasLde().length, block);
            this.zsPartials = new Columns(in.zsPartialsLde().length, block);
            this.zNext = new Columns(in.config().numChallenges(), block);
            this.publicInputHash = new Columns(in.publicInputHash().length, block);
            this.points = new Columns(2, block);
            this.acc = new long[in.config().numChallenges()][block];
            this.gateAcc = new long[in.config().numChallenges()][block];
            this.pairs = new PermutationVars[in.config().numChallenges()];
            for (int k = 0; k < pairs.length; k++) {
                pairs[k] = new Pair(k);
            }
            int selectors = in.gates().size();
            this.gateVars = new GateVars<>() {
                @Override
                public long[] wire(int index) {
                    return BlockEvaluator.this.wire(index);
                }

                @Override
                public long[] constant(int index) {
                    return BlockEvaluator.this.constant(selectors + index);
                }

                @Override
                public long[] publicInputHash(int index) {
                    return BlockEvaluator.this.publicInputHash(index);
                }
            };
        }

        void start(int blockStart) {
            from = blockStart;
            wires.clear();
            constants.clear();
            zsPartials.clear();
            zNext.clear();
            publicInputHash.clear();
            points.clear();
        }

        /**
         * Σ_j α_k^j·c_j over the block for every challenge k, with c_j in {@link VanishingConstraints} order: gate
         * constraint j is Σ_g selector_g·c_{g,j}, then the permutation constraints of each pair.
         */
        long[][] accumulate(long[] shifts, long[][] alphaPowers) {
            for (long[] a : acc) {
                Arrays.fill(a, 0);
            }
            List<Gate> gates = in.gates();
            int[] position = {0};
            // Σ_j α^j·selector_g·c_{g,j} = selector_g·Σ_j α^j·c_{g,j}: one multiplication by the selector per gate
            for (int g = 0; g < gates.size(); g++) {
                for (long[] a : gateAcc) {
                    Arrays.fill(a, 0);
                }
                position[0] = 0;
                gates.get(g).eval(alg, gateVars, c -> add(gateAcc, c, alphaPowers, position[0]++));
                long[] filter = constant(g);
                for (int k = 0; k < acc.length; k++) {
                    long[] a = acc[k];
                    long[] t = gateAcc[k];
                    for (int i = 0; i < block; i++) {
                        a[i] = BlockAlgebra.addCanonical(a[i], Goldilocks.mul(filter[i], t[i]));
                    }
                }
                alg.reset();
            }
            position[0] = CircuitData.numGateConstraints(gates);
            for (int k = 0; k < pairs.length; k++) {
                PermutationArgument.evalConstraints(alg, pairs[k], shifts, in.config().permutationChunkSize(),
                        in.betas()[k], in.gammas()[k], c -> add(acc, c, alphaPowers, position[0]++));
                alg.reset();
            }
            return acc;
        }

        // sums_k += α_k^j·c
        private void add(long[][] sums, long[] c, long[][] alphaPowers, int j) {
            if (sums.length == 2) {
                long w0 = alphaPowers[0][j];
                long w1 = alphaPowers[1][j];
                long[] s0 = sums[0];
                long[] s1 = sums[1];
                for (int i = 0; i < block; i++) {
                    long v = c[i];
                    s0[i] = BlockAlgebra.addCanonical(s0[i], Goldilocks.mul(v, w0));
                    s1[i] = BlockAlgebra.addCanonical(s1[i], Goldilocks.mul(v, w1));
                }
                return;
            }
            for (int k = 0; k < sums.length; k++) {
                long w = alphaPowers[k][j];
                long[] s = sums[k];
                for (int i = 0; i < block; i++) {
                    s[i] = BlockAlgebra.addCanonical(s[i], Goldilocks.mul(c[i], w));
                }
            }
        }

        @Override
        public long[] wire(int index) {
            return wires.load(index, in.wiresLde()[index], from);
        }

        @Override
        public long[] constant(int index) {
            return constants.load(index, in.constantsSigmasLde()[index], from);
        }

        @Override
        public long[] publicInputHash(int index) {
            long[] r = publicInputHash.buffer(index);
            if (!publicInputHash.loaded(index)) {
                Arrays.fill(r, Goldilocks.canonical(in.publicInputHash()[index]));
                publicInputHash.markLoaded(index);
            }
            return r;
        }

        long[] zsPartial(int column) {
            return zsPartials.load(column, in.zsPartialsLde()[column], from);
        }

        // Z(ω·x): ω = ω_N^(2^rateBits), so the natural index moves by 2^rateBits
        long[] zNext(int k) {
            long[] r = zNext.buffer(k);
            if (!zNext.loaded(k)) {
                long[] z = in.zsPartialsLde()[layout.zColumn(k)];
                int mask = (1 << logN) - 1;
                for (int i = 0; i < block; i++) {
                    int natural = BitReversal.reverse(from + i, logN);
                    r[i] = z[BitReversal.reverse((natural + step) & mask, logN)];
                }
                zNext.markLoaded(k);
            }
            return r;
        }

        long[] x() {
            return points.load(0, domain.points(), from);
        }

        long[] lagrangeFirst() {
            return points.load(1, domain.lagrangeFirst(), from);
        }

        private final class Pair implements PermutationVars<long[]> {
            private final int k;

            Pair(int k) {
                this.k = k;
            }

            @Override
            public long[] x() {
                return BlockEvaluator.this.x();
            }

            @Override
            public long[] lagrangeFirst() {
                return BlockEvaluator.this.lagrangeFirst();
            }

            @Override
            public long[] wire(int routedIndex) {
                return BlockEvaluator.this.wire(routedIndex);
            }

            @Override
            public long[] sigma(int routedIndex) {
                return constant(layout.sigmaColumn(routedIndex));
            }

            @Override
            public long[] z() {
                return zsPartial(layout.zColumn(k));
            }

            @Override
            public long[] zNext() {
                return BlockEvaluator.this.zNext(k);
            }

            @Override
            public long[] partialProduct(int chunk) {
                return zsPartial(layout.partialColumn(k, chunk));
            }
        }
    }

    /** One block-sized buffer per column, with a flag per column saying whether it holds the current block. */
    private static final class Columns {
        private final long[][] buffers;
        private final boolean[] loaded;

        Columns(int count, int block) {
            this.buffers = new long[count][block];
            this.loaded = new boolean[count];
        }

        void clear() {
            Arrays.fill(loaded, false);
        }

        long[] buffer(int index) {
            return buffers[index];
        }

        boolean loaded(int index) {
            return loaded[index];
        }

        void markLoaded(int index) {
            loaded[index] = true;
        }

        long[] load(int index, long[] src, int from) {
            long[] r = buffers[index];
            if (!loaded[index]) {
                System.arraycopy(src, from, r, 0, r.length);
                loaded[index] = true;
            }
            return r;
        }
    }
}
