package dev.zkcluster.proof.plonk.algebra;

/**
 * The ring operations a constraint is written in, once, for every evaluation domain.
 *
 * <p>{@code T} is a block of base-field values over many LDE points ({@link BlockAlgebra}), a single extension element
 * at the verifier's point ζ ({@link Ext2Algebra}), or, for recursion, a target in a circuit. Gates never see which;
 * they only combine values through these methods. Implementations may return one of their arguments or reuse
 * scratch storage, so a gate must treat every {@code T} as immutable.
 */
public interface Algebra<T> {
    T add(T a, T b);

    T sub(T a, T b);

    T mul(T a, T b);

    /** The base-field constant c, read as an unsigned canonical or non-canonical element. */
    T constant(long c);

    default T zero() {
        return constant(0);
    }

    default T one() {
        return constant(1);
    }

    default T neg(T a) {
        return sub(zero(), a);
    }

    default T square(T a) {
        return mul(a, a);
    }

    /** c·a for a base-field constant c. */
    default T scale(T a, long c) {
        return mul(a, constant(c));
    }

    /** a·c + b for a base-field constant c. */
    default T scaleAdd(T a, long c, T b) {
        return add(scale(a, c), b);
    }

    /** a + c for a base-field constant c. */
    default T addConstant(T a, long c) {
        return add(a, constant(c));
    }

    /** a·b + c. */
    default T mulAdd(T a, T b, T c) {
        return add(mul(a, b), c);
    }

    /** a^7, the Poseidon2 S-box. */
    default T pow7(T a) {
        T a2 = square(a);
        T a3 = mul(a2, a);
        T a4 = square(a2);
        return mul(a4, a3);
    }
}
