package dev.zkcluster.proof.plonk.gates;

import static dev.zkcluster.proof.plonk.gates.GateHarness.failedConstraints;
import static dev.zkcluster.proof.plonk.gates.GateHarness.honestRow;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Poseidon2;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GateConstraintsTest {
    private final Random rnd = new Random(42);

    private long elem() {
        return Goldilocks.canonical(rnd.nextLong());
    }

    private Map<Integer, Long> randomInputs(List<Integer> wires) {
        Map<Integer, Long> m = new HashMap<>();
        for (int w : wires) {
            m.put(w, elem());
        }
        return m;
    }

    private static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }

    @Test
    void everyGateFitsTheStandardConfig() {
        CircuitConfig cfg = CircuitConfig.standard();
        List<Gate> gates = List.of(ArithmeticGate.forRoutedWires(80), new ConstantGate(2), new PublicInputGate(),
                new Poseidon2Gate(), BaseSumGate.bits(63), new RandomAccessGate(6),
                ExtensionArithmeticGate.forRoutedWires(80));
        for (Gate g : gates) {
            assertTrue(g.numWires() <= cfg.numWires(), g.id());
            assertTrue(g.degree() + 1 <= cfg.quotientDegreeFactor() + 1, g.id());
            assertTrue(g.numConstants() <= cfg.numConstants(), g.id());
        }
    }

    @Test
    void arithmeticHonestRowSatisfiesAndTamperedOutputOrInputViolates() {
        ArithmeticGate gate = new ArithmeticGate(20);
        long[] consts = {elem(), elem()};
        Map<Integer, Long> in = new HashMap<>();
        for (int op = 0; op < 20; op++) {
            in.put(ArithmeticGate.wireA(op), elem());
            in.put(ArithmeticGate.wireB(op), elem());
            in.put(ArithmeticGate.wireC(op), elem());
        }
        long[] row = honestRow(gate, in, consts);
        assertEquals(List.of(), failedConstraints(gate, row, consts));
        long a = row[ArithmeticGate.wireA(3)];
        long expected = Goldilocks.add(Goldilocks.mul(consts[0], Goldilocks.mul(a, row[ArithmeticGate.wireB(3)])),
                Goldilocks.mul(consts[1], row[ArithmeticGate.wireC(3)]));
        assertEquals(expected, row[ArithmeticGate.wireOut(3)]);

        long[] badOut = row.clone();
        badOut[ArithmeticGate.wireOut(7)] = Goldilocks.add(badOut[ArithmeticGate.wireOut(7)], 1);
        assertEquals(List.of(7), failedConstraints(gate, badOut, consts));
        long[] badIn = row.clone();
        badIn[ArithmeticGate.wireC(2)] = Goldilocks.add(badIn[ArithmeticGate.wireC(2)], 1);
        assertEquals(List.of(2), failedConstraints(gate, badIn, consts));
        long[] otherConsts = {consts[0], Goldilocks.add(consts[1], 1)};
        assertFalse(failedConstraints(gate, row, otherConsts).isEmpty());
    }

    @Test
    void constantGateHoldsItsConstantsAndRejectsAnotherValue() {
        ConstantGate gate = new ConstantGate(2);
        long[] consts = {elem(), elem()};
        long[] row = honestRow(gate, Map.of(), consts);
        assertArrayEquals(consts, row);
        assertEquals(List.of(), failedConstraints(gate, row, consts));
        row[1] = Goldilocks.add(row[1], 5);
        assertEquals(List.of(1), failedConstraints(gate, row, consts));
    }

    @Test
    void publicInputGateTiesWiresToTheHashAndRejectsAnyOtherHash() {
        PublicInputGate gate = new PublicInputGate();
        long[] hash = {elem(), elem(), elem(), elem()};
        assertEquals(List.of(), failedConstraints(gate, hash.clone(), new long[0], hash));
        long[] other = hash.clone();
        other[2] = Goldilocks.add(other[2], 1);
        assertEquals(List.of(2), failedConstraints(gate, hash.clone(), new long[0], other));
    }

    @Test
    void poseidon2GateOutputsEqualNativePermutationAndSatisfyItsConstraints() {
        Poseidon2Gate gate = new Poseidon2Gate();
        Map<Integer, Long> in = randomInputs(range(0, 12));
        long[] row = honestRow(gate, in, new long[0]);
        long[] state = new long[12];
        for (int i = 0; i < 12; i++) {
            state[i] = in.get(i);
        }
        Poseidon2.permute(state);
        for (int i = 0; i < 12; i++) {
            assertEquals(state[i], row[Poseidon2Gate.WIRE_OUTPUT + i], "output " + i);
        }
        assertEquals(List.of(), failedConstraints(gate, row, new long[0]));
        assertEquals(130, gate.numWires());
        assertEquals(118, gate.numConstraints());
    }

    @Test
    void poseidon2GateRejectsTamperedInputIntermediateOrOutput() {
        Poseidon2Gate gate = new Poseidon2Gate();
        long[] row = honestRow(gate, randomInputs(range(0, 12)), new long[0]);
        for (int wire : new int[] {0, 11, 12, 23, Poseidon2Gate.WIRE_INITIAL_SBOX, Poseidon2Gate.WIRE_PARTIAL_SBOX + 7,
                Poseidon2Gate.WIRE_FINAL_SBOX + 47}) {
            long[] bad = row.clone();
            bad[wire] = Goldilocks.add(bad[wire], 1);
            assertFalse(failedConstraints(gate, bad, new long[0]).isEmpty(), "tampered wire " + wire);
        }
    }

    @Test
    void baseSumGateDecomposesAndRejectsNonDigitLimbsOrWrongSum() {
        BaseSumGate gate = BaseSumGate.bits(8);
        long[] row = honestRow(gate, Map.of(BaseSumGate.WIRE_SUM, 0b1011_0110L), new long[0]);
        assertEquals(List.of(), failedConstraints(gate, row, new long[0]));
        assertEquals(0, row[BaseSumGate.wireLimb(0)]);
        assertEquals(1, row[BaseSumGate.wireLimb(1)]);
        // limbs [2, 0, ...] keep the sum of bits [0, 1, ...] but 2 is not a bit
        long[] nonBit = row.clone();
        nonBit[BaseSumGate.wireLimb(0)] = 2;
        nonBit[BaseSumGate.wireLimb(1)] = 0;
        assertEquals(List.of(1), failedConstraints(gate, nonBit, new long[0]));
        long[] wrongSum = row.clone();
        wrongSum[BaseSumGate.WIRE_SUM] = 0b1011_0111L;
        assertEquals(List.of(0), failedConstraints(gate, wrongSum, new long[0]));
    }

    @Test
    void baseSumGateInBase4HasDegreeFourAndRejectsDigitFour() {
        BaseSumGate gate = new BaseSumGate(5, 4);
        assertEquals(4, gate.degree());
        long[] row = honestRow(gate, Map.of(BaseSumGate.WIRE_SUM, 1000L), new long[0]);
        assertEquals(List.of(), failedConstraints(gate, row, new long[0]));
        long[] bad = row.clone();
        // 1000 = 0 + 2·4 + 2·16 + 3·64 + 3·256; move one unit of limb 1 into limb 0 as the digit 4
        bad[BaseSumGate.wireLimb(0)] = Goldilocks.add(bad[BaseSumGate.wireLimb(0)], 4);
        bad[BaseSumGate.wireLimb(1)] = Goldilocks.sub(bad[BaseSumGate.wireLimb(1)], 1);
        assertEquals(List.of(1), failedConstraints(gate, bad, new long[0]));
    }

    @Test
    void baseSumGeneratorRejectsValueThatDoesNotFit() {
        BaseSumGate gate = BaseSumGate.bits(8);
        WitnessGenerationException e = assertThrows(WitnessGenerationException.class,
                () -> honestRow(gate, Map.of(BaseSumGate.WIRE_SUM, 256L), new long[0]));
        assertTrue(e.getMessage().contains("does not fit"), e.getMessage());
    }

    @Test
    void randomAccessSelectsTheIndexedItemAndRejectsWrongOutputBitsOrIndex() {
        RandomAccessGate gate = new RandomAccessGate(3);
        Map<Integer, Long> in = randomInputs(range(RandomAccessGate.wireItem(0), RandomAccessGate.wireItem(8)));
        in.put(RandomAccessGate.WIRE_INDEX, 5L);
        long[] row = honestRow(gate, in, new long[0]);
        assertEquals(in.get(RandomAccessGate.wireItem(5)), row[RandomAccessGate.WIRE_OUTPUT]);
        assertEquals(List.of(), failedConstraints(gate, row, new long[0]));

        long[] wrongOutput = row.clone();
        wrongOutput[RandomAccessGate.WIRE_OUTPUT] = row[RandomAccessGate.wireItem(4)];
        assertEquals(List.of(4), failedConstraints(gate, wrongOutput, new long[0]));
        long[] wrongIndex = row.clone();
        wrongIndex[RandomAccessGate.WIRE_INDEX] = 4;
        assertEquals(List.of(3), failedConstraints(gate, wrongIndex, new long[0]));
        long[] nonBoolean = row.clone();
        nonBoolean[gate.wireBit(1)] = 2;
        assertTrue(failedConstraints(gate, nonBoolean, new long[0]).contains(1));
    }

    @Test
    void randomAccessGeneratorRejectsIndexBeyondTheList() {
        RandomAccessGate gate = new RandomAccessGate(2);
        Map<Integer, Long> in = randomInputs(range(RandomAccessGate.wireItem(0), RandomAccessGate.wireItem(4)));
        in.put(RandomAccessGate.WIRE_INDEX, 4L);
        assertThrows(WitnessGenerationException.class, () -> honestRow(gate, in, new long[0]));
    }

    @Test
    void extensionArithmeticMatchesExt2AndRejectsTamperedComponent() {
        ExtensionArithmeticGate gate = new ExtensionArithmeticGate(10);
        long[] consts = {elem(), elem()};
        Map<Integer, Long> in = new HashMap<>();
        for (int op = 0; op < 10; op++) {
            in.putAll(randomInputs(range(ExtensionArithmeticGate.wireA(op), ExtensionArithmeticGate.wireOut(op))));
        }
        long[] row = honestRow(gate, in, consts);
        assertEquals(List.of(), failedConstraints(gate, row, consts));
        int op = 6;
        Ext2 a = new Ext2(row[ExtensionArithmeticGate.wireA(op)], row[ExtensionArithmeticGate.wireA(op) + 1]);
        Ext2 b = new Ext2(row[ExtensionArithmeticGate.wireB(op)], row[ExtensionArithmeticGate.wireB(op) + 1]);
        Ext2 c = new Ext2(row[ExtensionArithmeticGate.wireC(op)], row[ExtensionArithmeticGate.wireC(op) + 1]);
        Ext2 expected = a.mul(b).scale(consts[0]).add(c.scale(consts[1]));
        assertEquals(expected.c0(), row[ExtensionArithmeticGate.wireOut(op)]);
        assertEquals(expected.c1(), row[ExtensionArithmeticGate.wireOut(op) + 1]);

        long[] bad = row.clone();
        bad[ExtensionArithmeticGate.wireOut(op) + 1] = Goldilocks.add(bad[ExtensionArithmeticGate.wireOut(op) + 1], 1);
        assertEquals(List.of(2 * op + 1), failedConstraints(gate, bad, consts));
        long[] badIn = row.clone();
        badIn[ExtensionArithmeticGate.wireB(op) + 1] = Goldilocks.add(badIn[ExtensionArithmeticGate.wireB(op) + 1], 1);
        assertEquals(List.of(2 * op, 2 * op + 1), failedConstraints(gate, badIn, consts));
    }
}
