package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.List;

/** A row that constrains nothing: padding up to a power of two. It has no selector column. */
public record NoopGate() implements Gate {
    @Override
    public String id() {
        return "NoopGate";
    }

    @Override
    public int numWires() {
        return 0;
    }

    @Override
    public int numConstants() {
        return 0;
    }

    @Override
    public int numConstraints() {
        return 0;
    }

    @Override
    public int degree() {
        return 0;
    }

    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {}

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        return List.of();
    }

    @Override
    public String describeConstraint(int index) {
        throw new IndexOutOfBoundsException("the no-op gate has no constraints");
    }
}
