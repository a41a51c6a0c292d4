package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.plonk.algebra.BlockAlgebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Checks a full assignment against a circuit: every gate constraint on every row that uses the gate (evaluated with
 * the block algebra over blocks of rows gathered per gate), and every copy constraint (each routed cell equals the
 * next cell of its σ cycle). The public-input hash the gates see is hashNoPad of the witness's public inputs.
 */
public final class ConstraintChecker {
    /** Rows evaluated together. */
    static final int BLOCK = 64;

    private ConstraintChecker() {}

    /** One failed check, with the gate, row and wire it concerns. */
    public record Violation(String gate, int row, String wire, String detail) {
        public String message() {
            return gate + " at row " + row + ", " + wire + ": " + detail;
        }
    }

    public static void checkOrThrow(CircuitData circuit, WitnessVector witness) {
        List<Violation> violations = check(circuit, witness);
        if (!violations.isEmpty()) {
            throw new WitnessGenerationException("constraint violated: " + violations.get(0).message()
                    + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        }
    }

    public static List<Violation> check(CircuitData circuit, WitnessVector witness) {
        int n = circuit.numRows();
        if (witness.numRows() != n || witness.numWires() != circuit.config().numWires()) {
            throw new IllegalArgumentException("witness has " + witness.numWires() + " wires × " + witness.numRows()
                    + " rows, the circuit " + circuit.config().numWires() + " × " + n);
        }
        List<Violation> violations = new ArrayList<>();
        long[] piHash = Poseidon2Hash.hashNoPad(witness.publicInputs()).toArray();
        for (int g = 0; g < circuit.gates().size(); g++) {
            checkGate(circuit, witness, g, piHash, violations);
        }
        checkCopies(circuit, witness, violations);
        return violations;
    }

    // blocks of rows are checked in parallel; their violations are kept in row order
    private static void checkGate(
            CircuitData circuit, WitnessVector witness, int g, long[] piHash, List<Violation> violations) {
        Gate gate = circuit.gates().get(g);
        int[] rows = rowsOf(circuit, g);
        int blocks = (rows.length + BLOCK - 1) / BLOCK;
        List<List<Violation>> found = IntStream.range(0, blocks).parallel()
                .mapToObj(b -> checkBlock(circuit, witness, gate, rows, b * BLOCK, piHash))
                .toList();
        found.forEach(violations::addAll);
    }

    private static List<Violation> checkBlock(
            CircuitData circuit, WitnessVector witness, Gate gate, int[] rows, int start, long[] piHash) {
        BlockAlgebra alg = new BlockAlgebra(BLOCK);
        long[][] constants = circuit.constants();
        int selectors = circuit.numSelectors();
        List<Violation> violations = new ArrayList<>();
        int count = Math.min(BLOCK, rows.length - start);
        int[] block = new int[BLOCK];
        // a short last block repeats its first row
        for (int i = 0; i < BLOCK; i++) {
            block[i] = rows[start + (i < count ? i : 0)];
        }
        long[][] wires = new long[gate.numWires()][];
        long[][] consts = new long[gate.numConstants()][];
        GateVars<long[]> vars = new GateVars<>() {
            @Override
            public long[] wire(int index) {
                if (wires[index] == null) {
                    wires[index] = gather(witness.wires()[index], block);
                }
                return wires[index];
            }

            @Override
            public long[] constant(int index) {
                if (consts[index] == null) {
                    consts[index] = gather(constants[selectors + index], block);
                }
                return consts[index];
            }

            @Override
            public long[] publicInputHash(int index) {
                return alg.constant(piHash[index]);
            }
        };
        int[] position = {0};
        gate.eval(alg, vars, c -> {
            for (int i = 0; i < count; i++) {
                if (c[i] != 0) {
                    violations.add(new Violation(gate.id(), block[i], gate.describeConstraint(position[0]),
                            "constraint " + position[0] + " evaluates to " + Long.toUnsignedString(c[i])));
                }
            }
            position[0]++;
        });
        return violations;
    }

    private static long[] gather(long[] column, int[] rows) {
        long[] out = new long[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Goldilocks.canonical(column[rows[i]]);
        }
        return out;
    }

    private static int[] rowsOf(CircuitData circuit, int g) {
        int count = 0;
        for (int r = 0; r < circuit.numRows(); r++) {
            if (circuit.rowGate(r) == g) {
                count++;
            }
        }
        int[] rows = new int[count];
        for (int r = 0, k = 0; r < circuit.numRows(); r++) {
            if (circuit.rowGate(r) == g) {
                rows[k++] = r;
            }
        }
        return rows;
    }

    private static void checkCopies(CircuitData circuit, WitnessVector witness, List<Violation> violations) {
        int routed = circuit.config().numRoutedWires();
        int[] next = circuit.copyNext();
        for (int cell = 0; cell < next.length; cell++) {
            int row = cell / routed;
            int col = cell % routed;
            int nextRow = next[cell] / routed;
            int nextCol = next[cell] % routed;
            long a = witness.wire(row, col);
            long b = witness.wire(nextRow, nextCol);
            if (a != b) {
                violations.add(new Violation(circuit.gateName(row), row, "wire " + col,
                        "copy constraint broken: value " + Long.toUnsignedString(a) + " but its copy, wire " + nextCol
                                + " of " + circuit.gateName(nextRow) + " at row " + nextRow + ", is "
                                + Long.toUnsignedString(b)));
            }
        }
    }
}
