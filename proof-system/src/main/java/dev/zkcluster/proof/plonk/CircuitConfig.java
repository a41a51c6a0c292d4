package dev.zkcluster.proof.plonk;

/**
 * The shape of a PLONK circuit: how many wire columns there are, how many take part in copy constraints, how many
 * per-row gate constants a gate may read, how many independent permutation challenge pairs (β, γ) are drawn, and
 * the quotient degree factor.
 *
 * <p>The quotient degree factor q bounds every filtered constraint: a gate constraint of degree d times its degree-1
 * selector gives degree d + 1, and the combined constraint polynomial divided by Z_H has degree below q·n exactly
 * when d + 1 ≤ q + 1. So gates may have constraint degree up to q (8 for the standard preset), and a partial product
 * of the permutation argument may cover q wires (its constraint has degree q + 1).
 *
 * <p>Selector columns are not counted in {@code numConstants}: a circuit adds one 0/1 selector column per distinct
 * gate it uses, in front of the {@code numConstants} gate-constant columns.
 */
public record CircuitConfig(
        int numWires, int numRoutedWires, int numConstants, int numChallenges, int quotientDegreeFactor) {

    public CircuitConfig {
        if (numWires <= 0 || numRoutedWires <= 0 || numRoutedWires > numWires) {
            throw new IllegalArgumentException(
                    "need 0 < numRoutedWires <= numWires, got " + numRoutedWires + " of " + numWires);
        }
        if (numConstants < 0 || numChallenges <= 0 || quotientDegreeFactor < 2) {
            throw new IllegalArgumentException("bad config: constants " + numConstants + ", challenges "
                    + numChallenges + ", quotient degree factor " + quotientDegreeFactor);
        }
    }

    /** 135 wires (80 routed), 2 gate constants, 2 challenge pairs, quotient degree factor 8. */
    public static CircuitConfig standard() {
        return new CircuitConfig(135, 80, 2, 2, 8);
    }

    /** The largest degree a gate's unfiltered constraints may have. */
    public int maxGateDegree() {
        return quotientDegreeFactor;
    }

    /** Routed wires covered by one partial-product constraint of the permutation argument. */
    public int permutationChunkSize() {
        return quotientDegreeFactor;
    }

    /** Partial products per challenge pair, not counting Z itself: ⌈routed / chunk⌉ − 1. */
    public int numPartialProducts() {
        return (numRoutedWires + permutationChunkSize() - 1) / permutationChunkSize() - 1;
    }
}
