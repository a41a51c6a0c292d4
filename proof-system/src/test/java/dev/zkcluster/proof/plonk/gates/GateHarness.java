package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.BlockAlgebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs one gate on a single row outside any circuit: fills a row with its generators and counts failed constraints. */
final class GateHarness {
    private GateHarness() {}

    /** The row after running the gate's generators on the given input wires; other wires start at 0. */
    static long[] honestRow(Gate gate, Map<Integer, Long> inputs, long[] constants) {
        Map<Integer, Long> cells = new HashMap<>(inputs);
        WitnessAccess access = new WitnessAccess() {
            @Override
            public long get(Target t) {
                Long v = cells.get(((Target.Wire) t).column());
                if (v == null) {
                    throw new IllegalStateException("unset " + t);
                }
                return v;
            }

            @Override
            public void set(Target t, long value) {
                cells.put(((Target.Wire) t).column(), Goldilocks.canonical(value));
            }
        };
        List<WitnessGenerator> pending = new ArrayList<>(gate.generators(0, constants));
        while (!pending.isEmpty()) {
            WitnessGenerator next = pending.stream()
                    .filter(g -> g.inputs().stream().allMatch(t -> cells.containsKey(((Target.Wire) t).column())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("a generator lacks inputs"));
            next.run(access);
            pending.remove(next);
        }
        long[] row = new long[gate.numWires()];
        cells.forEach((col, v) -> row[col] = v);
        return row;
    }

    /** The indices of the constraints that do not vanish on this row. */
    static List<Integer> failedConstraints(Gate gate, long[] row, long[] constants, long[] piHash) {
        BlockAlgebra alg = new BlockAlgebra(1);
        GateVars<long[]> vars = new GateVars<>() {
            @Override
            public long[] wire(int index) {
                return new long[] {row[index]};
            }

            @Override
            public long[] constant(int index) {
                return new long[] {constants[index]};
            }

            @Override
            public long[] publicInputHash(int index) {
                return new long[] {piHash[index]};
            }
        };
        List<Integer> failed = new ArrayList<>();
        int[] position = {0};
        gate.eval(alg, vars, c -> {
            if (c[0] != 0) {
                failed.add(position[0]);
            }
            position[0]++;
        });
        if (position[0] != gate.numConstraints()) {
            throw new IllegalStateException(gate.id() + " emitted " + position[0] + " constraints, declares "
                    + gate.numConstraints());
        }
        return failed;
    }

    static List<Integer> failedConstraints(Gate gate, long[] row, long[] constants) {
        return failedConstraints(gate, row, constants, new long[4]);
    }
}
