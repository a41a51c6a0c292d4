package dev.zkcluster.proof.plonk;

/** A place that holds one field element of the witness: a cell of the trace, or a virtual value with no cell. */
public sealed interface Target permits Target.Wire, Target.Virtual {

    /** The cell at ({@code row}, {@code column}) of the wire trace. */
    record Wire(int row, int column) implements Target {}

    /** A value the builder introduced without a cell; copy constraints tie it to cells. */
    record Virtual(int index) implements Target {}
}
