package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A witness builder patched to never refuse: it runs the circuit's generators like the real one, but a value that
 * contradicts an earlier one (a copy constraint it cannot meet) is dropped, the earlier one kept; a generator that
 * refuses (a value out of range) leaves its outputs unset; and every cell still unset at the end is 0. What it
 * returns is a full wire assignment for any instance, however false, ready for the prover's unchecked route.
 */
final class CheatingWitnessBuilder implements WitnessAccess {
    private final CircuitData circuit;
    private final int[] partition;
    private final long[] values;
    private final boolean[] known;
    private final Map<Integer, List<Integer>> waiting = new HashMap<>();
    private final Deque<Integer> ready = new ArrayDeque<>();
    private int[] missing;

    private CheatingWitnessBuilder(CircuitData circuit) {
        this.circuit = circuit;
        this.partition = circuit.partition();
        this.values = new long[partition.length];
        this.known = new boolean[partition.length];
    }

    static WitnessVector build(CircuitData circuit, PartialWitness inputs) {
        return new CheatingWitnessBuilder(circuit).run(inputs);
    }

    private WitnessVector run(PartialWitness inputs) {
        inputs.values().forEach(this::set);
        List<WitnessGenerator> generators = circuit.generators();
        missing = new int[generators.size()];
        for (int g = 0; g < generators.size(); g++) {
            for (Target t : generators.get(g).inputs()) {
                int cls = partition[circuit.targetIndex(t)];
                if (!known[cls]) {
                    waiting.computeIfAbsent(cls, k -> new ArrayList<>()).add(g);
                    missing[g]++;
                }
            }
            if (missing[g] == 0) {
                ready.add(g);
            }
        }
        while (!ready.isEmpty()) {
            try {
                generators.get(ready.poll()).run(this);
            } catch (WitnessGenerationException refused) {
                // its outputs stay unset, and so 0
            }
        }
        int numWires = circuit.config().numWires();
        int n = circuit.numRows();
        long[][] wires = new long[numWires][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < numWires; c++) {
                wires[c][r] = values[partition[r * numWires + c]];
            }
        }
        List<Target> pis = circuit.publicInputs();
        long[] publicInputs = new long[pis.size()];
        for (int i = 0; i < publicInputs.length; i++) {
            publicInputs[i] = values[partition[circuit.targetIndex(pis.get(i))]];
        }
        return new WitnessVector(wires, publicInputs);
    }

    @Override
    public long get(Target target) {
        // an input of a generator that ran is known; anything else reads as the final default, 0
        return values[partition[circuit.targetIndex(target)]];
    }

    @Override
    public void set(Target target, long value) {
        int cls = partition[circuit.targetIndex(target)];
        if (known[cls]) {
            return;
        }
        known[cls] = true;
        values[cls] = Goldilocks.canonical(value);
        List<Integer> blocked = waiting.remove(cls);
        if (blocked != null) {
            for (int g : blocked) {
                if (--missing[g] == 0) {
                    ready.add(g);
                }
            }
        }
    }
}
