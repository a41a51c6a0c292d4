package dev.zkcluster.proof.plonk;

import java.util.List;

/**
 * Which polynomials the four committed oracles hold, in the order the batched opening lists them:
 * <ol>
 *   <li>{@link #CONSTANTS_SIGMAS}: the selectors, the gate constants, then σ of every routed wire (preprocessed,
 *       committed in the verifier key);
 *   <li>{@link #WIRES}: every wire column;
 *   <li>{@link #ZS_PARTIALS}: Z_k for each challenge pair k, then the partial products of pair 0, of pair 1, …;
 *   <li>{@link #QUOTIENT}: the quotient chunks t_{k,0} .. t_{k,q−1} of challenge 0, then of challenge 1, ….
 * </ol>
 * All are opened at ζ; the Z_k are also opened at g·ζ.
 */
public record OracleLayout(
        int numSelectors, int numConstants, int numRouted, int numWires, int numChallenges, int numPartials,
        int quotientDegreeFactor) {
    public static final int CONSTANTS_SIGMAS = 0;
    public static final int WIRES = 1;
    public static final int ZS_PARTIALS = 2;
    public static final int QUOTIENT = 3;

    public static OracleLayout of(CircuitConfig config, int numSelectors) {
        return new OracleLayout(numSelectors, config.numConstants(), config.numRoutedWires(), config.numWires(),
                config.numChallenges(), config.numPartialProducts(), config.quotientDegreeFactor());
    }

    /** Columns of constant data: selectors then gate constants. */
    public int constantColumns() {
        return numSelectors + numConstants;
    }

    public int width(int oracle) {
        return switch (oracle) {
            case CONSTANTS_SIGMAS -> constantColumns() + numRouted;
            case WIRES -> numWires;
            case ZS_PARTIALS -> numChallenges * (1 + numPartials);
            case QUOTIENT -> numChallenges * quotientDegreeFactor;
            default -> throw new IllegalArgumentException("no oracle " + oracle);
        };
    }

    public List<Integer> widths() {
        return List.of(width(CONSTANTS_SIGMAS), width(WIRES), width(ZS_PARTIALS), width(QUOTIENT));
    }

    /** Where an oracle's columns start in the concatenated openings at ζ. */
    public int offset(int oracle) {
        int offset = 0;
        for (int o = 0; o < oracle; o++) {
            offset += width(o);
        }
        return offset;
    }

    /** The number of values opened at ζ: every column of every oracle. */
    public int openingsAtZeta() {
        return offset(QUOTIENT) + width(QUOTIENT);
    }

    /** The number of values opened at g·ζ: the Z_k. */
    public int openingsAtNextZeta() {
        return numChallenges;
    }

    public int sigmaColumn(int routed) {
        return constantColumns() + routed;
    }

    public int zColumn(int challenge) {
        return challenge;
    }

    public int partialColumn(int challenge, int chunk) {
        return numChallenges + challenge * numPartials + chunk;
    }

    public int quotientColumn(int challenge, int chunk) {
        return challenge * quotientDegreeFactor + chunk;
    }
}
