package dev.zkcluster.proof.fri;

/** The result of decoding untrusted bytes as a {@link FriProof}: the proof, or why the bytes are not one. */
public sealed interface FriProofDecoding {
    record Decoded(FriProof proof) implements FriProofDecoding {}

    record Malformed(String reason) implements FriProofDecoding {}
}
