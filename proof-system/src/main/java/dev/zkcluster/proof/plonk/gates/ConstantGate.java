package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Puts the row's gate constants on wires: wire i = constant i for i < numConsts. One degree-1 constraint per
 * constant. This is how a circuit constant becomes a routed value.
 */
public record ConstantGate(int numConsts) implements Gate {

    public ConstantGate {
        if (numConsts <= 0) {
            throw new IllegalArgumentException("a constant gate needs at least one constant");
        }
    }

    @Override
    public String id() {
        return "ConstantGate{numConsts=" + numConsts + "}";
    }

    @Override
    public int numWires() {
        return numConsts;
    }

    @Override
    public int numConstants() {
        return numConsts;
    }

    @Override
    public int numConstraints() {
        return numConsts;
    }

    @Override
    public int degree() {
        return 1;
    }

    // wire_i − const_i = 0
    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        for (int i = 0; i < numConsts; i++) {
            out.accept(alg.sub(vars.wire(i), vars.constant(i)));
        }
    }

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        return List.of(new Generator(row, constants.clone()));
    }

    @Override
    public String describeConstraint(int index) {
        return "constant wire " + index;
    }

    /** Writes the row's constants to its wires. */
    record Generator(int row, long[] constants) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            return List.of();
        }

        @Override
        public List<Target> outputs() {
            return IntStream.range(0, constants.length)
                    .mapToObj(i -> (Target) new Target.Wire(row, i))
                    .toList();
        }

        @Override
        public void run(WitnessAccess w) {
            for (int i = 0; i < constants.length; i++) {
                w.set(new Target.Wire(row, i), constants[i]);
            }
        }

        @Override
        public String describe() {
            return "ConstantGate at row " + row;
        }
    }
}
