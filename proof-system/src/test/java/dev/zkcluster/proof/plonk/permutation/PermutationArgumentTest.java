package dev.zkcluster.proof.plonk.permutation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.TestCircuits;
import dev.zkcluster.proof.plonk.algebra.BlockAlgebra;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PermutationArgumentTest {
    private final Random rnd = new Random(1234);

    @Test
    void standardCosetShiftsGiveDisjointCosetsForEverySubgroupSize() {
        long[] k = PermutationArgument.cosetShifts(CircuitConfig.standard().numRoutedWires());
        for (int bits = 0; bits <= Goldilocks.TWO_ADICITY; bits++) {
            assertTrue(PermutationArgument.cosetsDisjoint(k, bits), "2^" + bits);
        }
    }

    @Test
    void shiftsInTheSameCosetAreDetected() {
        long omega = Goldilocks.primitiveRootOfUnity(4);
        assertFalse(PermutationArgument.cosetsDisjoint(new long[] {7, Goldilocks.mul(7, omega)}, 4));
    }

    @Test
    void honestWitnessClosesTheGrandProductForBothChallengePairs() {
        TestCircuits.Instance inst = TestCircuits.everyGate(99);
        CircuitData data = inst.data();
        for (int pair = 0; pair < data.config().numChallenges(); pair++) {
            GrandProduct gp = grandProduct(data, inst.witness().wires(), rnd.nextLong(), rnd.nextLong());
            assertEquals(1, gp.z()[0]);
            assertEquals(1, gp.closing());
            assertEquals(data.config().numPartialProducts(), gp.partials().length);
        }
    }

    @Test
    void permutationConstraintsVanishOnTheSubgroupForHonestWitness() {
        TestCircuits.Instance inst = TestCircuits.everyGate(5);
        long beta = Goldilocks.canonical(rnd.nextLong());
        long gamma = Goldilocks.canonical(rnd.nextLong());
        List<long[]> values = evalOnSubgroup(inst.data(), inst.witness().wires(), beta, gamma);
        assertEquals(inst.data().config().numPartialProducts() + 2, values.size());
        for (int c = 0; c < values.size(); c++) {
            for (long v : values.get(c)) {
                assertEquals(0, v, "constraint " + c);
            }
        }
    }

    @Test
    void brokenCopyConstraintKeepsTheProductFromClosing() {
        TestCircuits.Instance inst = TestCircuits.everyGate(5);
        CircuitData data = inst.data();
        long[][] wires = inst.witness().wires();
        // change one cell that shares its copy class with another cell
        int[] next = data.copyNext();
        int routed = data.config().numRoutedWires();
        int cell = 0;
        while (next[cell] == cell) {
            cell++;
        }
        long[][] tampered = new long[wires.length][];
        for (int j = 0; j < wires.length; j++) {
            tampered[j] = wires[j].clone();
        }
        tampered[cell % routed][cell / routed] = Goldilocks.add(tampered[cell % routed][cell / routed], 1);
        long beta = Goldilocks.canonical(rnd.nextLong());
        long gamma = Goldilocks.canonical(rnd.nextLong());
        assertNotEquals(1, grandProduct(data, tampered, beta, gamma).closing());
        boolean someNonZero = false;
        for (long[] c : evalOnSubgroup(data, tampered, beta, gamma)) {
            for (long v : c) {
                someNonZero |= v != 0;
            }
        }
        assertTrue(someNonZero);
    }

    private static GrandProduct grandProduct(CircuitData data, long[][] wires, long beta, long gamma) {
        return PermutationArgument.grandProduct(wires, data.sigmas(), data.cosetShifts(), data.degreeBits(),
                data.config().permutationChunkSize(), Goldilocks.canonical(beta), Goldilocks.canonical(gamma));
    }

    // every permutation constraint at every point of H, one block covering all of H; Z(ω·ω^(n−1)) = Z(1)
    private static List<long[]> evalOnSubgroup(CircuitData data, long[][] wires, long beta, long gamma) {
        int n = data.numRows();
        GrandProduct gp = grandProduct(data, wires, beta, gamma);
        long[] zNext = new long[n];
        for (int i = 0; i < n; i++) {
            zNext[i] = gp.z()[(i + 1) % n];
        }
        long[] l1 = new long[n];
        l1[0] = 1;
        long[] x = PermutationArgument.subgroup(data.degreeBits());
        BlockAlgebra alg = new BlockAlgebra(n);
        PermutationVars<long[]> vars = new PermutationVars<>() {
            public long[] x() {
                return x;
            }

            public long[] lagrangeFirst() {
                return l1;
            }

            public long[] wire(int j) {
                return wires[j];
            }

            public long[] sigma(int j) {
                return data.sigmas()[j];
            }

            public long[] z() {
                return gp.z();
            }

            public long[] zNext() {
                return zNext;
            }

            public long[] partialProduct(int c) {
                return gp.partials()[c];
            }
        };
        List<long[]> out = new ArrayList<>();
        PermutationArgument.evalConstraints(alg, vars, data.cosetShifts(), data.config().permutationChunkSize(),
                beta, gamma, c -> out.add(c.clone()));
        return out;
    }
}
