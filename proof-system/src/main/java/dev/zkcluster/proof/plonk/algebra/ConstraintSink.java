package dev.zkcluster.proof.plonk.algebra;

/** Receives a gate's constraint values in order; every one must vanish on an honest row. */
@FunctionalInterface
public interface ConstraintSink<T> {
    void accept(T constraint);
}
