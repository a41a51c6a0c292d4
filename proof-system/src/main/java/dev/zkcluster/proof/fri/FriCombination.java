package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.poly.BitReversal;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The combination c(x) = Σ_b Σ_j α^(k_b + j)·(f_{b,j}(x) − v_{b,j}) / (x − z_b) of an {@link FriInstance}: over the
 * whole LDE for the prover, at one query point for the verifier. α's powers run in batch order, then polynomial
 * order within a batch, starting at α^0.
 */
final class FriCombination {
    private static final int CHUNK = 1 << 12;

    private FriCombination() {}

    /** The combined codeword (flat pairs) on the LDE coset of size 2^logN, in bit-reversed order. */
    static long[] codeword(FriInstance instance, List<FriOracle> oracles, Ext2 alpha, int logN) {
        int n = 1 << logN;
        long[] points = FriFolding.powers(Goldilocks.primitiveRootOfUnity(logN), FriDomain.SHIFT, n);
        long[] out = new long[2 * n];
        Ext2 alphaPow = Ext2.ONE;
        for (FriOpeningBatch batch : instance.batches()) {
            int m = batch.polynomials().size();
            long[][] columns = new long[m][];
            long[] weights = new long[2 * m];
            Ext2 claimed = Ext2.ZERO;
            for (int j = 0; j < m; j++) {
                FriPolynomialRef ref = batch.polynomials().get(j);
                columns[j] = oracles.get(ref.oracle()).ldeColumns()[ref.column()];
                weights[2 * j] = alphaPow.c0();
                weights[2 * j + 1] = alphaPow.c1();
                claimed = claimed.add(alphaPow.mul(batch.values().get(j)));
                alphaPow = alphaPow.mul(alpha);
            }
            addBatch(out, points, logN, columns, weights, claimed, batch.point());
        }
        return out;
    }

    // out(x) += (Σ_j w_j·f_j(x) − claimed) / (x − z) at every LDE position
    private static void addBatch(
            long[] out, long[] points, int logN, long[][] columns, long[] weights, Ext2 claimed, Ext2 z) {
        int n = 1 << logN;
        int chunk = Math.min(n, CHUNK);
        IntStream.range(0, n / chunk).parallel().forEach(c -> {
            int from = c * chunk;
            long[] acc0 = new long[chunk];
            long[] acc1 = new long[chunk];
            for (int j = 0; j < columns.length; j++) {
                long w0 = weights[2 * j];
                long w1 = weights[2 * j + 1];
                long[] column = columns[j];
                for (int i = 0; i < chunk; i++) {
                    long f = column[from + i];
                    acc0[i] = Goldilocks.add(acc0[i], Goldilocks.mul(w0, f));
                    acc1[i] = Goldilocks.add(acc1[i], Goldilocks.mul(w1, f));
                }
            }
            // 1/(a − z1·X) = (a + z1·X)/(a² − 7·z1²) with a = x − z0; only the base-field norms need inverting.
            long[] a = new long[chunk];
            long[] norms = new long[chunk];
            long z1Sq7 = Goldilocks.mul(Ext2.W, Goldilocks.square(z.c1()));
            for (int i = 0; i < chunk; i++) {
                long x = points[BitReversal.reverse(from + i, logN)];
                a[i] = Goldilocks.sub(x, z.c0());
                norms[i] = Goldilocks.sub(Goldilocks.square(a[i]), z1Sq7);
            }
            long[] normInv = Goldilocks.batchInverse(norms);
            for (int i = 0; i < chunk; i++) {
                long num0 = Goldilocks.sub(acc0[i], claimed.c0());
                long num1 = Goldilocks.sub(acc1[i], claimed.c1());
                long inv0 = Goldilocks.mul(a[i], normInv[i]);
                long inv1 = Goldilocks.mul(z.c1(), normInv[i]);
                int q = from + i;
                out[2 * q] = Goldilocks.add(out[2 * q],
                        Goldilocks.add(Goldilocks.mul(num0, inv0), Goldilocks.mul(Ext2.W, Goldilocks.mul(num1, inv1))));
                out[2 * q + 1] = Goldilocks.add(out[2 * q + 1],
                        Goldilocks.add(Goldilocks.mul(num0, inv1), Goldilocks.mul(num1, inv0)));
            }
        });
    }

    /** c(x) from the opened rows of every oracle at x; null if x is an opening point, where c is undefined. */
    static Ext2 value(FriInstance instance, List<long[]> rows, Ext2 alpha, long x) {
        Ext2 alphaPow = Ext2.ONE;
        Ext2 sum = Ext2.ZERO;
        Ext2 xExt = Ext2.ofBase(x);
        for (FriOpeningBatch batch : instance.batches()) {
            Ext2 numerator = Ext2.ZERO;
            for (int j = 0; j < batch.polynomials().size(); j++) {
                FriPolynomialRef ref = batch.polynomials().get(j);
                Ext2 opened = Ext2.ofBase(rows.get(ref.oracle())[ref.column()]);
                numerator = numerator.add(alphaPow.mul(opened.sub(batch.values().get(j))));
                alphaPow = alphaPow.mul(alpha);
            }
            Ext2 denominator = xExt.sub(batch.point());
            if (denominator.isZero()) {
                return null;
            }
            sum = sum.add(numerator.mul(denominator.inverse()));
        }
        return sum;
    }
}
