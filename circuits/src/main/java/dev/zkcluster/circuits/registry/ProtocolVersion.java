package dev.zkcluster.circuits.registry;

import dev.zkcluster.circuits.rollup.aggregation.WorkloadConfig;
import java.util.List;
import java.util.Optional;

/**
 * A protocol version names one workload shape, and so one set of circuits and verifier keys. {@code 0.1.0} is the
 * production shape; the {@code -small} and {@code -tiny} pre-releases are the same circuits at lower capacity and
 * fan-in, for tests and quick local runs.
 */
public record ProtocolVersion(String version, WorkloadConfig workload) {
    public static final ProtocolVersion V0_1_0 = new ProtocolVersion("0.1.0", WorkloadConfig.DEFAULT);
    public static final ProtocolVersion V0_1_0_SMALL =
            new ProtocolVersion("0.1.0-small", new WorkloadConfig(16, 4, 1));
    public static final ProtocolVersion V0_1_0_TINY = new ProtocolVersion("0.1.0-tiny", new WorkloadConfig(2, 2, 1));
    public static final List<ProtocolVersion> KNOWN = List.of(V0_1_0, V0_1_0_SMALL, V0_1_0_TINY);

    public static final String PATTERN = "\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?";

    public ProtocolVersion {
        if (!version.matches(PATTERN)) {
            throw new IllegalArgumentException("a protocol version is MAJOR.MINOR.PATCH[-PRERELEASE], got '"
                    + version + "'");
        }
    }

    public static Optional<ProtocolVersion> named(String version) {
        return KNOWN.stream().filter(v -> v.version.equals(version)).findFirst();
    }
}
