package dev.zkcluster.gpu;

import static jcuda.driver.CUresult.CUDA_SUCCESS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jcuda.driver.CUdevice;
import jcuda.driver.CUresult;
import jcuda.driver.JCudaDriver;

/**
 * The CUDA driver as JCuda reaches it. Loading JCuda's native library needs {@code libcuda.so.1} (the driver, not
 * the toolkit); where it or the device is missing, {@link #probe()} says why instead of throwing, so a node without
 * a GPU starts on its CPU.
 */
final class CudaDriver {
    /** One CUDA device as the driver reports it. */
    record DeviceInfo(int ordinal, String name, long totalMemoryBytes) {}

    /** The devices found, or why there are none. */
    record Probe(List<DeviceInfo> devices, String problem) {
        boolean hasDevices() {
            return !devices.isEmpty();
        }
    }

    private static Probe probe;

    private CudaDriver() {}

    /** Initializes the driver once and lists its devices; never throws. */
    static synchronized Probe probe() {
        if (probe == null) {
            probe = initialize();
        }
        return probe;
    }

    private static Probe initialize() {
        try {
            int result = JCudaDriver.cuInit(0);
            if (result != CUDA_SUCCESS) {
                return new Probe(List.of(), "cuInit failed: " + CUresult.stringFor(result));
            }
            int[] count = new int[1];
            check(JCudaDriver.cuDeviceGetCount(count), "cuDeviceGetCount");
            List<DeviceInfo> devices = new ArrayList<>();
            for (int ordinal = 0; ordinal < count[0]; ordinal++) {
                CUdevice device = new CUdevice();
                check(JCudaDriver.cuDeviceGet(device, ordinal), "cuDeviceGet");
                byte[] name = new byte[256];
                check(JCudaDriver.cuDeviceGetName(name, name.length, device), "cuDeviceGetName");
                long[] memory = new long[1];
                check(JCudaDriver.cuDeviceTotalMem(memory, device), "cuDeviceTotalMem");
                devices.add(new DeviceInfo(ordinal, cString(name), memory[0]));
            }
            return new Probe(List.copyOf(devices), devices.isEmpty() ? "the CUDA driver reports no device" : null);
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError when libcuda.so.1 or JCuda's native library cannot be loaded, NoClassDefFoundError
            // after a failed earlier load, CudaException from JCuda itself
            return new Probe(List.of(), loadProblem(e));
        }
    }

    // JCuda's UnsatisfiedLinkError carries both load attempts with stack traces; one line says what is missing
    private static String loadProblem(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("libcuda.so.1")) {
            return "the NVIDIA driver library libcuda.so.1 is not installed";
        }
        int end = message.indexOf('\n');
        return "the CUDA driver cannot be loaded: " + e.getClass().getSimpleName() + ": "
                + (end < 0 ? message : message.substring(0, end)).trim();
    }

    /** Throws a {@link CudaException} naming the call when the driver answered anything but success. */
    static void check(int result, String call) {
        if (result != CUDA_SUCCESS) {
            throw new CudaException(call, result);
        }
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.US_ASCII);
    }

    /** A driver call that failed, with the driver's error name. */
    static final class CudaException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int result;

        CudaException(String call, int result) {
            super(call + " failed: " + CUresult.stringFor(result));
            this.result = result;
        }

        int result() {
            return result;
        }
    }
}
