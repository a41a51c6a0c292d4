package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.gates.ArithmeticGate;
import dev.zkcluster.proof.plonk.gates.BaseSumGate;
import dev.zkcluster.proof.plonk.gates.ConstantGate;
import dev.zkcluster.proof.plonk.gates.ExtensionArithmeticGate;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.gates.Poseidon2Gate;
import dev.zkcluster.proof.plonk.gates.PublicInputGate;
import dev.zkcluster.proof.plonk.gates.RandomAccessGate;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A proof made (without the prover's own check) from a witness that breaks one constraint is rejected. Each test
 * first confirms, with the constraint checker, that the forced witness breaks exactly the intended kind of
 * constraint.
 */
class PlonkWrongWitnessTest {
    private final TestCircuits.Instance instance = TestCircuits.everyGate(ProofFixtures.FAST, 77);

    @Test
    void rejectsBrokenArithmeticGate() {
        assertRejectedWhenBroken(ArithmeticGate.class, ArithmeticGate.wireOut(0));
    }

    @Test
    void rejectsBrokenConstantGate() {
        assertRejectedWhenBroken(ConstantGate.class, 0);
    }

    @Test
    void rejectsBrokenPublicInputGate() {
        assertRejectedWhenBroken(PublicInputGate.class, 1);
    }

    @Test
    void rejectsBrokenPoseidon2Gate() {
        assertRejectedWhenBroken(Poseidon2Gate.class, Poseidon2Gate.WIRE_PARTIAL_SBOX + 3);
    }

    @Test
    void rejectsBrokenBaseSumGate() {
        assertRejectedWhenBroken(BaseSumGate.class, BaseSumGate.wireLimb(2));
    }

    @Test
    void rejectsBrokenRandomAccessGate() {
        assertRejectedWhenBroken(RandomAccessGate.class, RandomAccessGate.WIRE_OUTPUT);
    }

    @Test
    void rejectsBrokenExtensionArithmeticGate() {
        assertRejectedWhenBroken(ExtensionArithmeticGate.class, ExtensionArithmeticGate.wireOut(0) + 1);
    }

    // Item 0 of the random-access list is not the selected one: changing it breaks only its copy constraint.
    @Test
    void rejectsBrokenCopyConstraint() {
        int row = firstRowOf(RandomAccessGate.class);
        WitnessVector forced = withChangedWire(instance.witness(), row, RandomAccessGate.wireItem(0));
        List<ConstraintChecker.Violation> violations = ConstraintChecker.check(instance.data(), forced);
        assertFalse(violations.isEmpty());
        assertTrue(violations.stream().allMatch(v -> v.detail().startsWith("copy constraint broken")),
                violations.toString());
        assertRejected(forced);
    }

    private void assertRejectedWhenBroken(Class<? extends Gate> gate, int wire) {
        int row = firstRowOf(gate);
        WitnessVector forced = withChangedWire(instance.witness(), row, wire);
        String id = instance.data().gates().get(instance.data().rowGate(row)).id();
        assertTrue(ConstraintChecker.check(instance.data(), forced).stream()
                        .anyMatch(v -> v.gate().equals(id) && v.row() == row && !v.detail().startsWith("copy")),
                "the forced witness must break " + id + " at row " + row);
        assertRejected(forced);
    }

    private void assertRejected(WitnessVector forced) {
        ProofFixtures.Proved proved = ProofFixtures.proveUnchecked(instance.data(), forced);
        Verification.Rejected rejected = assertInstanceOf(Verification.Rejected.class, proved.verify());
        // the honest prover's quotient of a false statement is not a polynomial, so the identity at ζ fails
        assertTrue(rejected.reason().contains("vanishing identity"), rejected.reason());
    }

    private int firstRowOf(Class<? extends Gate> gate) {
        CircuitData data = instance.data();
        for (int r = 0; r < data.numRows(); r++) {
            if (data.rowGate(r) >= 0 && gate.isInstance(data.gates().get(data.rowGate(r)))) {
                return r;
            }
        }
        throw new AssertionError("the circuit has no " + gate.getSimpleName());
    }

    static WitnessVector withChangedWire(WitnessVector witness, int row, int column) {
        long[][] wires = new long[witness.numWires()][];
        for (int c = 0; c < wires.length; c++) {
            wires[c] = witness.wires()[c].clone();
        }
        wires[column][row] = Goldilocks.add(wires[column][row], 1);
        return new WitnessVector(wires, witness.publicInputs().clone());
    }
}
