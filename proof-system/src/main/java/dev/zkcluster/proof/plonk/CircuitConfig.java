package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.fri.FriConfig;

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
 *
 * <p>{@code fri} configures the commitments and the batched opening. The prover evaluates the quotient on the
 * commitment LDE itself, so its blowup 2^rateBits must be at least the quotient degree factor.
 */
public record CircuitConfig(
        int numWires, int numRoutedWires, int numConstants, int numChallenges, int quotientDegreeFactor,
        FriConfig fri) {

    public CircuitConfig {
        if (numWires <= 0 || numRoutedWires <= 0 || numRoutedWires > numWires) {
            throw new IllegalArgumentException(
                    "need 0 < numRoutedWires <= numWires, got " + numRoutedWires + " of " + numWires);
        }
        if (numConstants < 0 || numChallenges <= 0 || quotientDegreeFactor < 2) {
            throw new IllegalArgumentException("bad config: constants " + numConstants + ", challenges "
                    + numChallenges + ", quotient degree factor " + quotientDegreeFactor);
        }
        if (quotientDegreeFactor > 1 << fri.rateBits()) {
            throw new IllegalArgumentException("quotient degree factor " + quotientDegreeFactor
                    + " exceeds the LDE blowup 2^" + fri.rateBits());
        }
    }

    /** The shape with the standard FRI configuration. */
    public CircuitConfig(
            int numWires, int numRoutedWires, int numConstants, int numChallenges, int quotientDegreeFactor) {
        this(numWires, numRoutedWires, numConstants, numChallenges, quotientDegreeFactor, FriConfig.standard());
    }

    /** 135 wires (80 routed), 2 gate constants, 2 challenge pairs, quotient degree factor 8, standard FRI. */
    public static CircuitConfig standard() {
        return new CircuitConfig(135, 80, 2, 2, 8);
    }

    /** The same circuit shape under another FRI configuration (for instance {@link FriConfig#shrink()}). */
    public CircuitConfig withFri(FriConfig friConfig) {
        return new CircuitConfig(
                numWires, numRoutedWires, numConstants, numChallenges, quotientDegreeFactor, friConfig);
    }

    /** The largest degree a gate's unfiltered constraints may have. */
    public int maxGateDegree() {
        return quotientDegreeFactor;
    }

    /**
     * log2 of the quotient domain's blowup: the smallest power of two at least the quotient degree factor. The
     * quotient has degree below quotientDegreeFactor·n, so its values on a coset of n·2^quotientRateBits points
     * determine it. That coset is the first n·2^quotientRateBits positions of every bit-reversed LDE of rate
     * {@code fri.rateBits()} ≥ quotientRateBits, so the prover evaluates the quotient there and, for a FRI rate above
     * it, keeps only that prefix of each LDE once its Merkle tree is built.
     */
    public int quotientRateBits() {
        return 32 - Integer.numberOfLeadingZeros(quotientDegreeFactor - 1);
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
