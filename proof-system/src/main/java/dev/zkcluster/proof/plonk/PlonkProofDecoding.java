package dev.zkcluster.proof.plonk;

/** The outcome of decoding untrusted bytes as a {@link PlonkProof}. */
public sealed interface PlonkProofDecoding {

    enum Reason {
        TRUNCATED,
        TRAILING_BYTES,
        BAD_MAGIC,
        UNSUPPORTED_VERSION,
        WRONG_CIRCUIT,
        BAD_SECTION,
        NON_CANONICAL,
        BAD_FRI
    }

    record Decoded(PlonkProof proof) implements PlonkProofDecoding {}

    record Rejected(Reason reason, String detail) implements PlonkProofDecoding {}
}
