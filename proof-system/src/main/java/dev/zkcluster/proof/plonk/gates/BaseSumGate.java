package dev.zkcluster.proof.plonk.gates;

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
 * Decomposes wire 0 into {@code numLimbs} little-endian limbs in base {@code base}: a range check of wire 0 to
 * [0, base^numLimbs).
 *
 * <p>Layout: wire 0 = sum, wires 1..numLimbs = limbs (all routed, so limbs can be reused as bits). Constraints: the
 * sum, degree 1, then one per limb Π_{j<base}(limb − j), degree {@code base}. base^numLimbs must be at most 2^63 so
 * that the sum cannot wrap around p, and base at most 8 so the limb constraint fits the quotient degree factor.
 */
public record BaseSumGate(int numLimbs, int base) implements Gate {
    public static final int WIRE_SUM = 0;
    public static final int MAX_BASE = 8;

    public BaseSumGate {
        if (base < 2 || base > MAX_BASE) {
            throw new IllegalArgumentException("base must be in [2, " + MAX_BASE + "], got " + base);
        }
        if (numLimbs <= 0 || !fitsIn63Bits(base, numLimbs)) {
            throw new IllegalArgumentException(
                    "base^numLimbs must be at most 2^63: base " + base + ", limbs " + numLimbs);
        }
    }

    /** A bit decomposition of {@code bits} bits, 1 ≤ bits ≤ 63. */
    public static BaseSumGate bits(int bits) {
        return new BaseSumGate(bits, 2);
    }

    public static int wireLimb(int i) {
        return 1 + i;
    }

    private static boolean fitsIn63Bits(int base, int numLimbs) {
        long acc = 1;
        for (int i = 0; i < numLimbs; i++) {
            if (Long.compareUnsigned(acc, Long.divideUnsigned(1L << 63, base)) > 0) {
                return false;
            }
            acc *= base;
        }
        return true;
    }

    @Override
    public String id() {
        return "BaseSumGate{numLimbs=" + numLimbs + ",base=" + base + "}";
    }

    @Override
    public int numWires() {
        return 1 + numLimbs;
    }

    @Override
    public int numConstants() {
        return 0;
    }

    @Override
    public int numConstraints() {
        return 1 + numLimbs;
    }

    @Override
    public int degree() {
        return base;
    }

    // sum − Σ limb_i·base^i = 0, and Π_{j<base}(limb_i − j) = 0 for every limb
    @Override
    public <T> void eval(Algebra<T> alg, GateVars<T> vars, ConstraintSink<T> out) {
        T acc = alg.zero();
        for (int i = numLimbs - 1; i >= 0; i--) {
            acc = alg.add(alg.scale(acc, base), vars.wire(wireLimb(i)));
        }
        out.accept(alg.sub(vars.wire(WIRE_SUM), acc));
        for (int i = 0; i < numLimbs; i++) {
            T limb = vars.wire(wireLimb(i));
            T product = limb;
            for (int j = 1; j < base; j++) {
                product = alg.mul(product, alg.sub(limb, alg.constant(j)));
            }
            out.accept(product);
        }
    }

    @Override
    public List<WitnessGenerator> generators(int row, long[] constants) {
        return List.of(new Generator(this, row));
    }

    @Override
    public String describeConstraint(int index) {
        return index == 0 ? "sum wire " + WIRE_SUM : "limb wire " + wireLimb(index - 1);
    }

    /** Splits the sum into limbs; a sum that does not fit fails generation. */
    record Generator(BaseSumGate gate, int row) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            return List.of(new Target.Wire(row, WIRE_SUM));
        }

        @Override
        public List<Target> outputs() {
            List<Target> outs = new ArrayList<>(gate.numLimbs);
            for (int i = 0; i < gate.numLimbs; i++) {
                outs.add(new Target.Wire(row, wireLimb(i)));
            }
            return outs;
        }

        @Override
        public void run(WitnessAccess w) {
            long sum = w.get(new Target.Wire(row, WIRE_SUM));
            long rest = sum;
            for (int i = 0; i < gate.numLimbs; i++) {
                w.set(new Target.Wire(row, wireLimb(i)), Long.remainderUnsigned(rest, gate.base));
                rest = Long.divideUnsigned(rest, gate.base);
            }
            if (rest != 0) {
                throw new WitnessGenerationException(describe() + ": value " + Long.toUnsignedString(sum)
                        + " on wire " + WIRE_SUM + " does not fit in " + gate.numLimbs + " limbs of base "
                        + gate.base);
            }
        }

        @Override
        public String describe() {
            return gate.id() + " at row " + row;
        }
    }
}
