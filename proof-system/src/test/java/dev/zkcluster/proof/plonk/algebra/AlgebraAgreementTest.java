package dev.zkcluster.proof.plonk.algebra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.TestCircuits;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AlgebraAgreementTest {
    private static final int POINTS = 8;

    @Test
    void blockAndExt2AlgebrasAgreeOnFilteredGateConstraintsAtBaseInputs() {
        CircuitData data = TestCircuits.everyGate(3).data();
        Random rnd = new Random(2024);
        int numConstants = data.constants().length;
        long[][] wires = randomColumns(rnd, data.config().numWires());
        long[][] constants = randomColumns(rnd, numConstants);
        long[][] piHash = randomColumns(rnd, 4);

        BlockAlgebra block = new BlockAlgebra(POINTS);
        List<long[]> blockResult = data.evalFilteredConstraints(block, vars(wires, constants, piHash));
        for (int p = 0; p < POINTS; p++) {
            int point = p;
            GateVars<Ext2> ext = new GateVars<>() {
                public Ext2 wire(int i) {
                    return Ext2.ofBase(wires[i][point]);
                }

                public Ext2 constant(int i) {
                    return Ext2.ofBase(constants[i][point]);
                }

                public Ext2 publicInputHash(int i) {
                    return Ext2.ofBase(piHash[i][point]);
                }
            };
            List<Ext2> extResult = data.evalFilteredConstraints(Ext2Algebra.INSTANCE, ext);
            assertEquals(blockResult.size(), extResult.size());
            for (int c = 0; c < extResult.size(); c++) {
                assertEquals(Ext2.ofBase(blockResult.get(c)[p]), extResult.get(c), "constraint " + c + ", point " + p);
            }
        }
    }

    @Test
    void blockAlgebraSpecialisedOpsMatchTheirGenericDefinitions() {
        Random rnd = new Random(11);
        BlockAlgebra alg = new BlockAlgebra(POINTS);
        long[] a = randomColumns(rnd, 1)[0];
        long[] b = randomColumns(rnd, 1)[0];
        long[] c = randomColumns(rnd, 1)[0];
        long k = Goldilocks.canonical(rnd.nextLong());
        for (int i = 0; i < POINTS; i++) {
            assertEquals(Goldilocks.exp(a[i], 7), alg.pow7(a)[i]);
            assertEquals(Goldilocks.mul(a[i], k), alg.scale(a, k)[i]);
            assertEquals(Goldilocks.add(Goldilocks.mul(a[i], b[i]), c[i]), alg.mulAdd(a, b, c)[i]);
            assertEquals(Goldilocks.neg(a[i]), alg.neg(a)[i]);
        }
    }

    private static GateVars<long[]> vars(long[][] wires, long[][] constants, long[][] piHash) {
        return new GateVars<>() {
            public long[] wire(int i) {
                return wires[i];
            }

            public long[] constant(int i) {
                return constants[i];
            }

            public long[] publicInputHash(int i) {
                return piHash[i];
            }
        };
    }

    private static long[][] randomColumns(Random rnd, int count) {
        long[][] cols = new long[count][POINTS];
        for (long[] col : cols) {
            for (int i = 0; i < POINTS; i++) {
                col[i] = Goldilocks.canonical(rnd.nextLong());
            }
        }
        return cols;
    }
}
