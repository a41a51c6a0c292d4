package dev.zkcluster.proof.plonk.algebra;

/**
 * The values a gate's constraints read at one point (or block of points): the row's wires, the gate's own constants
 * (already offset past the selector columns) and the 4-element public-input hash.
 */
public interface GateVars<T> {
    T wire(int index);

    T constant(int index);

    T publicInputHash(int index);
}
