package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.poly.BitReversal;

/**
 * The evaluation domains FRI works on. Layer i of a codeword of size 2^n lives on the coset s_i·⟨ω_n⟩ with
 * s_0 = 7 (the multiplicative generator) and s_{i+1} = s_i^(arity), stored in bit-reversed order: position j holds
 * the value at s·ω_n^rev_n(j). In that order each run of 2^a consecutive positions is one coset of the 2^a-th roots of
 * unity, and the point of folded position m is the 2^a-th power of the coset's first point.
 */
final class FriDomain {
    /** The coset shift of the initial LDE. */
    static final long SHIFT = Goldilocks.GENERATOR;

    private FriDomain() {}

    /** s^(2^foldedBits): the shift of the layer reached after folding away foldedBits halvings. */
    static long shiftAfter(long shift, int foldedBits) {
        long s = shift;
        for (int i = 0; i < foldedBits; i++) {
            s = Goldilocks.square(s);
        }
        return s;
    }

    /** The point at bit-reversed position {@code index} of the coset shift·⟨ω_logN⟩. */
    static long point(int logN, long shift, int index) {
        long root = Goldilocks.primitiveRootOfUnity(logN);
        return Goldilocks.mul(shift, Goldilocks.exp(root, BitReversal.reverse(index, logN)));
    }

    /** The inverse of {@link #point}. */
    static long pointInverse(int logN, long shift, int index) {
        long rootInv = Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(logN));
        return Goldilocks.mul(Goldilocks.inverse(shift), Goldilocks.exp(rootInv, BitReversal.reverse(index, logN)));
    }
}
