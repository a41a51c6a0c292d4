package dev.zkcluster.proof.plonk.permutation;

/**
 * The permutation argument's columns over H for one challenge pair: Z, the partial products π_0..π_{m−2}, and the
 * value Z would take at ω^n, which is 1 exactly when the product closes.
 */
public record GrandProduct(long[] z, long[][] partials, long closing) {}
