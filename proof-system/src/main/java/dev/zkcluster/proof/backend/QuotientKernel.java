package dev.zkcluster.proof.backend;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.OracleLayout;
import dev.zkcluster.proof.plonk.VanishingConstraints;
import dev.zkcluster.proof.plonk.algebra.BlockAlgebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.permutation.PermutationVars;
import dev.zkcluster.proof.poly.BitReversal;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * The quotient over the LDE on the CPU: blocks of consecutive (bit-reversed) positions go through the shared
 * constraint code in the block algebra, one arena per task.
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
        Domain domain = Domain.of(in.degreeBits(), rateBits);
        long[] shifts = PermutationArgument.cosetShifts(in.config().numRoutedWires());
        int challenges = in.config().numChallenges();
        long[][] out = new long[challenges][size];
        int block = Math.min(BLOCK, size);
        int blocks = size / block;
        int tasks = (blocks + BLOCKS_PER_TASK - 1) / BLOCKS_PER_TASK;
        parallel.forEach(tasks, task -> {
            BlockEvaluator ev = new BlockEvaluator(in, domain, block, logN);
            for (int b = task * BLOCKS_PER_TASK; b < Math.min(blocks, (task + 1) * BLOCKS_PER_TASK); b++) {
                int from = b * block;
                ev.start(from);
                List<long[]> constraints = VanishingConstraints.evaluate(ev.alg, in.gates(), in.config(), ev,
                        k -> ev.pairs[k], shifts, in.betas(), in.gammas());
                for (int k = 0; k < challenges; k++) {
                    long[] combined = VanishingConstraints.combine(ev.alg, constraints, in.alphas()[k]);
                    // t_k(x) = Σ_j α_k^j·c_j(x) / Z_H(x)
                    for (int i = 0; i < block; i++) {
                        out[k][from + i] = Goldilocks.mul(combined[i], domain.zhInverse[from + i]);
                    }
                }
            }
        });
        return out;
    }

    /** Per-position tables of the LDE coset 7·⟨ω_N⟩ in bit-reversed order: x, 1/Z_H(x) and L_1(x). */
    record Domain(long[] points, long[] zhInverse, long[] lagrangeFirst) {
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

    /** The values one block reads, loaded on first use and kept until the next block. */
    private static final class BlockEvaluator implements GateVars<long[]> {
        final BlockAlgebra alg;
        final PermutationVars<long[]>[] pairs;
        private final QuotientInputs in;
        private final OracleLayout layout;
        private final Domain domain;
        private final int logN;
        private final int step;
        private final long[][] wires;
        private final long[][] constants;
        private final long[][] zsPartials;
        private final long[][] zNext;
        private final long[][] publicInputHash;
        private long[] x;
        private long[] lagrangeFirst;
        private int from;

        @SuppressWarnings("unchecked")
        BlockEvaluator(QuotientInputs in, Domain domain, int block, int logN) {
            this.in = in;
            this.layout = in.layout();
            this.domain = domain;
            this.logN = logN;
            this.step = 1 << in.rateBits();
            this.alg = new BlockAlgebra(block);
            this.wires = new long[in.wiresLde().length][];
            this.constants = new long[in.constantsSigmasLde().length][];
            this.zsPartials = new long[in.zsPartialsLde().length][];
            this.zNext = new long[in.config().numChallenges()][];
            this.publicInputHash = new long[in.publicInputHash().length][];
            this.pairs = new PermutationVars[in.config().numChallenges()];
            for (int k = 0; k < pairs.length; k++) {
                pairs[k] = new Pair(k);
            }
        }

        void start(int blockStart) {
            alg.reset();
            from = blockStart;
            Arrays.fill(wires, null);
            Arrays.fill(constants, null);
            Arrays.fill(zsPartials, null);
            Arrays.fill(zNext, null);
            Arrays.fill(publicInputHash, null);
            x = null;
            lagrangeFirst = null;
        }

        @Override
        public long[] wire(int index) {
            if (wires[index] == null) {
                wires[index] = alg.load(in.wiresLde()[index], from);
            }
            return wires[index];
        }

        @Override
        public long[] constant(int index) {
            if (constants[index] == null) {
                constants[index] = alg.load(in.constantsSigmasLde()[index], from);
            }
            return constants[index];
        }

        @Override
        public long[] publicInputHash(int index) {
            if (publicInputHash[index] == null) {
                publicInputHash[index] = alg.constant(in.publicInputHash()[index]);
            }
            return publicInputHash[index];
        }

        long[] zsPartial(int column) {
            if (zsPartials[column] == null) {
                zsPartials[column] = alg.load(in.zsPartialsLde()[column], from);
            }
            return zsPartials[column];
        }

        // Z(ω·x): ω = ω_N^(2^rateBits), so the natural index moves by 2^rateBits
        long[] zNext(int k) {
            if (zNext[k] == null) {
                long[] z = in.zsPartialsLde()[layout.zColumn(k)];
                long[] r = alg.allocate();
                int mask = (1 << logN) - 1;
                for (int i = 0; i < r.length; i++) {
                    int natural = BitReversal.reverse(from + i, logN);
                    r[i] = z[BitReversal.reverse((natural + step) & mask, logN)];
                }
                zNext[k] = r;
            }
            return zNext[k];
        }

        long[] x() {
            if (x == null) {
                x = alg.load(domain.points(), from);
            }
            return x;
        }

        long[] lagrangeFirst() {
            if (lagrangeFirst == null) {
                lagrangeFirst = alg.load(domain.lagrangeFirst(), from);
            }
            return lagrangeFirst;
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
}
