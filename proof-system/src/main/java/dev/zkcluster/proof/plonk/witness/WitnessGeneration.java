package dev.zkcluster.proof.plonk.witness;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.ConstraintChecker;
import dev.zkcluster.proof.plonk.Target;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a circuit's generators over a partial witness until every wire is known, then checks every gate constraint
 * and every copy constraint on the result.
 *
 * <p>Values live per copy class, so setting one target sets every target copy-constrained to it. A generator runs
 * once, when the last of its inputs becomes known (a worklist keyed by copy class). Cells that nothing can set
 * (a lone cell no generator writes, such as the inputs of an unused arithmetic op or a padding row) are 0. Any other
 * cell left unknown is an error naming the generator that could not run and its missing input.
 */
public final class WitnessGeneration implements WitnessAccess {
    private final CircuitData circuit;
    private final int[] partition;
    private final long[] values;
    private final boolean[] known;
    private final Map<Integer, List<Integer>> waiting = new HashMap<>();
    private final int[] missing;
    private final Deque<Integer> ready = new ArrayDeque<>();
    private String currentGenerator = "the partial witness";

    private WitnessGeneration(CircuitData circuit) {
        this.circuit = circuit;
        this.partition = circuit.partition();
        this.values = new long[partition.length];
        this.known = new boolean[partition.length];
        this.missing = new int[circuit.generators().size()];
    }

    /** Generates the full witness and checks it; throws {@link WitnessGenerationException} naming gate, row, wire. */
    public static WitnessVector generate(CircuitData circuit, PartialWitness inputs) {
        WitnessVector witness = new WitnessGeneration(circuit).run(inputs);
        ConstraintChecker.checkOrThrow(circuit, witness);
        return witness;
    }

    private WitnessVector run(PartialWitness inputs) {
        inputs.values().forEach(this::set);
        zeroFillLoneCells();
        List<WitnessGenerator> generators = circuit.generators();
        for (int g = 0; g < generators.size(); g++) {
            int count = 0;
            for (Target t : generators.get(g).inputs()) {
                int cls = partition[circuit.targetIndex(t)];
                if (!known[cls]) {
                    waiting.computeIfAbsent(cls, k -> new ArrayList<>()).add(g);
                    count++;
                }
            }
            missing[g] = count;
            if (count == 0) {
                ready.add(g);
            }
        }
        while (!ready.isEmpty()) {
            WitnessGenerator gen = generators.get(ready.poll());
            currentGenerator = gen.describe();
            gen.run(this);
        }
        for (int g = 0; g < generators.size(); g++) {
            if (missing[g] > 0) {
                WitnessGenerator gen = generators.get(g);
                Target absent = gen.inputs().stream()
                        .filter(t -> !known[partition[circuit.targetIndex(t)]])
                        .findFirst()
                        .orElseThrow();
                throw new WitnessGenerationException(gen.describe() + " never ran: its input "
                        + circuit.describe(absent) + " has no value");
            }
        }
        int numWires = circuit.config().numWires();
        int n = circuit.numRows();
        long[][] wires = new long[numWires][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < numWires; c++) {
                int cls = partition[r * numWires + c];
                if (!known[cls]) {
                    throw new WitnessGenerationException(
                            circuit.describe(new Target.Wire(r, c)) + " has no value: no input or generator sets it");
                }
                wires[c][r] = values[cls];
            }
        }
        List<Target> pis = circuit.publicInputs();
        long[] publicInputs = new long[pis.size()];
        for (int i = 0; i < publicInputs.length; i++) {
            publicInputs[i] = get(pis.get(i));
        }
        return new WitnessVector(wires, publicInputs);
    }

    // a cell alone in its copy class that no generator writes can only be 0
    private void zeroFillLoneCells() {
        int[] classSize = new int[partition.length];
        for (int cls : partition) {
            classSize[cls]++;
        }
        boolean[] written = new boolean[partition.length];
        for (WitnessGenerator gen : circuit.generators()) {
            for (Target t : gen.outputs()) {
                written[partition[circuit.targetIndex(t)]] = true;
            }
        }
        int cells = circuit.numRows() * circuit.config().numWires();
        for (int i = 0; i < cells; i++) {
            int cls = partition[i];
            if (classSize[cls] == 1 && !written[cls] && !known[cls]) {
                known[cls] = true;
            }
        }
    }

    @Override
    public long get(Target target) {
        int cls = partition[circuit.targetIndex(target)];
        if (!known[cls]) {
            throw new WitnessGenerationException(currentGenerator + " read " + circuit.describe(target)
                    + ", which has no value yet");
        }
        return values[cls];
    }

    @Override
    public void set(Target target, long value) {
        int cls = partition[circuit.targetIndex(target)];
        long v = Goldilocks.canonical(value);
        if (known[cls]) {
            if (values[cls] != v) {
                throw new WitnessGenerationException(currentGenerator + " sets " + circuit.describe(target) + " to "
                        + Long.toUnsignedString(v) + ", but it (or a copy of it) is already "
                        + Long.toUnsignedString(values[cls]));
            }
            return;
        }
        values[cls] = v;
        known[cls] = true;
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
