package dev.zkcluster.gpu;

import java.util.Locale;

/** Which proving devices a node uses, from the setting {@code zkcluster.devices}. */
public enum DeviceMode {
    /** Every CUDA device when the driver reports at least one; otherwise the CPU, said in one log line. */
    AUTO,
    /** The CPU only; CUDA is never touched. */
    CPU,
    /** Every CUDA device; a node without a driver or a device fails at start. */
    CUDA;

    /** The setting's name. */
    public static final String SETTING = "zkcluster.devices";

    /** Parses {@code auto}, {@code cpu} or {@code cuda} (any case), naming the setting when the value is none of them. */
    public static DeviceMode parse(String value) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "auto":
                    return AUTO;
                case "cpu":
                    return CPU;
                case "cuda":
                    return CUDA;
                default:
                    break;
            }
        }
        throw new IllegalArgumentException(SETTING + " must be one of auto, cpu, cuda; got " + value);
    }
}
