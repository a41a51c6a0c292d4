package dev.zkcluster.circuits.registry;

import dev.zkcluster.proof.plonk.VerifierKey;

/** The result of decoding verifier-key bytes: a key, or why the bytes are not one. */
public sealed interface VerifierKeyDecoding {
    record Decoded(VerifierKey key) implements VerifierKeyDecoding {}

    record Malformed(String reason) implements VerifierKeyDecoding {}
}
