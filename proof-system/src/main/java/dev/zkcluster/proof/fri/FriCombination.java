package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.backend.ProvingBackend;
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
        return codeword(instance, oracles, alpha, logN, null);
    }

    /**
     * The same codeword. Where every oracle kept its coefficients and a backend is given, each batch's Σ_j w_j·f_j is
     * formed on the coefficients and extended once through the backend, which gives the same values as summing the
     * LDE columns (the LDE is linear) for a fraction of the multiplications.
     */
    static long[] codeword(
            FriInstance instance, List<FriOracle> oracles, Ext2 alpha, int logN, ProvingBackend backend) {
        boolean fromCoefficients = backend != null && oracles.stream().allMatch(o -> o.coefficients() != null);
        if (!fromCoefficients && !oracles.stream().allMatch(FriOracle::keepsWholeLde)) {
            throw new IllegalArgumentException("an oracle that keeps a prefix of its LDE needs a backend to extend its "
                    + "coefficients");
        }
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
                columns[j] = fromCoefficients ? null : oracles.get(ref.oracle()).ldeColumns()[ref.column()];
                weights[2 * j] = alphaPow.c0();
                weights[2 * j + 1] = alphaPow.c1();
                claimed = claimed.add(alphaPow.mul(batch.values().get(j)));
                alphaPow = alphaPow.mul(alpha);
            }
            long[][] sums;
            if (fromCoefficients) {
                long[][] coefficients = new long[m][];
                for (int j = 0; j < m; j++) {
                    FriPolynomialRef ref = batch.polynomials().get(j);
                    coefficients[j] = oracles.get(ref.oracle()).coefficients()[ref.column()];
                }
                int rateBits = logN - Integer.numberOfTrailingZeros(coefficients[0].length);
                sums = backend.cosetLde(weightedSums(coefficients, weights), rateBits, FriDomain.SHIFT);
            } else {
                sums = weightedSums(columns, weights);
            }
            addBatch(out, points, logN, sums[0], sums[1], claimed, batch.point());
        }
        return out;
    }

    /** (Σ_j w0_j·f_j, Σ_j w1_j·f_j) position by position, for columns f_j of one length and weights (w0_j, w1_j). */
    static long[][] weightedSums(long[][] columns, long[] weights) {
        int n = columns[0].length;
        long[] acc0 = new long[n];
        long[] acc1 = new long[n];
        int chunk = Math.min(n, CHUNK);
        IntStream.range(0, n / chunk).parallel().forEach(c -> {
            int from = c * chunk;
            int to = from + chunk;
            for (int j = 0; j < columns.length; j++) {
                long w0 = weights[2 * j];
                long w1 = weights[2 * j + 1];
                long[] column = columns[j];
                for (int i = from; i < to; i++) {
                    long f = column[i];
                    acc0[i] = Goldilocks.add(acc0[i], Goldilocks.mul(w0, f));
                    acc1[i] = Goldilocks.add(acc1[i], Goldilocks.mul(w1, f));
                }
            }
        });
        return new long[][] {acc0, acc1};
    }

    // out(x) += (Σ_j w_j·f_j(x) − claimed) / (x − z) at every LDE position
    private static void addBatch(
            long[] out, long[] points, int logN, long[] sums0, long[] sums1, Ext2 claimed, Ext2 z) {
        int n = 1 << logN;
        int chunk = Math.min(n, CHUNK);
        IntStream.range(0, n / chunk).parallel().forEach(c -> {
            int from = c * chunk;
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
                long num0 = Goldilocks.sub(sums0[from + i], claimed.c0());
                long num1 = Goldilocks.sub(sums1[from + i], claimed.c1());
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
