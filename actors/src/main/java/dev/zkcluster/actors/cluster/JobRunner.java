package dev.zkcluster.actors.cluster;

/**
 * Runs the two halves of a job. {@link #witness} runs on a {@code witness} node: it reads what the job needs from
 * the object store and builds the job's witness, as bytes that travel to the prover. {@link #prove} runs on the
 * prover holding the job's lease: it proves from those bytes, checks the proof against its verifier key, and writes it
 * under {@link JobSpec#proofKey()}. Calls come from the witness and prover dispatchers at once, as many as the
 * witness concurrency and the device's concurrency allow; implementations must allow that.
 */
public interface JobRunner {

    /** The job's witness, encoded; only {@link #prove} of a runner of the same kind reads it. */
    byte[] witness(JobSpec spec) throws Exception;

    /**
     * Proves the job from its encoded witness, which it only reads (on the witness node itself it is the array the
     * witness worker holds); returns the object-store key the proof was written under.
     */
    String prove(JobSpec spec, byte[] witness) throws Exception;

    /**
     * The witness {@link #witness} made for this job is held no more (its job is proven, or the vector was dropped),
     * so what the runner kept for proving it may go. Called once per vector made, from the witness worker's thread.
     */
    default void dropped(JobSpec spec) {}

    /** The versions this runner holds circuits and keys for. */
    boolean serves(String protocolVersion);

    /** Makes one runner per device. */
    interface Factory {
        JobRunner create(dev.zkcluster.gpu.ProvingDevice device, dev.zkcluster.persistence.blob.ObjectStore store);
    }
}
