package dev.zkcluster.proof.plonk.witness;

import dev.zkcluster.proof.plonk.Target;
import java.util.List;

/**
 * Computes some targets of the witness from others. It runs once, as soon as every input is known.
 * A generator that cannot produce its outputs (a zero divisor, a value out of range) throws
 * {@link WitnessGenerationException} with a message naming the gate, row and wire.
 */
public interface WitnessGenerator {
    List<Target> inputs();

    List<Target> outputs();

    void run(WitnessAccess witness);

    /** Where this generator sits, for error messages: the gate, row and op. */
    String describe();
}
