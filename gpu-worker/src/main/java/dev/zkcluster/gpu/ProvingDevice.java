package dev.zkcluster.gpu;

import dev.zkcluster.proof.backend.ProvingBackend;

/**
 * One device that proves jobs: the CPU, or one CUDA device. A worker actor owns exactly one device and runs at most
 * {@link #concurrency()} jobs on it at a time.
 */
public interface ProvingDevice extends AutoCloseable {

    /** Stable within a node, such as {@code cpu-0} or {@code cuda-0}. */
    String id();

    /** {@code cpu} or {@code cuda}. */
    String kind();

    /** A human-readable name, such as the CUDA device name. */
    String name();

    /** Memory the device offers to jobs, in bytes (for the CPU, the JVM's max heap). */
    long memoryBytes();

    /** How many jobs may run on it at once. */
    int concurrency();

    /** The kernels behind the prover on this device. */
    ProvingBackend backend();

    @Override
    default void close() {}
}
