package dev.zkcluster.proof.field;

/**
 * An element c0 + c1·X of the quadratic extension F_p[X]/(X² − 7). Components are canonical Goldilocks elements.
 * Hot loops should use flat {@code long[]} pairs instead of this record.
 */
public record Ext2(long c0, long c1) {
    /** The non-residue W with X² = W. */
    public static final long W = 7L;
    public static final Ext2 ZERO = new Ext2(0, 0);
    public static final Ext2 ONE = new Ext2(1, 0);

    public Ext2 {
        c0 = Goldilocks.canonical(c0);
        c1 = Goldilocks.canonical(c1);
    }

    public static Ext2 ofBase(long a) {
        return new Ext2(a, 0);
    }

    /** The element stored at pair index i of a flat array laid out as [c0, c1, c0, c1, ...]. */
    public static Ext2 fromPairs(long[] pairs, int i) {
        return new Ext2(pairs[2 * i], pairs[2 * i + 1]);
    }

    /** Stores this element at pair index i of a flat array laid out as [c0, c1, c0, c1, ...]. */
    public void toPairs(long[] pairs, int i) {
        pairs[2 * i] = c0;
        pairs[2 * i + 1] = c1;
    }

    public boolean isZero() {
        return c0 == 0 && c1 == 0;
    }

    public Ext2 add(Ext2 o) {
        return new Ext2(Goldilocks.add(c0, o.c0), Goldilocks.add(c1, o.c1));
    }

    public Ext2 sub(Ext2 o) {
        return new Ext2(Goldilocks.sub(c0, o.c0), Goldilocks.sub(c1, o.c1));
    }

    public Ext2 neg() {
        return new Ext2(Goldilocks.neg(c0), Goldilocks.neg(c1));
    }

    // (a0 + a1·X)(b0 + b1·X) = (a0·b0 + W·a1·b1) + (a0·b1 + a1·b0)·X
    public Ext2 mul(Ext2 o) {
        return new Ext2(Ext2Arrays.mulC0(c0, c1, o.c0, o.c1), Ext2Arrays.mulC1(c0, c1, o.c0, o.c1));
    }

    public Ext2 scale(long s) {
        return new Ext2(Goldilocks.mul(c0, s), Goldilocks.mul(c1, s));
    }

    public Ext2 square() {
        return mul(this);
    }

    /** this^e, with e read as an unsigned 64-bit exponent. */
    public Ext2 exp(long e) {
        Ext2 result = ONE;
        Ext2 base = this;
        while (e != 0) {
            if ((e & 1) != 0) {
                result = result.mul(base);
            }
            base = base.square();
            e >>>= 1;
        }
        return result;
    }

    // 1/(a0 + a1·X) = (a0 − a1·X)/(a0² − W·a1²); the norm is non-zero because 7 is a non-residue mod p.
    public Ext2 inverse() {
        if (isZero()) {
            throw new ArithmeticException("zero has no inverse in the quadratic extension");
        }
        long norm = Goldilocks.sub(Goldilocks.mul(c0, c0), Goldilocks.mul(W, Goldilocks.mul(c1, c1)));
        long inv = Goldilocks.inverse(norm);
        return new Ext2(Goldilocks.mul(c0, inv), Goldilocks.neg(Goldilocks.mul(c1, inv)));
    }

    @Override
    public String toString() {
        return "(" + Long.toUnsignedString(c0) + " + " + Long.toUnsignedString(c1) + "·X)";
    }
}
