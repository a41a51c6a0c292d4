package dev.zkcluster.proof.plonk.gates;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Poseidon2;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.BlockAlgebra;
import dev.zkcluster.proof.plonk.algebra.ConstraintSink;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * One whole width-12 Poseidon2 permutation per row.
 *
 * <p>Every S-box input that is not an affine function of the row's inputs gets a wire, so the state is always an
 * affine combination of wires and 7th powers of wires, and every constraint has degree 7 (8 with the selector,
 * within the bound of quotient degree factor + 1 = 9). The S-box inputs of the first full round are affine in the
 * inputs and need no wires.
 *
 * <p>Layout (130 wires): 0..11 inputs and 12..23 outputs (routed); 24..59 S-box inputs of initial full rounds 1..3
 * (12 each); 60..81 S-box inputs of the 22 partial rounds; 82..129 S-box inputs of the 4 final full rounds.
 * Constraints (118, degree 7): one per S-box-input wire (its wire equals the computed round input) and one per
 * output.
 */
public record Poseidon2Gate() implements Gate {
    public static final int WIDTH = Poseidon2.WIDTH;
    public static final int WIRE_INPUT = 0;
    public static final int WIRE_OUTPUT = WIDTH;
    public static final int WIRE_INITIAL_SBOX = 2 * WIDTH;
    public static final int WIRE_PARTIAL_SBOX = WIRE_INITIAL_SBOX + (Poseidon2.FULL_ROUNDS_HALF - 1) * WIDTH;
    public static final int WIRE_FINAL_SBOX = WIRE_PARTIAL_SBOX + Poseidon2.PARTIAL_ROUNDS;
    public static final int NUM_WIRES = WIRE_FINAL_SBOX + Poseidon2.FULL_ROUNDS_HALF * WIDTH;

    private static final long[] RC_INITIAL = Poseidon2.externalInitialRoundConstants();
    private static final long[] RC_INTERNAL = Poseidon2.internalRoundConstants();
    private static final long[] RC_FINAL = Poseidon2.externalFinalRoundConstants();
    private static final long[] DIAGONAL = Poseidon2.internalDiagonal();

    /** Where the permutation meets its intermediate wires: given a computed value, yields the value to use on. */
    interface WireHook<T> {
        T at(int wire, T computed);
    }

    @Override
    public String id() {
        return "Poseidon2Gate{width=12,rounds=4+22+4}";
    }

    @Override
    public int numWires() {
        return NUM_WIRES;
    }

    @Override
    public int numConstants() {
        return 0;
    }

    @Override
    public int numConstraints() {
        return NUM_WIRES - WIDTH;
    }

    @Override
    public int degree() {
        return 7;
    }

    // wire − computed = 0 for every S-box-input wire and every output wire
    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        List<T> state = new ArrayList<>(WIDTH);
        for (int i = 0; i < WIDTH; i++) {
            state.add(vars.wire(WIRE_INPUT + i));
        }
        List<T> result = permute(alg, state, (wire, computed) -> {
            T w = vars.wire(wire);
            out.accept(alg.sub(w, computed));
            return w;
        });
        for (int i = 0; i < WIDTH; i++) {
            out.accept(alg.sub(vars.wire(WIRE_OUTPUT + i), result.get(i)));
        }
    }

    /**
     * The permutation written once in a generic algebra, following the structure of {@link Poseidon2}; every
     * S-box input from initial round 1 on passes through {@code hook} with its wire index.
     */
    static <T> List<T> permute(Algebra<T> alg, List<T> input, WireHook<T> hook) {
        List<T> s = externalLayer(alg, input);
        for (int r = 0; r < Poseidon2.FULL_ROUNDS_HALF; r++) {
            List<T> sboxed = new ArrayList<>(WIDTH);
            for (int i = 0; i < WIDTH; i++) {
                T x = alg.addConstant(s.get(i), RC_INITIAL[WIDTH * r + i]);
                if (r > 0) {
                    x = hook.at(WIRE_INITIAL_SBOX + WIDTH * (r - 1) + i, x);
                }
                sboxed.add(alg.pow7(x));
            }
            s = externalLayer(alg, sboxed);
        }
        // s[0] ← (s[0] + rc)^7; s[i] ← D[i]·s[i] + Σ s
        for (int r = 0; r < Poseidon2.PARTIAL_ROUNDS; r++) {
            T x = hook.at(WIRE_PARTIAL_SBOX + r, alg.addConstant(s.get(0), RC_INTERNAL[r]));
            s.set(0, alg.pow7(x));
            T total = s.get(0);
            for (int i = 1; i < WIDTH; i++) {
                total = alg.add(total, s.get(i));
            }
            for (int i = 0; i < WIDTH; i++) {
                s.set(i, alg.scaleAdd(s.get(i), DIAGONAL[i], total));
            }
        }
        for (int r = 0; r < Poseidon2.FULL_ROUNDS_HALF; r++) {
            List<T> sboxed = new ArrayList<>(WIDTH);
            for (int i = 0; i < WIDTH; i++) {
                T x = alg.addConstant(s.get(i), RC_FINAL[WIDTH * r + i]);
                sboxed.add(alg.pow7(hook.at(WIRE_FINAL_SBOX + WIDTH * r + i, x)));
            }
            s = externalLayer(alg, sboxed);
        }
        return s;
    }

    // E: M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] on each block of 4, then s[i] += Σ_k s[4k + i mod 4]
    private static <T> List<T> externalLayer(Algebra<T> alg, List<T> s) {
        List<T> m = new ArrayList<>(WIDTH);
        for (int k = 0; k < WIDTH; k += 4) {
            T a = s.get(k);
            T b = s.get(k + 1);
            T c = s.get(k + 2);
            T d = s.get(k + 3);
            T ab = alg.add(a, b);
            T cd = alg.add(c, d);
            T all = alg.add(ab, cd);
            m.add(alg.scaleAdd(b, 2, alg.add(all, a)));
            m.add(alg.scaleAdd(c, 2, alg.add(all, b)));
            m.add(alg.scaleAdd(d, 2, alg.add(all, c)));
            m.add(alg.scaleAdd(a, 2, alg.add(all, d)));
        }
        List<T> r = new ArrayList<>(WIDTH);
        for (int i = 0; i < WIDTH; i++) {
            T sum = alg.add(alg.add(m.get(i % 4), m.get(4 + i % 4)), m.get(8 + i % 4));
            r.add(alg.add(m.get(i), sum));
        }
        return r;
    }

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        return List.of(new Generator(row));
    }

    @Override
    public String describeConstraint(int index) {
        int wire = index < NUM_WIRES - 2 * WIDTH ? WIRE_INITIAL_SBOX + index : WIRE_OUTPUT + index - (NUM_WIRES - 2 * WIDTH);
        return "wire " + wire;
    }

    /** Runs the permutation on the row's inputs and records every S-box input and the outputs. */
    record Generator(int row) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            List<Target> ins = new ArrayList<>(WIDTH);
            for (int i = 0; i < WIDTH; i++) {
                ins.add(new Target.Wire(row, WIRE_INPUT + i));
            }
            return ins;
        }

        @Override
        public List<Target> outputs() {
            List<Target> outs = new ArrayList<>(NUM_WIRES - WIDTH);
            for (int wire = WIDTH; wire < NUM_WIRES; wire++) {
                outs.add(new Target.Wire(row, wire));
            }
            return outs;
        }

        @Override
        public void run(WitnessAccess w) {
            // a one-point block algebra runs the same code the constraints use
            BlockAlgebra alg = new BlockAlgebra(1);
            List<long[]> state = new ArrayList<>(WIDTH);
            for (int i = 0; i < WIDTH; i++) {
                state.add(new long[] {Goldilocks.canonical(w.get(new Target.Wire(row, WIRE_INPUT + i)))});
            }
            List<long[]> result = permute(alg, state, (wire, computed) -> {
                w.set(new Target.Wire(row, wire), computed[0]);
                return computed;
            });
            for (int i = 0; i < WIDTH; i++) {
                w.set(new Target.Wire(row, WIRE_OUTPUT + i), result.get(i)[0]);
            }
        }

        @Override
        public String describe() {
            return "Poseidon2Gate at row " + row;
        }
    }
}
