package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CircuitBuilderTest {
    private final Random rnd = new Random(7);

    private long elem() {
        return Goldilocks.canonical(rnd.nextLong());
    }

    private static CircuitBuilder builder() {
        return new CircuitBuilder(CircuitConfig.standard());
    }

    private static long value(CircuitData data, WitnessVector w, Target t) {
        int cls = data.partition()[data.targetIndex(t)];
        int numWires = data.config().numWires();
        if (cls >= data.numRows() * numWires) {
            throw new IllegalArgumentException("target has no cell");
        }
        return w.wire(cls / numWires, cls % numWires);
    }

    @Test
    void arithmeticHeavyCircuitComputesAndSatisfiesAllConstraints() {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        // acc ← acc·x + y − 3·acc/y, 40 times
        Target acc = b.one();
        for (int i = 0; i < 40; i++) {
            Target t = b.mulAdd(acc, x, y);
            acc = b.sub(t, b.scale(b.div(acc, y), 3));
        }
        b.registerPublicInput(acc);
        CircuitData data = b.build();
        long xv = elem();
        long yv = elem();
        WitnessVector w = WitnessGeneration.generate(data, new PartialWitness().set(x, xv).set(y, yv));
        long expected = 1;
        for (int i = 0; i < 40; i++) {
            long t = Goldilocks.add(Goldilocks.mul(expected, xv), yv);
            expected = Goldilocks.sub(t, Goldilocks.mul(3, Goldilocks.mul(expected, Goldilocks.inverse(yv))));
        }
        assertEquals(expected, w.publicInputs()[0]);
        assertEquals(List.of(), ConstraintChecker.check(data, w));
    }

    @Test
    void poseidon2HashChainMatchesNativeHashNoPadAndTwoToOne() {
        CircuitBuilder b = builder();
        List<Target> inputs = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            inputs.add(b.addVirtualTarget());
        }
        List<Target> h = b.hashNoPad(inputs);
        List<Target> chained = b.twoToOne(h, b.hashNoPad(inputs.subList(0, 9)));
        for (Target t : chained) {
            b.registerPublicInput(t);
        }
        CircuitData data = b.build();
        long[] xs = new long[19];
        PartialWitness pw = new PartialWitness();
        for (int i = 0; i < xs.length; i++) {
            xs[i] = elem();
            pw.set(inputs.get(i), xs[i]);
        }
        WitnessVector w = WitnessGeneration.generate(data, pw);
        Digest expected = Poseidon2Hash.twoToOne(Poseidon2Hash.hashNoPad(xs), Poseidon2Hash.hashNoPad(xs, 0, 9));
        assertArrayEquals(expected.toArray(), w.publicInputs());
        assertEquals(List.of(), ConstraintChecker.check(data, w));
    }

    @Test
    void rangeCheckAcceptsLargestValueOfTheRange() {
        for (int bits : new int[] {1, 8, 32, 63}) {
            CircuitBuilder b = builder();
            Target x = b.addVirtualTarget();
            b.rangeCheck(x, bits);
            CircuitData data = b.build();
            long max = bits == 64 ? -1 : (1L << bits) - 1;
            WitnessVector w = WitnessGeneration.generate(data, new PartialWitness().set(x, max));
            assertEquals(List.of(), ConstraintChecker.check(data, w), "bits " + bits);
        }
    }

    @Test
    void rangeCheckRejectsTwoToTheBits() {
        for (int bits : new int[] {1, 8, 32, 63}) {
            CircuitBuilder b = builder();
            Target x = b.addVirtualTarget();
            b.rangeCheck(x, bits);
            CircuitData data = b.build();
            PartialWitness pw = new PartialWitness().set(x, 1L << bits);
            WitnessGenerationException e =
                    assertThrows(WitnessGenerationException.class, () -> WitnessGeneration.generate(data, pw));
            assertTrue(e.getMessage().contains("BaseSumGate") && e.getMessage().contains("row"), e.getMessage());
        }
    }

    @Test
    void forgedRangeCheckWitnessWithTooLargeValueViolatesConstraints() {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        List<Target> bits = b.splitBits(x, 8);
        CircuitData data = b.build();
        WitnessVector w = WitnessGeneration.generate(data, new PartialWitness().set(x, 255));
        // claim 256 with the bits of 255 (or of 0): the sum constraint must fail
        Target.Wire sumCell = (Target.Wire) bits.get(0);
        w.wires()[0][sumCell.row()] = 256;
        assertFalse(ConstraintChecker.check(data, w).isEmpty());
    }

    @Test
    void randomAccessAndSelectReturnTheChosenItems() {
        CircuitBuilder b = builder();
        List<Target> list = new ArrayList<>();
        long[] values = new long[11];
        for (int i = 0; i < values.length; i++) {
            values[i] = elem();
            list.add(b.constant(values[i]));
        }
        Target index = b.addVirtualTarget();
        Target bit = b.addVirtualTarget();
        Target picked = b.randomAccess(index, list);
        Target selected = b.select(bit, picked, list.get(0));
        b.registerPublicInput(picked);
        b.registerPublicInput(selected);
        CircuitData data = b.build();
        for (int i : new int[] {0, 6, 10}) {
            WitnessVector w = WitnessGeneration.generate(data, new PartialWitness().set(index, i).set(bit, 1));
            assertArrayEquals(new long[] {values[i], values[i]}, w.publicInputs());
            WitnessVector w0 = WitnessGeneration.generate(data, new PartialWitness().set(index, i).set(bit, 0));
            assertArrayEquals(new long[] {values[i], values[0]}, w0.publicInputs());
        }
    }

    @Test
    void selectWithNonBooleanSelectorFailsGeneration() {
        CircuitBuilder b = builder();
        Target bit = b.addVirtualTarget();
        b.registerPublicInput(b.select(bit, b.constant(5), b.constant(9)));
        CircuitData data = b.build();
        assertThrows(WitnessGenerationException.class,
                () -> WitnessGeneration.generate(data, new PartialWitness().set(bit, 2)));
    }

    @Test
    void publicInputsAreHashedIntoThePublicInputGate() {
        CircuitBuilder b = builder();
        List<Target> ins = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Target t = b.addVirtualTarget();
            ins.add(t);
            b.registerPublicInput(b.mul(t, t));
        }
        CircuitData data = b.build();
        PartialWitness pw = new PartialWitness();
        long[] squares = new long[6];
        for (int i = 0; i < 6; i++) {
            long v = elem();
            pw.set(ins.get(i), v);
            squares[i] = Goldilocks.square(v);
        }
        WitnessVector w = WitnessGeneration.generate(data, pw);
        assertArrayEquals(squares, w.publicInputs());
        // a changed public input no longer matches the hash on the public-input gate's wires
        long[] changed = w.publicInputs().clone();
        changed[3] = Goldilocks.add(changed[3], 1);
        List<ConstraintChecker.Violation> v = ConstraintChecker.check(data, new WitnessVector(w.wires(), changed));
        assertFalse(v.isEmpty());
        assertEquals("PublicInputGate", v.get(0).gate());
    }

    @Test
    void extensionArithmeticHelpersMatchExt2() {
        CircuitBuilder b = builder();
        ExtTarget x = new ExtTarget(b.addVirtualTarget(), b.addVirtualTarget());
        ExtTarget y = new ExtTarget(b.addVirtualTarget(), b.addVirtualTarget());
        ExtTarget r = b.extSub(b.extMulAdd(x, y, b.extAdd(x, y)), b.extMul(y, y));
        b.registerPublicInput(r.c0());
        b.registerPublicInput(r.c1());
        CircuitData data = b.build();
        Ext2 xv = new Ext2(elem(), elem());
        Ext2 yv = new Ext2(elem(), elem());
        WitnessVector w = WitnessGeneration.generate(data,
                new PartialWitness().set(x, xv.c0(), xv.c1()).set(y, yv.c0(), yv.c1()));
        Ext2 expected = xv.mul(yv).add(xv.add(yv)).sub(yv.mul(yv));
        assertArrayEquals(new long[] {expected.c0(), expected.c1()}, w.publicInputs());
    }

    @Test
    void divisionByZeroFailsNamingGateRowAndWire() {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        b.registerPublicInput(b.div(x, y));
        CircuitData data = b.build();
        WitnessGenerationException e = assertThrows(WitnessGenerationException.class,
                () -> WitnessGeneration.generate(data, new PartialWitness().set(x, 5).set(y, 0)));
        assertTrue(e.getMessage().matches(
                "division by zero: .*ArithmeticGate at row \\d+, op \\d+, divisor on wire \\d+ is zero"),
                e.getMessage());
    }

    @Test
    void missingInputFailsNamingTheGeneratorAndWire() {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        b.registerPublicInput(b.add(x, y));
        CircuitData data = b.build();
        WitnessGenerationException e = assertThrows(WitnessGenerationException.class,
                () -> WitnessGeneration.generate(data, new PartialWitness().set(x, 5)));
        assertTrue(e.getMessage().contains("ArithmeticGate at row") && e.getMessage().contains("wire"),
                e.getMessage());
    }

    @Test
    void assertEqualOfDifferentValuesFailsGeneration() {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        b.assertEqual(b.mul(x, x), b.constant(4));
        CircuitData data = b.build();
        WitnessGeneration.generate(data, new PartialWitness().set(x, 2));
        WitnessGenerationException e = assertThrows(WitnessGenerationException.class,
                () -> WitnessGeneration.generate(data, new PartialWitness().set(x, 3)));
        assertTrue(e.getMessage().contains("row"), e.getMessage());
    }

    @Test
    void tamperedWitnessIsReportedWithGateRowAndWire() {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        Target sq = b.mul(x, x);
        b.registerPublicInput(sq);
        CircuitData data = b.build();
        WitnessVector w = WitnessGeneration.generate(data, new PartialWitness().set(x, 3));
        Target.Wire cell = (Target.Wire) sq;
        w.wires()[cell.column()][cell.row()] = 10;
        List<ConstraintChecker.Violation> v = ConstraintChecker.check(data, w);
        assertTrue(v.stream().anyMatch(x1 -> x1.row() == cell.row() && x1.wire().contains("wire " + cell.column())
                && x1.gate().startsWith("ArithmeticGate")), v.toString());
        // the public-input gate's copy of sq now differs too
        assertTrue(v.stream().anyMatch(x1 -> x1.detail().startsWith("copy constraint broken")), v.toString());
    }

    @Test
    void circuitDigestIsDeterministicAndChangesWithAConstant() {
        assertArrayEquals(digestOfSample(5), digestOfSample(5));
        assertFalse(java.util.Arrays.equals(digestOfSample(5), digestOfSample(6)));
    }

    @Test
    void circuitDigestChangesWithTheWiring() {
        CircuitBuilder a = builder();
        Target x = a.addVirtualTarget();
        Target y = a.addVirtualTarget();
        a.registerPublicInput(a.sub(x, y));
        CircuitBuilder b = builder();
        Target x2 = b.addVirtualTarget();
        b.registerPublicInput(b.sub(x2, x2));
        assertFalse(java.util.Arrays.equals(a.build().circuitDigest(), b.build().circuitDigest()));
    }

    private static long[] digestOfSample(long c) {
        CircuitBuilder b = builder();
        Target x = b.addVirtualTarget();
        Target h = b.hashNoPad(List.of(x, b.constant(c), x, x, x)).get(0);
        b.rangeCheck(x, 16);
        b.registerPublicInput(b.mulAdd(h, x, b.constant(c)));
        return b.build().circuitDigest();
    }
}
