package dev.zkcluster.proof.plonk.witness;

import dev.zkcluster.proof.plonk.Target;

/** What a generator sees of the witness under construction. */
public interface WitnessAccess {
    /** The value of a target, which must already be known. */
    long get(Target target);

    /** Sets a target (and everything copy-constrained to it); a conflicting earlier value is an error. */
    void set(Target target, long value);
}
