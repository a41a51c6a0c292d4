package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * A built circuit: which gate each row uses, the constant columns (selectors first, then gate constants), the copy
 * cycles as a permutation of routed cells and as sigma columns, the witness generators, and the circuit digest.
 *
 * <p>Selector scheme: one 0/1 column per distinct gate the circuit uses (column g is 1 exactly on rows using gate
 * g). A filtered constraint is selector × constraint, of degree gate degree + 1 ≤ quotient degree factor + 1. Rows
 * using the no-op gate (padding) have every selector 0. Filtered constraints of different gates are summed by
 * position, since at most one selector is 1 on a row of H.
 *
 * <p>Targets are numbered for the copy partition as row·numWires + column for cells, then n·numWires + index for
 * virtual targets. Arrays handed out are the circuit's own; do not change them.
 */
public final class CircuitData {
    private final CircuitConfig config;
    private final int degreeBits;
    private final List<Gate> gates;
    private final int[] rowGate;
    private final long[][] constants;
    private final int[] copyNext;
    private final long[][] sigmas;
    private final long[] shifts;
    private final int numVirtualTargets;
    private final int[] partition;
    private final List<WitnessGenerator> generators;
    private final List<Target> publicInputs;
    private final long[] circuitDigest;

    CircuitData(CircuitConfig config, int degreeBits, List<Gate> gates, int[] rowGate, long[][] constants,
            int[] copyNext, long[][] sigmas, long[] shifts, int numVirtualTargets, int[] partition,
            List<WitnessGenerator> generators, List<Target> publicInputs, long[] circuitDigest) {
        this.config = config;
        this.degreeBits = degreeBits;
        this.gates = List.copyOf(gates);
        this.rowGate = rowGate;
        this.constants = constants;
        this.copyNext = copyNext;
        this.sigmas = sigmas;
        this.shifts = shifts;
        this.numVirtualTargets = numVirtualTargets;
        this.partition = partition;
        this.generators = List.copyOf(generators);
        this.publicInputs = List.copyOf(publicInputs);
        this.circuitDigest = circuitDigest;
    }

    public CircuitConfig config() {
        return config;
    }

    public int degreeBits() {
        return degreeBits;
    }

    public int numRows() {
        return 1 << degreeBits;
    }

    /** The distinct gates in selector order; row gates index into this list, −1 is the no-op gate. */
    public List<Gate> gates() {
        return gates;
    }

    public int numSelectors() {
        return gates.size();
    }

    /** The gate of a row, as an index into {@link #gates()}, or −1 for a padding row. */
    public int rowGate(int row) {
        return rowGate[row];
    }

    /** Constant columns: {@link #numSelectors()} selectors, then config.numConstants() gate constants. */
    public long[][] constants() {
        return constants;
    }

    /** The gate constants of one row (after the selectors). */
    public long[] rowConstants(int row) {
        long[] c = new long[config.numConstants()];
        for (int i = 0; i < c.length; i++) {
            c[i] = constants[numSelectors() + i][row];
        }
        return c;
    }

    /** σ as indices: routed cell (row i, column j), numbered i·numRoutedWires + j, maps to the next cell of its cycle. */
    public int[] copyNext() {
        return copyNext;
    }

    /** σ as field values k_{j'}·ω^{i'}, one column per routed wire. */
    public long[][] sigmas() {
        return sigmas;
    }

    /** The coset shifts k_j of the routed wire columns. */
    public long[] cosetShifts() {
        return shifts;
    }

    public int numVirtualTargets() {
        return numVirtualTargets;
    }

    /** For every target number, the number of the representative of its copy class. */
    public int[] partition() {
        return partition;
    }

    public int targetIndex(Target target) {
        if (target instanceof Target.Wire w) {
            return w.row() * config.numWires() + w.column();
        }
        return numRows() * config.numWires() + ((Target.Virtual) target).index();
    }

    public List<WitnessGenerator> generators() {
        return generators;
    }

    public List<Target> publicInputs() {
        return publicInputs;
    }

    /** The circuit digest: 4 elements over config, gates, row assignment, constants and sigmas. */
    public long[] circuitDigest() {
        return circuitDigest.clone();
    }

    /** The largest number of constraints among the circuit's gates: the length of the filtered constraint vector. */
    public int numGateConstraints() {
        return numGateConstraints(gates);
    }

    /** Describes a cell for error messages: its row, column and the gate on that row. */
    public String describe(Target target) {
        if (target instanceof Target.Wire w) {
            return "wire " + w.column() + " of " + gateName(w.row()) + " at row " + w.row();
        }
        return "virtual target " + ((Target.Virtual) target).index();
    }

    public String gateName(int row) {
        return rowGate[row] < 0 ? "NoopGate" : gates.get(rowGate[row]).id();
    }

    /**
     * Σ_g selector_g · constraint_{g,i} for every position i, in any algebra: the gate part of the quotient's
     * numerator on the LDE, and of the verifier's check at ζ. {@code vars.constant} reads all constant columns,
     * selectors first.
     */
    public <T> List<T> evalFilteredConstraints(Algebra<T> alg, GateVars<T> vars) {
        return evalFilteredConstraints(gates, alg, vars);
    }

    /** The longest constraint list among these gates. */
    public static int numGateConstraints(List<Gate> gates) {
        int max = 0;
        for (Gate g : gates) {
            max = Math.max(max, g.numConstraints());
        }
        return max;
    }

    /**
     * {@link #evalFilteredConstraints(Algebra, GateVars)} for a circuit known only by its gates in selector order, as
     * the verifier knows it: selector g is constant column g, gate constants follow the selectors.
     */
    public static <T> List<T> evalFilteredConstraints(List<Gate> gates, Algebra<T> alg, GateVars<T> vars) {
        int count = numGateConstraints(gates);
        List<T> acc = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            acc.add(alg.zero());
        }
        int selectors = gates.size();
        GateVars<T> gateVars = new GateVars<>() {
            @Override
            public T wire(int index) {
                return vars.wire(index);
            }

            @Override
            public T constant(int index) {
                return vars.constant(selectors + index);
            }

            @Override
            public T publicInputHash(int index) {
                return vars.publicInputHash(index);
            }
        };
        for (int g = 0; g < gates.size(); g++) {
            T filter = vars.constant(g);
            int[] position = {0};
            gates.get(g).eval(alg, gateVars, c -> {
                acc.set(position[0], alg.add(acc.get(position[0]), alg.mul(filter, c)));
                position[0]++;
            });
        }
        return acc;
    }
}
