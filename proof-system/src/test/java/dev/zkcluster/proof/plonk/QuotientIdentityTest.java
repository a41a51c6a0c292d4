package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.backend.QuotientInputs;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.plonk.algebra.Ext2Algebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.permutation.GrandProduct;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.permutation.PermutationVars;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Lde;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quotient kernel's output, at every LDE point, equals the constraints evaluated one point at a time divided by
 * Z_H. Constraints have degree at most q + 1 in polynomials of degree below n, so for a satisfying witness the
 * quotient has degree at most (q + 1)(n − 1) − n = q·n − q − 1: its top q coefficients (of the q·n the LDE
 * determines) vanish. For a broken witness the values are no polynomial's and those coefficients do not vanish.
 */
class QuotientIdentityTest {
    private static final long[] BETAS = {11, 12};
    private static final long[] GAMMAS = {21, 22};
    private static final long[] ALPHAS = {31, 32};

    private final TestCircuits.Instance instance = TestCircuits.everyGate(ProofFixtures.FAST, 13);
    private final CircuitData circuit = instance.data();
    private final int n = circuit.numRows();
    private final int q = circuit.config().quotientDegreeFactor();

    @Test
    void honestQuotientHasDegreeBelowQTimesNMinusQ() {
        long[][] coefficients = ProofFixtures.CPU.cosetInterpolate(quotient(instance.witness()), Lde.DEFAULT_SHIFT);
        for (long[] column : coefficients) {
            assertEquals(q * n, column.length);
            for (int k = q * n - q; k < column.length; k++) {
                assertEquals(0, column[k], "coefficient " + k);
            }
        }
    }

    @Test
    void brokenWitnessQuotientIsNotLowDegree() {
        int row = 0;
        while (circuit.rowGate(row) < 0) {
            row++;
        }
        WitnessVector broken = PlonkWrongWitnessTest.withChangedWire(instance.witness(), row, 0);
        long[][] coefficients = ProofFixtures.CPU.cosetInterpolate(quotient(broken), Lde.DEFAULT_SHIFT);
        boolean high = false;
        for (int k = q * n - q; k < coefficients[0].length; k++) {
            high |= coefficients[0][k] != 0;
        }
        assertTrue(high, "a broken witness must leave coefficients at or above q·n − q");
    }

    @Test
    void quotientTimesVanishingPolynomialEqualsPointwiseConstraints() {
        long[][] t = quotient(instance.witness());
        QuotientInputs in = inputs(instance.witness());
        int logN = circuit.degreeBits() + in.rateBits();
        for (int p = 0; p < t[0].length; p += 37) {
            long x = Goldilocks.mul(7, Goldilocks.exp(Goldilocks.primitiveRootOfUnity(logN), BitReversal.reverse(p, logN)));
            List<Ext2> constraints = pointwise(in, p, x, logN);
            long zh = Goldilocks.sub(Goldilocks.exp(x, n), 1);
            for (int k = 0; k < ALPHAS.length; k++) {
                Ext2 combined = VanishingConstraints.combine(Ext2Algebra.INSTANCE, constraints, ALPHAS[k]);
                assertEquals(combined, Ext2.ofBase(Goldilocks.mul(t[k][p], zh)), "position " + p);
            }
        }
    }

    private long[][] quotient(WitnessVector witness) {
        return ProofFixtures.CPU.quotientValues(inputs(witness));
    }

    private QuotientInputs inputs(WitnessVector witness) {
        CircuitConfig config = circuit.config();
        OracleLayout layout = OracleLayout.of(config, circuit.numSelectors());
        long[][] constantsSigmas = new long[layout.width(OracleLayout.CONSTANTS_SIGMAS)][];
        System.arraycopy(circuit.constants(), 0, constantsSigmas, 0, layout.constantColumns());
        System.arraycopy(circuit.sigmas(), 0, constantsSigmas, layout.constantColumns(), layout.numRouted());
        long[][] zs = new long[layout.width(OracleLayout.ZS_PARTIALS)][];
        for (int k = 0; k < config.numChallenges(); k++) {
            GrandProduct product = PermutationArgument.grandProduct(witness.wires(), circuit.sigmas(),
                    circuit.cosetShifts(), circuit.degreeBits(), config.permutationChunkSize(), BETAS[k], GAMMAS[k]);
            zs[layout.zColumn(k)] = product.z();
            for (int c = 0; c < layout.numPartials(); c++) {
                zs[layout.partialColumn(k, c)] = product.partials()[c];
            }
        }
        return new QuotientInputs(circuit.gates(), config, circuit.degreeBits(), lde(constantsSigmas),
                lde(witness.wires()), lde(zs), BETAS, GAMMAS, ALPHAS,
                Poseidon2Hash.hashNoPad(witness.publicInputs()).toArray());
    }

    private static long[][] lde(long[][] values) {
        long[][] coefficients = new long[values.length][];
        for (int c = 0; c < values.length; c++) {
            coefficients[c] = values[c].clone();
        }
        ProofFixtures.CPU.inverseNtt(coefficients);
        return ProofFixtures.CPU.cosetLde(coefficients, ProofFixtures.FAST.fri().rateBits(), Lde.DEFAULT_SHIFT);
    }

    // The constraints at one LDE point in the extension algebra, with L_1 and Z(ω·x) computed directly.
    private List<Ext2> pointwise(QuotientInputs in, int p, long x, int logN) {
        OracleLayout layout = in.layout();
        GateVars<Ext2> vars = new GateVars<>() {
            @Override
            public Ext2 wire(int index) {
                return Ext2.ofBase(in.wiresLde()[index][p]);
            }

            @Override
            public Ext2 constant(int index) {
                return Ext2.ofBase(in.constantsSigmasLde()[index][p]);
            }

            @Override
            public Ext2 publicInputHash(int index) {
                return Ext2.ofBase(in.publicInputHash()[index]);
            }
        };
        long lagrange = Goldilocks.mul(Goldilocks.sub(Goldilocks.exp(x, n), 1),
                Goldilocks.inverse(Goldilocks.mul(n, Goldilocks.sub(x, 1))));
        int next = BitReversal.reverse((BitReversal.reverse(p, logN) + (1 << in.rateBits())) % (1 << logN), logN);
        return VanishingConstraints.evaluate(Ext2Algebra.INSTANCE, in.gates(), in.config(), vars,
                k -> new PermutationVars<Ext2>() {
                    @Override
                    public Ext2 x() {
                        return Ext2.ofBase(x);
                    }

                    @Override
                    public Ext2 lagrangeFirst() {
                        return Ext2.ofBase(lagrange);
                    }

                    @Override
                    public Ext2 wire(int routedIndex) {
                        return vars.wire(routedIndex);
                    }

                    @Override
                    public Ext2 sigma(int routedIndex) {
                        return vars.constant(layout.sigmaColumn(routedIndex));
                    }

                    @Override
                    public Ext2 z() {
                        return Ext2.ofBase(in.zsPartialsLde()[layout.zColumn(k)][p]);
                    }

                    @Override
                    public Ext2 zNext() {
                        return Ext2.ofBase(in.zsPartialsLde()[layout.zColumn(k)][next]);
                    }

                    @Override
                    public Ext2 partialProduct(int chunk) {
                        return Ext2.ofBase(in.zsPartialsLde()[layout.partialColumn(k, chunk)][p]);
                    }
                },
                PermutationArgument.cosetShifts(in.config().numRoutedWires()), BETAS, GAMMAS);
    }
}
