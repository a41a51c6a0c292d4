package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.plonk.algebra.Algebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.permutation.PermutationVars;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Every constraint that must vanish on H, in protocol order, written once for the prover's quotient over the LDE
 * (block algebra) and the verifier's check at ζ (extension algebra):
 * <ol>
 *   <li>the filtered gate constraints Σ_g selector_g·constraint_{g,i}, position i = 0 .. max gate constraints − 1;
 *   <li>for each challenge pair k in order: L_1(x)·(Z_k(x) − 1), then the partial-product links of pair k.
 * </ol>
 * Challenge k of the quotient combines them as Σ_j α_k^j·c_j.
 */
public final class VanishingConstraints {
    private VanishingConstraints() {}

    /** The number of constraints {@link #evaluate} produces. */
    public static int count(List<Gate> gates, CircuitConfig config) {
        int chunks = config.numPartialProducts() + 1;
        return CircuitData.numGateConstraints(gates) + config.numChallenges() * (chunks + 1);
    }

    /**
     * The constraints at one point (or block of points).
     *
     * @param permutation the permutation argument's values for challenge pair k
     * @param shifts the coset shifts k_j of the routed wires
     */
    public static <T> List<T> evaluate(
            Algebra<T> alg,
            List<Gate> gates,
            CircuitConfig config,
            GateVars<T> vars,
            IntFunction<PermutationVars<T>> permutation,
            long[] shifts,
            long[] betas,
            long[] gammas) {
        List<T> betaValues = new java.util.ArrayList<>(betas.length);
        List<T> gammaValues = new java.util.ArrayList<>(gammas.length);
        for (int k = 0; k < config.numChallenges(); k++) {
            betaValues.add(alg.constant(betas[k]));
            gammaValues.add(alg.constant(gammas[k]));
        }
        return evaluate(alg, gates, config, vars, permutation, shifts, betaValues, gammaValues);
    }

    /**
     * {@link #evaluate} with the challenges β_k, γ_k given as algebra values, as a recursive verifier holds them.
     */
    public static <T> List<T> evaluate(
            Algebra<T> alg,
            List<Gate> gates,
            CircuitConfig config,
            GateVars<T> vars,
            IntFunction<PermutationVars<T>> permutation,
            long[] shifts,
            List<T> betas,
            List<T> gammas) {
        List<T> out = CircuitData.evalFilteredConstraints(gates, alg, vars);
        for (int k = 0; k < config.numChallenges(); k++) {
            PermutationArgument.evalConstraints(alg, permutation.apply(k), shifts, config.permutationChunkSize(),
                    betas.get(k), gammas.get(k), out::add);
        }
        return out;
    }

    /** Σ_j α^j·c_j, by Horner's rule from the last constraint. */
    public static <T> T combine(Algebra<T> alg, List<T> constraints, long alpha) {
        T acc = alg.zero();
        for (int j = constraints.size() - 1; j >= 0; j--) {
            acc = alg.add(alg.scale(acc, alpha), constraints.get(j));
        }
        return acc;
    }
}
