package dev.zkcluster.gpu;

import dev.zkcluster.proof.backend.ProvingBackend;

/** One CUDA device: its {@link CudaProvingBackend}, with the device's id ({@code cuda-N}), name and memory. */
public final class CudaProvingDevice implements ProvingDevice {
    private final String id;
    private final String name;
    private final long memoryBytes;
    private final int concurrency;
    private final CudaProvingBackend backend;

    CudaProvingDevice(CudaDriver.DeviceInfo info, int concurrency, long memoryLimitBytes) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.id = "cuda-" + info.ordinal();
        this.name = info.name();
        this.memoryBytes = memoryLimitBytes > 0 ? Math.min(memoryLimitBytes, info.totalMemoryBytes())
                : info.totalMemoryBytes();
        this.concurrency = concurrency;
        this.backend = CudaProvingBackend.open(info.ordinal(), memoryLimitBytes);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String kind() {
        return "cuda";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long memoryBytes() {
        return memoryBytes;
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public ProvingBackend backend() {
        return backend;
    }

    @Override
    public void close() {
        backend.close();
    }
}
