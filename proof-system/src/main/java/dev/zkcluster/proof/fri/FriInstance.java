package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import java.util.List;

/**
 * A batched opening statement: initial oracles of the given widths, each column a polynomial of degree below
 * 2^degreeBits, and batches of polynomials opened at points with claimed values. FRI proves it by testing
 * that the combination
 *
 * <pre>  c(x) = Σ_b Σ_j α^(k_b + j)·(f_{b,j}(x) − v_{b,j}) / (x − z_b),   k_b = Σ_{b' &lt; b} |batch b'|  </pre>
 *
 * has degree below 2^degreeBits, with α drawn after the claimed values are observed.
 */
public record FriInstance(int degreeBits, List<Integer> oracleWidths, List<FriOpeningBatch> batches) {
    public FriInstance {
        oracleWidths = List.copyOf(oracleWidths);
        batches = List.copyOf(batches);
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("an opening instance needs at least one batch");
        }
        for (FriOpeningBatch batch : batches) {
            for (FriPolynomialRef ref : batch.polynomials()) {
                if (ref.oracle() < 0 || ref.oracle() >= oracleWidths.size()
                        || ref.column() < 0 || ref.column() >= oracleWidths.get(ref.oracle())) {
                    throw new IllegalArgumentException("opened polynomial " + ref + " is not in oracles of widths "
                            + oracleWidths);
                }
            }
        }
    }

    /** The total number of opened values, which is the number of α powers the combination uses. */
    public int openingCount() {
        return batches.stream().mapToInt(b -> b.polynomials().size()).sum();
    }

    /** Whether some opening point is a point of the LDE coset shift·⟨ω⟩ of size 2^logN, where x − z has no inverse. */
    boolean hasPointInDomain(int logN) {
        long shiftInv = Goldilocks.inverse(FriDomain.SHIFT);
        for (FriOpeningBatch batch : batches) {
            Ext2 z = batch.point();
            // z = 7·ω^k  iff  z is in the base field and (z/7)^(2^logN) = 1
            if (z.c1() == 0 && z.c0() != 0
                    && Goldilocks.exp(Goldilocks.mul(z.c0(), shiftInv), 1L << logN) == 1) {
                return true;
            }
        }
        return false;
    }
}
