package dev.zkcluster.proof.plonk.witness;

/** The outcome of decoding a witness vector from untrusted bytes. */
public sealed interface WitnessDecoding permits WitnessDecoding.Decoded, WitnessDecoding.Rejected {

    enum Reason {
        TRUNCATED,
        TRAILING_BYTES,
        BAD_MAGIC,
        UNSUPPORTED_VERSION,
        BAD_SHAPE,
        NON_CANONICAL
    }

    record Decoded(WitnessVector witness) implements WitnessDecoding {}

    record Rejected(Reason reason, String detail) implements WitnessDecoding {}
}
