package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.List;

/**
 * One kind of row of the trace: the constraints that must vanish on every row that uses it, and the generators that
 * fill its wires, written side by side in one file per gate.
 *
 * <p>Constraints are written once against {@link Algebra}, so the same code serves the constraint check over the
 * trace, the prover's quotient over the LDE, and the verifier at ζ. They are unfiltered: the circuit multiplies
 * them by the gate's selector column.
 */
public sealed interface Gate
        permits ArithmeticGate,
                ConstantGate,
                PublicInputGate,
                Poseidon2Gate,
                BaseSumGate,
                RandomAccessGate,
                ExtensionArithmeticGate,
                NoopGate {

    /** A deterministic description of the gate and its parameters; it enters the circuit digest. */
    String id();

    /** Wires used, all at the low end of the row: columns [0, numWires). */
    int numWires();

    /** How many of the row's gate-constant columns the gate reads. */
    int numConstants();

    int numConstraints();

    /** The largest total degree of an unfiltered constraint, counting wires and constants. */
    int degree();

    <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out);

    /** The generators that fill this gate's wires on {@code row}, given the row's gate constants. */
    List<WitnessGenerator> generators(int row, long[] constants);

    /** Names the wire (or wires) that a constraint checks, for error messages. */
    String describeConstraint(int index);
}
