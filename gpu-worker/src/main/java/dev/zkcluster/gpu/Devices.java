package dev.zkcluster.gpu;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Device discovery at node start: the proving devices this node offers, one worker per device.
 *
 * <ul>
 *   <li>{@link DeviceMode#CPU}: one CPU device, {@code cpu-0}; CUDA is never touched.
 *   <li>{@link DeviceMode#AUTO}: one CUDA device per GPU the driver reports ({@code cuda-0}, {@code cuda-1}, …); with no
 *       driver or no GPU, one line at INFO says why and that the node proves on the CPU, and the CPU device is used.
 *   <li>{@link DeviceMode#CUDA}: the CUDA devices; with none, a {@link CudaUnavailableException} says why.
 * </ul>
 *
 * The caller owns the devices it gets and closes them when the node stops.
 */
public final class Devices {
    private static final Logger LOG = LoggerFactory.getLogger(Devices.class);

    private Devices() {}

    public static List<ProvingDevice> discover(DeviceSettings settings) {
        if (settings.mode() == DeviceMode.CPU) {
            return List.of(cpu(settings));
        }
        CudaDriver.Probe probe = CudaDriver.probe();
        if (!probe.hasDevices()) {
            if (settings.mode() == DeviceMode.CUDA) {
                throw new CudaUnavailableException(DeviceMode.SETTING + " = cuda, but no CUDA device can be used: "
                        + probe.problem() + ". Install the NVIDIA driver, or set " + DeviceMode.SETTING
                        + " to auto or cpu.");
            }
            LOG.info("No CUDA device ({}); proving on the CPU.", probe.problem());
            return List.of(cpu(settings));
        }
        List<ProvingDevice> devices = new ArrayList<>();
        try {
            for (CudaDriver.DeviceInfo info : probe.devices()) {
                devices.add(new CudaProvingDevice(info, settings.cudaConcurrency(), settings.cudaMemoryLimitBytes()));
            }
        } catch (RuntimeException e) {
            devices.forEach(ProvingDevice::close);
            if (settings.mode() == DeviceMode.CUDA) {
                throw new CudaUnavailableException("a CUDA device failed to start: " + e.getMessage(), e);
            }
            LOG.warn("A CUDA device failed to start ({}); proving on the CPU.", e.getMessage());
            return List.of(cpu(settings));
        }
        return List.copyOf(devices);
    }

    private static ProvingDevice cpu(DeviceSettings settings) {
        return new CpuProvingDevice("cpu-0", settings.cpuConcurrency());
    }
}
