package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.merkle.MerkleTree;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Horner;

/**
 * A committed batch of base-field polynomials, as the prover holds it: each column is one polynomial's LDE on the
 * coset 7·⟨ω⟩ of size 2^(degreeBits + rateBits) in bit-reversed order, and leaf i of the tree is row i (every
 * column's value at position i). The verifier holds only the tree's cap.
 *
 * <p>{@code coefficients}, when the prover kept them (null otherwise), are the same polynomials' 2^degreeBits
 * coefficients per column; with them the FRI combination is formed on coefficients and extended once.
 *
 * <p>An oracle with coefficients may keep only a prefix of each LDE column (a power-of-two length, the same for every
 * column): the first 2^k positions of a bit-reversed LDE are the bit-reversed LDE on the coset of size 2^k, which is
 * all the quotient reads. A row past the prefix is then evaluated from the coefficients when a query opens it, so a
 * high-rate commitment costs its full LDE only while its tree is built.
 */
public record FriOracle(long[][] ldeColumns, MerkleTree tree, long[][] coefficients) {
    public FriOracle(long[][] ldeColumns, MerkleTree tree) {
        this(ldeColumns, tree, null);
    }

    public FriOracle {
        if (ldeColumns.length == 0 || ldeColumns.length != tree.leafWidth()) {
            throw new IllegalArgumentException(
                    "oracle has " + ldeColumns.length + " columns but its tree has leaves of " + tree.leafWidth());
        }
        if (coefficients != null && coefficients.length != ldeColumns.length) {
            throw new IllegalArgumentException(
                    "oracle has " + ldeColumns.length + " columns but " + coefficients.length + " coefficient columns");
        }
        int kept = ldeColumns[0].length;
        boolean prefix = kept != tree.leafCount();
        if (prefix && (coefficients == null || kept == 0 || kept > tree.leafCount() || Integer.bitCount(kept) != 1)) {
            throw new IllegalArgumentException("oracle column of " + kept + " values, tree has " + tree.leafCount()
                    + " leaves" + (coefficients == null ? "" : " (a kept prefix must be a power of two below that)"));
        }
        for (long[] column : ldeColumns) {
            if (column.length != kept) {
                throw new IllegalArgumentException(
                        "oracle column of " + column.length + " values, column 0 has " + kept);
            }
        }
    }

    public int width() {
        return ldeColumns.length;
    }

    /** Whether every LDE column is kept whole (not just a prefix). */
    public boolean keepsWholeLde() {
        return ldeColumns[0].length == tree.leafCount();
    }

    /** Every column's value at LDE position {@code index}. */
    public long[] row(int index) {
        long[] row = new long[ldeColumns.length];
        if (index < ldeColumns[0].length) {
            for (int c = 0; c < row.length; c++) {
                row[c] = ldeColumns[c][index];
            }
            return row;
        }
        int logN = Integer.numberOfTrailingZeros(tree.leafCount());
        long x = Goldilocks.mul(FriDomain.SHIFT,
                Goldilocks.exp(Goldilocks.primitiveRootOfUnity(logN), BitReversal.reverse(index, logN)));
        for (int c = 0; c < row.length; c++) {
            row[c] = Horner.evaluate(coefficients[c], x);
        }
        return row;
    }
}
