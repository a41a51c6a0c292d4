package dev.zkcluster.proof.plonk;

/** The PLONK verifier's verdict: a bad proof is a {@link Rejected} value with the reason, never an exception. */
public sealed interface Verification {
    record Accepted() implements Verification {}

    record Rejected(String reason) implements Verification {}

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
