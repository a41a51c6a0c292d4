package dev.zkcluster.persistence.blob;

/** The object store's layout: one place that spells every key. */
public final class BlobKeys {
    private BlobKeys() {}

    /** The batch input exactly as it was accepted (protobuf {@code BatchInput}). */
    public static String witnessInputs(long batch) {
        return "witness_inputs/" + Long.toUnsignedString(batch) + ".bin";
    }

    /** One job's proof. */
    public static String proof(long batch, int round, String circuit, int depth, int seq) {
        return proofs(batch) + "/" + round + "/" + circuit + "/" + depth + "/" + seq + ".bin";
    }

    /** Every job proof of a batch, as a prefix. */
    public static String proofs(long batch) {
        return "proofs/" + Long.toUnsignedString(batch);
    }

    /** The batch's final proof (protobuf {@code BatchProof}). */
    public static String finalProof(long batch) {
        return "final/" + Long.toUnsignedString(batch) + ".bin";
    }
}
