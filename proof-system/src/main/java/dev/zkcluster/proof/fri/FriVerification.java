package dev.zkcluster.proof.fri;

/** The verifier's verdict. A bad proof is a {@link Rejected} value, never an exception. */
public sealed interface FriVerification {
    record Accepted() implements FriVerification {}

    record Rejected(String reason) implements FriVerification {}

    static FriVerification accepted() {
        return new Accepted();
    }

    default boolean isAccepted() {
        return this instanceof Accepted;
    }
}
