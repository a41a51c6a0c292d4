package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.List;

/**
 * Ties the 4-element public-input hash, which the verifier computes itself, to wires 0..3 of its row. The circuit
 * copy-constrains those wires to the in-circuit hash of the registered public inputs, so it has no generator of its
 * own. Four degree-1 constraints.
 */
public record PublicInputGate() implements Gate {
    public static final int HASH_ELEMENTS = 4;

    @Override
    public String id() {
        return "PublicInputGate";
    }

    @Override
    public int numWires() {
        return HASH_ELEMENTS;
    }

    @Override
    public int numConstants() {
        return 0;
    }

    @Override
    public int numConstraints() {
        return HASH_ELEMENTS;
    }

    @Override
    public int degree() {
        return 1;
    }

    // wire_i − piHash_i = 0
    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        for (int i = 0; i < HASH_ELEMENTS; i++) {
            out.accept(alg.sub(vars.wire(i), vars.publicInputHash(i)));
        }
    }

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        return List.of();
    }

    @Override
    public String describeConstraint(int index) {
        return "public-input hash wire " + index;
    }
}
