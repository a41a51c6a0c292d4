package dev.zkcluster.proof.plonk.permutation;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import java.util.HashSet;
import java.util.Set;

/**
 * The copy-constraint argument, minus commitments: coset shifts, the grand product Z with its partial products, and
 * the constraints that tie them together, written once in a generic algebra for the prover's quotient and the
 * verifier.
 *
 * <p>Routed wire column j at row i carries the identity label k_j·ω^i, and σ_j(ω^i) is the label of the next cell in
 * its copy cycle. With shifts k_j = 7^j the cosets k_j·H are disjoint for every subgroup H of size ≤ 2^32: k_a·H =
 * k_b·H iff 7^((a−b)·n) = 1 iff (p − 1) | (a − b)·n, impossible for 0 < |a − b| < 2^32 − 1.
 *
 * <p>Per challenge pair (β, γ), with f_j = w_j + β·k_j·x + γ and g_j = w_j + β·σ_j + γ, the routed wires are cut into
 * chunks of {@code chunkSize} (8 with quotient degree factor 8). Partial products π_0..π_{m−2} (m chunks) satisfy
 * π_c = π_{c−1}·Π_{j∈c} f_j / g_j with π_{−1} = Z(x) and π_{m−1} = Z(ω·x). Each link is the constraint
 * π_{c−1}·Π_{j∈c} f_j − π_c·Π_{j∈c} g_j = 0, of degree chunkSize + 1 ≤ quotient degree factor + 1. Together with
 * L_1(x)·(Z(x) − 1) = 0 this gives m + 1 constraints per pair, and Z closes (Z(ω^n) = Z(1) = 1) exactly when every
 * copy cycle carries one value (with high probability over β, γ).
 */
public final class PermutationArgument {
    /** The base of the coset shifts k_j = 7^j. */
    public static final long SHIFT_BASE = Goldilocks.GENERATOR;

    private PermutationArgument() {}

    /** k_j = 7^j for j < numRoutedWires. */
    public static long[] cosetShifts(int numRoutedWires) {
        return Goldilocks.powers(SHIFT_BASE, numRoutedWires);
    }

    /** Whether the cosets k_j·H are pairwise disjoint for |H| = 2^degreeBits, by comparing the k_j^n. */
    public static boolean cosetsDisjoint(long[] shifts, int degreeBits) {
        Set<Long> seen = new HashSet<>();
        for (long k : shifts) {
            long kn = k;
            for (int i = 0; i < degreeBits; i++) {
                kn = Goldilocks.square(kn);
            }
            if (!seen.add(kn)) {
                return false;
            }
        }
        return true;
    }

    /** ω^0, ω^1, ..., ω^(n−1). */
    public static long[] subgroup(int logN) {
        return Goldilocks.powers(Goldilocks.primitiveRootOfUnity(logN), 1 << logN);
    }

    /**
     * The sigma columns as field values: cell (j, i) maps to the label k_{j'}·ω^{i'} of the cell that
     * {@code next[i·numRoutedWires + j] = i'·numRoutedWires + j'} names.
     */
    public static long[][] sigmaColumns(int[] next, int numRoutedWires, int logN, long[] shifts) {
        int n = 1 << logN;
        long[] h = subgroup(logN);
        long[][] sigma = new long[numRoutedWires][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < numRoutedWires; j++) {
                int target = next[i * numRoutedWires + j];
                sigma[j][i] = Goldilocks.mul(shifts[target % numRoutedWires], h[target / numRoutedWires]);
            }
        }
        return sigma;
    }

    /**
     * Z and the partial products over H for one challenge pair. {@code wires} and {@code sigmas} hold (at least) the
     * routed columns, each of length n.
     */
    public static GrandProduct grandProduct(
            long[][] wires, long[][] sigmas, long[] shifts, int logN, int chunkSize, long beta, long gamma) {
        int n = 1 << logN;
        int routed = shifts.length;
        int chunks = (routed + chunkSize - 1) / chunkSize;
        long[] h = subgroup(logN);
        // per row and chunk, Π f_j and Π g_j; the denominators are inverted in one batch
        long[] num = new long[n * chunks];
        long[] den = new long[n * chunks];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < chunks; c++) {
                long f = 1;
                long g = 1;
                for (int j = c * chunkSize; j < Math.min(routed, (c + 1) * chunkSize); j++) {
                    long w = wires[j][i];
                    long id = Goldilocks.mul(shifts[j], h[i]);
                    f = Goldilocks.mul(f, Goldilocks.add(Goldilocks.add(w, Goldilocks.mul(beta, id)), gamma));
                    g = Goldilocks.mul(g, Goldilocks.add(Goldilocks.add(w, Goldilocks.mul(beta, sigmas[j][i])), gamma));
                }
                num[i * chunks + c] = f;
                den[i * chunks + c] = g;
            }
        }
        long[] denInv = Goldilocks.batchInverse(den);
        long[] z = new long[n];
        long[][] partials = new long[chunks - 1][n];
        long acc = 1;
        for (int i = 0; i < n; i++) {
            z[i] = acc;
            for (int c = 0; c < chunks; c++) {
                acc = Goldilocks.mul(acc, Goldilocks.mul(num[i * chunks + c], denInv[i * chunks + c]));
                if (c < chunks - 1) {
                    partials[c][i] = acc;
                }
            }
        }
        return new GrandProduct(z, partials, acc);
    }

    /**
     * The m + 1 constraints of one challenge pair at a point (or block): first L_1(x)·(Z(x) − 1), then the m chunk
     * links in chunk order.
     */
    public static <T> void evalConstraints(
            Algebra<T> alg, PermutationVars<T> vars, long[] shifts, int chunkSize, long beta, long gamma,
            ConstraintSink<T> out) {
        evalConstraints(alg, vars, shifts, chunkSize, alg.constant(beta), alg.constant(gamma), out);
    }

    /**
     * As above, with β and γ given as algebra values: in a recursive verifier they are circuit values drawn from the
     * in-circuit transcript, not constants.
     */
    public static <T> void evalConstraints(
            Algebra<T> alg, PermutationVars<T> vars, long[] shifts, int chunkSize, T betaT, T gammaT,
            ConstraintSink<T> out) {
        int routed = shifts.length;
        int chunks = (routed + chunkSize - 1) / chunkSize;
        // L_1(x)·(Z(x) − 1) = 0
        out.accept(alg.mul(vars.lagrangeFirst(), alg.sub(vars.z(), alg.one())));
        T betaX = alg.mul(betaT, vars.x());
        T previous = vars.z();
        // π_{c−1}·Π f_j − π_c·Π g_j = 0, with f_j = (w_j + γ) + k_j·(β·x) and g_j = β·σ_j + (w_j + γ)
        for (int c = 0; c < chunks; c++) {
            T f = null;
            T g = null;
            for (int j = c * chunkSize; j < Math.min(routed, (c + 1) * chunkSize); j++) {
                T wPlusGamma = alg.add(vars.wire(j), gammaT);
                T fj = alg.scaleAdd(betaX, shifts[j], wPlusGamma);
                T gj = alg.mulAdd(betaT, vars.sigma(j), wPlusGamma);
                f = f == null ? fj : alg.mul(f, fj);
                g = g == null ? gj : alg.mul(g, gj);
            }
            T current = c < chunks - 1 ? vars.partialProduct(c) : vars.zNext();
            out.accept(alg.sub(alg.mul(previous, f), alg.mul(current, g)));
            previous = current;
        }
    }
}
