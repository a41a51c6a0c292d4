package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * Selects item {@code index} of a list of 2^bits items: output = items[index].
 *
 * <p>Layout: wire 0 = index, wire 1 = output, wires 2..2+2^bits = items (routed), then {@code bits} little-endian
 * index bits (not needed as routed). Constraints: b_i·(b_i − 1) = 0 per bit (degree 2); index − Σ b_i·2^i = 0
 * (degree 1); output − fold = 0, where fold halves the list once per bit with v ← v_even + b_i·(v_odd − v_even)
 * (degree bits + 1). bits ≤ 6 keeps the items routed and the degree at most 7.
 */
public record RandomAccessGate(int bits) implements Gate {
    public static final int WIRE_INDEX = 0;
    public static final int WIRE_OUTPUT = 1;
    public static final int MAX_BITS = 6;

    public RandomAccessGate {
        if (bits < 1 || bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be in [1, " + MAX_BITS + "], got " + bits);
        }
    }

    public int listSize() {
        return 1 << bits;
    }

    public static int wireItem(int i) {
        return 2 + i;
    }

    public int wireBit(int i) {
        return 2 + listSize() + i;
    }

    @Override
    public String id() {
        return "RandomAccessGate{bits=" + bits + "}";
    }

    @Override
    public int numWires() {
        return 2 + listSize() + bits;
    }

    @Override
    public int numConstants() {
        return 0;
    }

    @Override
    public int numConstraints() {
        return bits + 2;
    }

    @Override
    public int degree() {
        return Math.max(2, bits + 1);
    }

    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        // b·(b − 1) = 0, and index = Σ b_i·2^i
        T index = alg.zero();
        for (int i = bits - 1; i >= 0; i--) {
            T b = vars.wire(wireBit(i));
            out.accept(alg.mul(b, alg.sub(b, alg.one())));
            index = alg.add(alg.scale(index, 2), b);
        }
        out.accept(alg.sub(vars.wire(WIRE_INDEX), index));
        List<T> level = new ArrayList<>(listSize());
        for (int i = 0; i < listSize(); i++) {
            level.add(vars.wire(wireItem(i)));
        }
        // v_j ← v_2j + b_i·(v_2j+1 − v_2j), lowest bit first
        for (int i = 0; i < bits; i++) {
            T b = vars.wire(wireBit(i));
            List<T> next = new ArrayList<>(level.size() / 2);
            for (int j = 0; j < level.size(); j += 2) {
                next.add(alg.add(level.get(j), alg.mul(b, alg.sub(level.get(j + 1), level.get(j)))));
            }
            level = next;
        }
        out.accept(alg.sub(vars.wire(WIRE_OUTPUT), level.get(0)));
    }

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        return List.of(new Generator(this, row));
    }

    @Override
    public String describeConstraint(int index) {
        if (index < bits) {
            return "index bit wire " + wireBit(bits - 1 - index);
        }
        return index == bits ? "index wire " + WIRE_INDEX : "output wire " + WIRE_OUTPUT;
    }

    /** Splits the index into bits and copies the selected item to the output. */
    record Generator(RandomAccessGate gate, int row) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            List<Target> ins = new ArrayList<>(1 + gate.listSize());
            ins.add(new Target.Wire(row, WIRE_INDEX));
            for (int i = 0; i < gate.listSize(); i++) {
                ins.add(new Target.Wire(row, wireItem(i)));
            }
            return ins;
        }

        @Override
        public List<Target> outputs() {
            List<Target> outs = new ArrayList<>(1 + gate.bits);
            outs.add(new Target.Wire(row, WIRE_OUTPUT));
            for (int i = 0; i < gate.bits; i++) {
                outs.add(new Target.Wire(row, gate.wireBit(i)));
            }
            return outs;
        }

        @Override
        public void run(WitnessAccess w) {
            long index = Goldilocks.canonical(w.get(new Target.Wire(row, WIRE_INDEX)));
            if (Long.compareUnsigned(index, gate.listSize()) >= 0) {
                throw new WitnessGenerationException(describe() + ": index " + Long.toUnsignedString(index)
                        + " on wire " + WIRE_INDEX + " is not below the list size " + gate.listSize());
            }
            for (int i = 0; i < gate.bits; i++) {
                w.set(new Target.Wire(row, gate.wireBit(i)), (index >>> i) & 1);
            }
            w.set(new Target.Wire(row, WIRE_OUTPUT), w.get(new Target.Wire(row, wireItem((int) index))));
        }

        @Override
        public String describe() {
            return gate.id() + " at row " + row;
        }
    }
}
