package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code numOps} operations out = c0·a·b + c1·c in the quadratic extension F_p[X]/(X² − 7), where a, b, c, out are
 * extension elements held in pairs of wires and c0, c1 are the row's two base-field constants.
 *
 * <p>Layout: op i uses wires 8i..8i+1 (a), 8i+2..8i+3 (b), 8i+4..8i+5 (c), 8i+6..8i+7 (out), component 0 first, all
 * routed. Two constraints per op (one per component), degree 3.
 */
public record ExtensionArithmeticGate(int numOps) implements Gate {
    public static final int WIRES_PER_OP = 8;

    public ExtensionArithmeticGate {
        if (numOps <= 0) {
            throw new IllegalArgumentException("an extension arithmetic gate needs at least one op");
        }
    }

    public static ExtensionArithmeticGate forRoutedWires(int numRoutedWires) {
        return new ExtensionArithmeticGate(numRoutedWires / WIRES_PER_OP);
    }

    public static int wireA(int op) {
        return WIRES_PER_OP * op;
    }

    public static int wireB(int op) {
        return WIRES_PER_OP * op + 2;
    }

    public static int wireC(int op) {
        return WIRES_PER_OP * op + 4;
    }

    public static int wireOut(int op) {
        return WIRES_PER_OP * op + 6;
    }

    @Override
    public String id() {
        return "ExtensionArithmeticGate{numOps=" + numOps + "}";
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
        return 2 * numOps;
    }

    @Override
    public int degree() {
        return 3;
    }

    // out − (c0·a·b + c1·c) = 0 componentwise, with a·b = (a0·b0 + 7·a1·b1) + (a0·b1 + a1·b0)·X
    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        T c0 = vars.constant(0);
        T c1 = vars.constant(1);
        for (int op = 0; op < numOps; op++) {
            T a0 = vars.wire(wireA(op));
            T a1 = vars.wire(wireA(op) + 1);
            T b0 = vars.wire(wireB(op));
            T b1 = vars.wire(wireB(op) + 1);
            T ab0 = alg.add(alg.mul(a0, b0), alg.scale(alg.mul(a1, b1), Ext2.W));
            T ab1 = alg.add(alg.mul(a0, b1), alg.mul(a1, b0));
            T r0 = alg.add(alg.mul(c0, ab0), alg.mul(c1, vars.wire(wireC(op))));
            T r1 = alg.add(alg.mul(c0, ab1), alg.mul(c1, vars.wire(wireC(op) + 1)));
            out.accept(alg.sub(vars.wire(wireOut(op)), r0));
            out.accept(alg.sub(vars.wire(wireOut(op) + 1), r1));
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
        return "op " + index / 2 + " output wire " + (wireOut(index / 2) + index % 2);
    }

    /** Fills the output pair of one op. */
    record OpGenerator(int row, int op, long c0, long c1) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            List<Target> ins = new ArrayList<>(6);
            for (int w = wireA(op); w < wireOut(op); w++) {
                ins.add(new Target.Wire(row, w));
            }
            return ins;
        }

        @Override
        public List<Target> outputs() {
            return List.of(new Target.Wire(row, wireOut(op)), new Target.Wire(row, wireOut(op) + 1));
        }

        @Override
        public void run(WitnessAccess w) {
            Ext2 a = read(w, wireA(op));
            Ext2 b = read(w, wireB(op));
            Ext2 c = read(w, wireC(op));
            Ext2 r = a.mul(b).scale(c0).add(c.scale(c1));
            w.set(new Target.Wire(row, wireOut(op)), r.c0());
            w.set(new Target.Wire(row, wireOut(op) + 1), r.c1());
        }

        private Ext2 read(WitnessAccess w, int wire) {
            return new Ext2(w.get(new Target.Wire(row, wire)), w.get(new Target.Wire(row, wire + 1)));
        }

        @Override
        public String describe() {
            return "ExtensionArithmeticGate at row " + row + ", op " + op;
        }
    }
}
