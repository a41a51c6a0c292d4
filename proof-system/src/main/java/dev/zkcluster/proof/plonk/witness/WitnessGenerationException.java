package dev.zkcluster.proof.plonk.witness;

/** Witness generation failed: a missing input, a generator refusing its inputs, or a violated constraint. */
public final class WitnessGenerationException extends RuntimeException {
    public WitnessGenerationException(String message) {
        super(message);
    }
}
