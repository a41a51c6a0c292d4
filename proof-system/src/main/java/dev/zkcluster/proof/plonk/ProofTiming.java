package dev.zkcluster.proof.plonk;

/**
 * Where one proof's time went, in nanoseconds: the prover's phases in order, their total, and the part of the total
 * spent inside {@link dev.zkcluster.proof.backend.ProvingBackend} kernels.
 */
public record ProofTiming(
        long witnessCheckNanos,
        long wiresNanos,
        long permutationNanos,
        long quotientNanos,
        long openingsNanos,
        long friNanos,
        long totalNanos,
        long kernelNanos) {

    /** The share of the total spent in backend kernels, in [0, 1]. */
    public double kernelShare() {
        return totalNanos == 0 ? 0 : (double) kernelNanos / totalNanos;
    }

    public String summary() {
        return String.format(
                "total %.1f ms: witness check %.1f, wires %.1f, permutation %.1f, quotient %.1f, openings %.1f, "
                        + "fri %.1f; kernels %.1f ms (%.0f%%)",
                ms(totalNanos), ms(witnessCheckNanos), ms(wiresNanos), ms(permutationNanos), ms(quotientNanos),
                ms(openingsNanos), ms(friNanos), ms(kernelNanos), 100 * kernelShare());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
