package dev.zkcluster.proof.plonk.permutation;

/** What the permutation constraints of one challenge pair read at a point x (or a block of points). */
public interface PermutationVars<T> {
    T x();

    /** L_1(x) = (x^n − 1)/(n·(x − 1)), which the caller computes for its domain. */
    T lagrangeFirst();

    T wire(int routedIndex);

    T sigma(int routedIndex);

    T z();

    T zNext();

    /** π_c for c < number of chunks − 1. */
    T partialProduct(int chunk);
}
