package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriPolynomialRef;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.OracleLayout;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VanishingConstraints;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.permutation.PermutationVars;
import java.util.ArrayList;
import java.util.List;

/**
 * The PLONK verifier as a circuit: {@code Verifier.verify} replayed over targets. It observes the child's circuit
 * digest and the hash of its public inputs, the three caps with β, γ, α between them, draws ζ, checks the vanishing
 * identity Σ_j α_k^j·c_j(ζ) = Z_H(ζ)·Σ_i t_{k,i}(ζ)·ζ^(n·i) for every k with the child's gate constraints and
 * permutation argument evaluated by the same generic code as the native verifier ({@link CircuitAlgebra}), and then
 * verifies the batched FRI opening ({@link FriVerifierGadget}).
 *
 * <p>One difference from the native transcript rule: the native verifier squeezes ζ again while it lies in the base
 * field; the circuit instead requires c1(ζ) ≠ 0, so a child proof whose first ζ was in the base field (probability
 * 2^−64) cannot be verified recursively.
 */
public final class PlonkVerifierGadget {
    private PlonkVerifierGadget() {}

    /** Constrains {@code proof} to be a proof accepted under {@code key} for {@code publicInputs}. */
    public static void verify(CircuitAlgebra alg, ChildKeyTargets key, PlonkProofTargets proof,
            List<Target> publicInputs) {
        CircuitBuilder b = alg.builder();
        VerifierKey shape = key.shape();
        if (publicInputs.size() != shape.numPublicInputs()) {
            throw new IllegalArgumentException(publicInputs.size() + " public inputs given, the child circuit has "
                    + shape.numPublicInputs());
        }
        CircuitConfig config = shape.config();
        OracleLayout layout = shape.layout();
        int challenges = config.numChallenges();
        RecursiveChallenger challenger = new RecursiveChallenger(b);
        List<Target> piHash = b.hashNoPad(publicInputs);
        challenger.observe(key.circuitDigest());
        challenger.observe(piHash);
        challenger.observeCap(proof.wiresCap());
        List<Target> betas = challenger.challenges(challenges);
        List<Target> gammas = challenger.challenges(challenges);
        challenger.observeCap(proof.zsPartialsCap());
        List<Target> alphas = challenger.challenges(challenges);
        challenger.observeCap(proof.quotientCap());
        ExtTarget zeta = challenger.extChallenge();
        // c1(ζ) ≠ 0: it has an inverse
        b.div(b.one(), zeta.c1());

        checkVanishingIdentity(alg, shape, proof, piHash, betas, gammas, alphas, zeta);

        List<FriPolynomialRef> all = new ArrayList<>();
        for (int o = 0; o < 4; o++) {
            for (int c = 0; c < layout.width(o); c++) {
                all.add(new FriPolynomialRef(o, c));
            }
        }
        List<FriPolynomialRef> zs = new ArrayList<>();
        for (int k = 0; k < challenges; k++) {
            zs.add(new FriPolynomialRef(OracleLayout.ZS_PARTIALS, layout.zColumn(k)));
        }
        ExtTarget nextZeta = alg.scale(zeta, Goldilocks.primitiveRootOfUnity(shape.degreeBits()));
        List<FriVerifierGadget.OpeningBatch> batches = List.of(
                new FriVerifierGadget.OpeningBatch(zeta, all, proof.openingsAtZeta()),
                new FriVerifierGadget.OpeningBatch(nextZeta, zs, proof.openingsAtNextZeta()));
        List<List<List<Target>>> caps = List.of(
                key.constantsSigmasCap(), proof.wiresCap(), proof.zsPartialsCap(), proof.quotientCap());
        FriVerifierGadget.verifyOpenings(alg, challenger, config.fri(), shape.degreeBits(), batches, caps,
                proof.fri());
    }

    private static void checkVanishingIdentity(CircuitAlgebra alg, VerifierKey shape, PlonkProofTargets proof,
            List<Target> piHash, List<Target> betas, List<Target> gammas, List<Target> alphas, ExtTarget zeta) {
        CircuitBuilder b = alg.builder();
        OracleLayout layout = shape.layout();
        CircuitConfig config = shape.config();
        List<ExtTarget> atZeta = proof.openingsAtZeta();
        ExtTarget zetaN = alg.squareRepeatedly(zeta, shape.degreeBits());
        // Z_H(ζ) = ζ^n − 1 and L_1(ζ) = Z_H(ζ)/(n·(ζ − 1))
        ExtTarget zh = alg.sub(zetaN, alg.one());
        ExtTarget lagrangeFirst = alg.div(zh, alg.scale(alg.sub(zeta, alg.one()), shape.numRows()));
        int wires = layout.offset(OracleLayout.WIRES);
        int zsPartials = layout.offset(OracleLayout.ZS_PARTIALS);
        int quotient = layout.offset(OracleLayout.QUOTIENT);
        GateVars<ExtTarget> vars = new GateVars<>() {
            @Override
            public ExtTarget wire(int index) {
                return atZeta.get(wires + index);
            }

            @Override
            public ExtTarget constant(int index) {
                return atZeta.get(layout.offset(OracleLayout.CONSTANTS_SIGMAS) + index);
            }

            @Override
            public ExtTarget publicInputHash(int index) {
                return alg.fromBase(piHash.get(index));
            }
        };
        List<ExtTarget> betaExt = betas.stream().map(alg::fromBase).toList();
        List<ExtTarget> gammaExt = gammas.stream().map(alg::fromBase).toList();
        List<ExtTarget> constraints = VanishingConstraints.evaluate(alg, shape.gates(), config, vars,
                k -> permutationAt(proof, layout, zeta, lagrangeFirst, k),
                PermutationArgument.cosetShifts(config.numRoutedWires()), betaExt, gammaExt);
        for (int k = 0; k < config.numChallenges(); k++) {
            // Σ_j α_k^j·c_j by Horner from the last constraint
            ExtTarget combined = FriVerifierGadget.horner(alg, constraints, alg.fromBase(alphas.get(k)));
            List<ExtTarget> chunks = new ArrayList<>();
            for (int i = 0; i < config.quotientDegreeFactor(); i++) {
                chunks.add(atZeta.get(quotient + layout.quotientColumn(k, i)));
            }
            ExtTarget t = FriVerifierGadget.horner(alg, chunks, zetaN);
            b.assertEqual(combined, alg.mul(zh, t));
        }
    }

    /** The permutation argument's values of challenge pair k at ζ, read from the opened targets. */
    private static PermutationVars<ExtTarget> permutationAt(
            PlonkProofTargets proof, OracleLayout layout, ExtTarget zeta, ExtTarget lagrangeFirst, int k) {
        List<ExtTarget> atZeta = proof.openingsAtZeta();
        int wires = layout.offset(OracleLayout.WIRES);
        int zsPartials = layout.offset(OracleLayout.ZS_PARTIALS);
        return new PermutationVars<>() {
            @Override
            public ExtTarget x() {
                return zeta;
            }

            @Override
            public ExtTarget lagrangeFirst() {
                return lagrangeFirst;
            }

            @Override
            public ExtTarget wire(int routedIndex) {
                return atZeta.get(wires + routedIndex);
            }

            @Override
            public ExtTarget sigma(int routedIndex) {
                return atZeta.get(layout.sigmaColumn(routedIndex));
            }

            @Override
            public ExtTarget z() {
                return atZeta.get(zsPartials + layout.zColumn(k));
            }

            @Override
            public ExtTarget zNext() {
                return proof.openingsAtNextZeta().get(k);
            }

            @Override
            public ExtTarget partialProduct(int chunk) {
                return atZeta.get(zsPartials + layout.partialColumn(k, chunk));
            }
        };
    }
}
