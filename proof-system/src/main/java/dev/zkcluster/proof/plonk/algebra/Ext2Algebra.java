package dev.zkcluster.proof.plonk.algebra;

import dev.zkcluster.proof.field.Ext2;

/** The constraint algebra over the quadratic extension, for the verifier's check at the challenge point ζ. */
public final class Ext2Algebra implements Algebra<Ext2> {
    public static final Ext2Algebra INSTANCE = new Ext2Algebra();

    private Ext2Algebra() {}

    @Override
    public Ext2 add(Ext2 a, Ext2 b) {
        return a.add(b);
    }

    @Override
    public Ext2 sub(Ext2 a, Ext2 b) {
        return a.sub(b);
    }

    @Override
    public Ext2 mul(Ext2 a, Ext2 b) {
        return a.mul(b);
    }

    @Override
    public Ext2 constant(long c) {
        return Ext2.ofBase(c);
    }

    @Override
    public Ext2 neg(Ext2 a) {
        return a.neg();
    }

    @Override
    public Ext2 scale(Ext2 a, long c) {
        return a.scale(c);
    }
}
