package dev.zkcluster.proof.field;

/**
 * Extension arithmetic on unboxed components, for hot loops that keep elements as flat pairs
 * {@code [c0, c1, c0, c1, ...]} in a {@code long[]}. Inputs may be any 64-bit values; outputs are canonical.
 */
public final class Ext2Arrays {
    private Ext2Arrays() {}

    /** The c0 component of (a0 + a1·X)(b0 + b1·X), which is a0·b0 + 7·a1·b1. */
    public static long mulC0(long a0, long a1, long b0, long b1) {
        return Goldilocks.add(Goldilocks.mul(a0, b0), Goldilocks.mul(Ext2.W, Goldilocks.mul(a1, b1)));
    }

    /** The c1 component of (a0 + a1·X)(b0 + b1·X), which is a0·b1 + a1·b0. */
    public static long mulC1(long a0, long a1, long b0, long b1) {
        return Goldilocks.add(Goldilocks.mul(a0, b1), Goldilocks.mul(a1, b0));
    }
}
