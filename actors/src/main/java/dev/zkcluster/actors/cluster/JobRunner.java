package dev.zkcluster.actors.cluster;

/**
 * Proves one job on one device: reads what the job needs from the object store, proves, checks the proof against
 * its verifier key, and writes it under {@link JobSpec#proofKey()}. Runs on the prover dispatcher, one call per
 * leased job; implementations must allow as many concurrent calls as the device's concurrency.
 */
public interface JobRunner {

    /** Returns the object-store key the proof was written under. */
    String run(JobSpec spec) throws Exception;

    /** The versions this runner holds circuits and keys for. */
    boolean serves(String protocolVersion);

    /** Makes one runner per device. */
    interface Factory {
        JobRunner create(dev.zkcluster.gpu.ProvingDevice device, dev.zkcluster.persistence.blob.ObjectStore store);
    }
}
