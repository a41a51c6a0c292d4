package dev.zkcluster.circuits.registry;

/** Names one circuit of a protocol version: its aggregation round and its circuit id within the round. */
public record CircuitKey(String version, int round, String circuitId) {
    public static final int BASIC = 0;
    public static final int LEAF = 1;
    public static final int NODE = 2;
    public static final int TIP = 3;
    public static final int SCHEDULER = 4;
    public static final int COMPRESSION = 5;

    public CircuitKey {
        if (!version.matches(ProtocolVersion.PATTERN)) {
            throw new IllegalArgumentException("a protocol version is MAJOR.MINOR.PATCH[-PRERELEASE], got '"
                    + version + "'");
        }
        if (round < BASIC || round > COMPRESSION) {
            throw new IllegalArgumentException("rounds are 0 to 5, got " + round);
        }
        if (!circuitId.matches("[a-z0-9.-]+")) {
            throw new IllegalArgumentException("a circuit id is lower-case letters, digits, '.' and '-', got '"
                    + circuitId + "'");
        }
    }

    /** Where the verifier key lies below an object store root: {@code keys/{version}/{round}/{circuit}.vk}. */
    public String storePath() {
        return "keys/" + version + "/" + round + "/" + circuitId + ".vk";
    }

    @Override
    public String toString() {
        return version + "/" + round + "/" + circuitId;
    }
}
