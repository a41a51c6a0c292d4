package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The constraint algebra over extension targets of a {@link CircuitBuilder}: every gate's constraints and the
 * permutation argument, written once against {@link Algebra}, run unchanged inside a recursive verifier. Each
 * operation is one op of an extension-arithmetic row (10 ops a row with 80 routed wires).
 *
 * <p>Values built from {@link #constant} are folded: an operation on two constants is a constant, and adding 0 or
 * multiplying by 1 returns the other argument, so filtered constraints that start from 0 cost no rows.
 */
public final class CircuitAlgebra implements Algebra<ExtTarget> {
    private final CircuitBuilder builder;
    private final Map<ExtTarget, Ext2> constants = new HashMap<>();

    public CircuitAlgebra(CircuitBuilder builder) {
        this.builder = builder;
    }

    public CircuitBuilder builder() {
        return builder;
    }

    /** A base-field target as an extension element (t, 0). */
    public ExtTarget fromBase(Target t) {
        return new ExtTarget(t, builder.zero());
    }

    public ExtTarget constant(Ext2 c) {
        ExtTarget t = builder.extConstant(c);
        constants.put(t, c);
        return t;
    }

    @Override
    public ExtTarget constant(long c) {
        return constant(Ext2.ofBase(c));
    }

    @Override
    public ExtTarget add(ExtTarget a, ExtTarget b) {
        Ext2 ca = constants.get(a);
        Ext2 cb = constants.get(b);
        if (ca != null && cb != null) {
            return constant(ca.add(cb));
        }
        if (ca != null && ca.isZero()) {
            return b;
        }
        if (cb != null && cb.isZero()) {
            return a;
        }
        return builder.extAdd(a, b);
    }

    @Override
    public ExtTarget sub(ExtTarget a, ExtTarget b) {
        Ext2 ca = constants.get(a);
        Ext2 cb = constants.get(b);
        if (ca != null && cb != null) {
            return constant(ca.sub(cb));
        }
        if (cb != null && cb.isZero()) {
            return a;
        }
        return builder.extSub(a, b);
    }

    @Override
    public ExtTarget mul(ExtTarget a, ExtTarget b) {
        Ext2 ca = constants.get(a);
        Ext2 cb = constants.get(b);
        if (ca != null && cb != null) {
            return constant(ca.mul(cb));
        }
        if (ca != null && ca.c1() == 0) {
            return scale(b, ca.c0());
        }
        if (cb != null && cb.c1() == 0) {
            return scale(a, cb.c0());
        }
        return builder.extMul(a, b);
    }

    @Override
    public ExtTarget scale(ExtTarget a, long c) {
        long value = Goldilocks.canonical(c);
        Ext2 ca = constants.get(a);
        if (ca != null) {
            return constant(ca.scale(value));
        }
        if (value == 1) {
            return a;
        }
        if (value == 0) {
            return constant(0);
        }
        return builder.extArithmetic(value, a, constant(1), 0, constant(0));
    }

    @Override
    public ExtTarget mulAdd(ExtTarget a, ExtTarget b, ExtTarget c) {
        if (constants.containsKey(a) || constants.containsKey(b) || constants.containsKey(c)) {
            return add(mul(a, b), c);
        }
        return builder.extMulAdd(a, b, c);
    }

    /** a^(2^k) by k squarings. */
    public ExtTarget squareRepeatedly(ExtTarget a, int k) {
        ExtTarget r = a;
        for (int i = 0; i < k; i++) {
            r = square(r);
        }
        return r;
    }

    /**
     * a / b: a generator computes q and one op enforces q·b = a. A zero divisor fails witness generation.
     */
    public ExtTarget div(ExtTarget a, ExtTarget b) {
        ExtTarget q = new ExtTarget(builder.addVirtualTarget(), builder.addVirtualTarget());
        builder.addGenerator(new ExtDivisionGenerator(a, b, q));
        builder.assertEqual(mul(q, b), a);
        return q;
    }

    /** Computes q = a/b in the extension; fails when b = 0. */
    record ExtDivisionGenerator(ExtTarget a, ExtTarget b, ExtTarget q) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            return List.of(a.c0(), a.c1(), b.c0(), b.c1());
        }

        @Override
        public List<Target> outputs() {
            return List.of(q.c0(), q.c1());
        }

        @Override
        public void run(WitnessAccess w) {
            Ext2 divisor = new Ext2(w.get(b.c0()), w.get(b.c1()));
            if (divisor.isZero()) {
                throw new WitnessGenerationException("extension division by zero in the recursive verifier");
            }
            Ext2 quotient = new Ext2(w.get(a.c0()), w.get(a.c1())).mul(divisor.inverse());
            w.set(q.c0(), quotient.c0());
            w.set(q.c1(), quotient.c1());
        }

        @Override
        public String describe() {
            return "extension division in the recursive verifier";
        }
    }
}
