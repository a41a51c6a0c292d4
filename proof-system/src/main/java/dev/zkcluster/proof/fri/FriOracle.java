package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.merkle.MerkleTree;

/**
 * A committed batch of base-field polynomials, as the prover holds it: each column is one polynomial's LDE on the
 * coset 7·⟨ω⟩ of size 2^(degreeBits + rateBits) in bit-reversed order, and leaf i of the tree is row i (every
 * column's value at position i). The verifier holds only the tree's cap.
 *
 * <p>{@code coefficients}, when the prover kept them (null otherwise), are the same polynomials' 2^degreeBits
 * coefficients per column; with them the FRI combination is formed on coefficients and extended once.
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
        for (long[] column : ldeColumns) {
            if (column.length != tree.leafCount()) {
                throw new IllegalArgumentException(
                        "oracle column of " + column.length + " values, tree has " + tree.leafCount() + " leaves");
            }
        }
        if (coefficients != null && coefficients.length != ldeColumns.length) {
            throw new IllegalArgumentException(
                    "oracle has " + ldeColumns.length + " columns but " + coefficients.length + " coefficient columns");
        }
    }

    public int width() {
        return ldeColumns.length;
    }

    /** Every column's value at LDE position {@code index}. */
    public long[] row(int index) {
        long[] row = new long[ldeColumns.length];
        for (int c = 0; c < row.length; c++) {
            row[c] = ldeColumns[c][index];
        }
        return row;
    }
}
