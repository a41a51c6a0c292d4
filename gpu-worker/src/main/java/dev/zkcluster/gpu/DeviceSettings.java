package dev.zkcluster.gpu;

import java.util.Objects;

/**
 * What device discovery needs to know: the mode ({@code zkcluster.devices}), how many jobs the CPU device and each
 * CUDA device run at once, and an optional cap on the device memory one CUDA backend uses
 * ({@code zkcluster.cuda.memory-limit}, 0 for "whatever the device has free").
 */
public record DeviceSettings(DeviceMode mode, int cpuConcurrency, int cudaConcurrency, long cudaMemoryLimitBytes) {

    public DeviceSettings {
        Objects.requireNonNull(mode, "mode");
        if (cpuConcurrency < 1) {
            throw new IllegalArgumentException("CPU device concurrency must be at least 1, got " + cpuConcurrency);
        }
        if (cudaConcurrency < 1) {
            throw new IllegalArgumentException("zkcluster.cuda.concurrency must be at least 1, got " + cudaConcurrency);
        }
        if (cudaMemoryLimitBytes < 0) {
            throw new IllegalArgumentException(
                    "zkcluster.cuda.memory-limit must be 0 (no limit) or positive, got " + cudaMemoryLimitBytes);
        }
    }

    /** The defaults: auto, one job per device, no memory cap. */
    public static DeviceSettings defaults() {
        return new DeviceSettings(DeviceMode.AUTO, 1, 1, 0);
    }

    public DeviceSettings withMode(DeviceMode newMode) {
        return new DeviceSettings(newMode, cpuConcurrency, cudaConcurrency, cudaMemoryLimitBytes);
    }
}
