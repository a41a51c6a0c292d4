package dev.zkcluster.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Device discovery in each mode, on this machine, with or without a GPU. */
class DevicesTest {

    @Test
    void modesParseAndABadValueNamesTheSetting() {
        assertEquals(DeviceMode.AUTO, DeviceMode.parse("auto"));
        assertEquals(DeviceMode.CPU, DeviceMode.parse(" CPU "));
        assertEquals(DeviceMode.CUDA, DeviceMode.parse("cuda"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceMode.parse("gpu"));
        assertTrue(e.getMessage().contains("zkcluster.devices") && e.getMessage().contains("gpu"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceMode.parse(null));
    }

    @Test
    void settingsRefuseNonsense() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceSettings(DeviceMode.AUTO, 1, 0, 0));
        assertTrue(e.getMessage().contains("zkcluster.cuda.concurrency"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new DeviceSettings(DeviceMode.AUTO, 1, 1, -1));
        assertTrue(e.getMessage().contains("zkcluster.cuda.memory-limit"), e.getMessage());
    }

    @Test
    void cpuModeGivesOneCpuDevice() {
        List<ProvingDevice> devices = Devices.discover(new DeviceSettings(DeviceMode.CPU, 3, 1, 0));
        assertEquals(1, devices.size());
        ProvingDevice cpu = devices.get(0);
        assertEquals("cpu-0", cpu.id());
        assertEquals("cpu", cpu.kind());
        assertEquals(3, cpu.concurrency());
        assertEquals("cpu", cpu.backend().name());
    }

    @Test
    void autoWithoutAGpuFallsBackToTheCpu() {
        assumeFalse(CudaDriver.probe().hasDevices(), "this machine has a CUDA device; the fallback is not reachable");
        List<ProvingDevice> devices = Devices.discover(DeviceSettings.defaults());
        assertEquals(List.of("cpu-0"), devices.stream().map(ProvingDevice::id).toList());
        assertFalse(CudaDriver.probe().problem().isBlank());
    }

    @Test
    void cudaModeWithoutAGpuFailsNamingTheSettingAndTheCause() {
        assumeFalse(CudaDriver.probe().hasDevices(), "this machine has a CUDA device; nothing to refuse");
        CudaUnavailableException e = assertThrows(CudaUnavailableException.class,
                () -> Devices.discover(DeviceSettings.defaults().withMode(DeviceMode.CUDA)));
        assertTrue(e.getMessage().contains("zkcluster.devices = cuda"), e.getMessage());
        assertTrue(e.getMessage().contains(CudaDriver.probe().problem()), e.getMessage());
    }

    @Test
    void autoAndCudaWithAGpuGiveOneDevicePerGpu() {
        assumeTrue(CudaDriver.probe().hasDevices(), "no CUDA device here: " + CudaDriver.probe().problem());
        for (DeviceMode mode : List.of(DeviceMode.AUTO, DeviceMode.CUDA)) {
            List<ProvingDevice> devices = Devices.discover(new DeviceSettings(mode, 1, 2, 0));
            try {
                assertEquals(CudaDriver.probe().devices().size(), devices.size());
                for (int i = 0; i < devices.size(); i++) {
                    ProvingDevice device = devices.get(i);
                    assertEquals("cuda-" + i, device.id());
                    assertEquals("cuda", device.kind());
                    assertEquals(2, device.concurrency());
                    assertTrue(device.memoryBytes() > 1L << 30, "memory " + device.memoryBytes());
                    assertFalse(device.name().isBlank());
                    assertEquals("cuda", device.backend().name());
                }
            } finally {
                devices.forEach(ProvingDevice::close);
            }
        }
    }
}
