package dev.zkcluster.circuits.rollup.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BasicCircuitDigestTest {

    @Test
    void twoBuildsOfEachKindHaveTheSameDigest() {
        for (OpKind kind : OpKind.values()) {
            assertArrayEquals(BasicCircuit.build(kind, 2).data().circuitDigest(),
                    BasicCircuit.build(kind, 2).data().circuitDigest(), kind.circuitId());
        }
    }

    @Test
    void kindsAndCapacitiesHaveDistinctDigests() {
        long[] deposit = BasicCircuit.build(OpKind.DEPOSIT, 2).data().circuitDigest();
        assertFalse(Arrays.equals(deposit, BasicCircuit.build(OpKind.WITHDRAWAL, 2).data().circuitDigest()));
        assertFalse(Arrays.equals(deposit, BasicCircuit.build(OpKind.DEPOSIT, 3).data().circuitDigest()));
    }

    @Test
    void exposesSeventeenPublicInputs() {
        assertEquals(17, BasicCircuit.build(OpKind.TRANSFER, 1).data().publicInputs().size());
    }

    @Tag("slow")
    @Test
    void defaultCapacityBuildsAreDeterministic() {
        for (OpKind kind : OpKind.values()) {
            BasicCircuit first = BasicCircuit.build(kind, BasicCircuit.DEFAULT_CAPACITY);
            BasicCircuit second = BasicCircuit.build(kind, BasicCircuit.DEFAULT_CAPACITY);
            assertArrayEquals(first.data().circuitDigest(), second.data().circuitDigest(), kind.circuitId());
        }
    }
}
