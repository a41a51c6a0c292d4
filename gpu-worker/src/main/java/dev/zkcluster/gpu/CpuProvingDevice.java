package dev.zkcluster.gpu;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;

/** The CPU as a proving device: the proof system's CPU backend, with a configurable number of concurrent jobs. */
public final class CpuProvingDevice implements ProvingDevice {

    private final String id;
    private final int concurrency;
    private final ProvingBackend backend;

    public CpuProvingDevice(String id, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.id = id;
        this.concurrency = concurrency;
        this.backend = new CpuProvingBackend();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "cpu";
    }

    @Override
    public String name() {
        return "CPU (" + Runtime.getRuntime().availableProcessors() + " cores)";
    }

    @Override
    public long memoryBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public ProvingBackend backend() {
        return backend;
    }
}
