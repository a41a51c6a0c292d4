package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code numOps} independent operations out = c0·a·b + c1·c on one row, sharing the row's two constants c0, c1.
 *
 * <p>Layout: op i uses wires 4i (a), 4i+1 (b), 4i+2 (c), 4i+3 (out), all routed. Constants: 0 → c0, 1 → c1.
 * One constraint per op, degree 3 (constant × wire × wire).
 */
public record ArithmeticGate(int numOps) implements Gate {
    public static final int WIRES_PER_OP = 4;

    public ArithmeticGate {
        if (numOps <= 0) {
            throw new IllegalArgumentException("an arithmetic gate needs at least one op");
        }
    }

    /** As many ops as fit in the routed wires. */
    public static ArithmeticGate forRoutedWires(int numRoutedWires) {
        return new ArithmeticGate(numRoutedWires / WIRES_PER_OP);
    }

    public static int wireA(int op) {
        return WIRES_PER_OP * op;
    }

    public static int wireB(int op) {
        return WIRES_PER_OP * op + 1;
    }

    public static int wireC(int op) {
        return WIRES_PER_OP * op + 2;
    }

    public static int wireOut(int op) {
        return WIRES_PER_OP * op + 3;
    }

    @Override
    public String id() {
        return "ArithmeticGate{numOps=" + numOps + "}";
    }

    @Override
    public int numWires() {
        return WIRES_PER_OP * numOps;
    }

    @Override
    public int numConstants() {
        return 2;
    }

    @Override
    public int numConstraints() {
        return numOps;
    }

    @Override
    public int degree() {
        return 3;
    }

    // out − (c0·a·b + c1·c) = 0 for every op
    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        T c0 = vars.constant(0);
        T c1 = vars.constant(1);
        for (int op = 0; op < numOps; op++) {
            T ab = alg.mul(vars.wire(wireA(op)), vars.wire(wireB(op)));
            T computed = alg.add(alg.mul(c0, ab), alg.mul(c1, vars.wire(wireC(op))));
            out.accept(alg.sub(vars.wire(wireOut(op)), computed));
        }
    }

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        List<WitnessGenerator> gens = new ArrayList<>(numOps);
        for (int op = 0; op < numOps; op++) {
            gens.add(new OpGenerator(row, op, constants[0], constants[1]));
        }
        return gens;
    }

    @Override
    public String describeConstraint(int index) {
        return "op " + index + " output wire " + wireOut(index);
    }

    /** Fills the output of one op from its inputs. */
    record OpGenerator(int row, int op, long c0, long c1) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            return List.of(
                    new Target.Wire(row, wireA(op)), new Target.Wire(row, wireB(op)), new Target.Wire(row, wireC(op)));
        }

        @Override
        public List<Target> outputs() {
            return List.of(new Target.Wire(row, wireOut(op)));
        }

        @Override
        public void run(WitnessAccess w) {
            long a = w.get(new Target.Wire(row, wireA(op)));
            long b = w.get(new Target.Wire(row, wireB(op)));
            long c = w.get(new Target.Wire(row, wireC(op)));
            long value = Goldilocks.add(Goldilocks.mul(c0, Goldilocks.mul(a, b)), Goldilocks.mul(c1, c));
            w.set(new Target.Wire(row, wireOut(op)), value);
        }

        @Override
        public String describe() {
            return "ArithmeticGate at row " + row + ", op " + op;
        }
    }
}
