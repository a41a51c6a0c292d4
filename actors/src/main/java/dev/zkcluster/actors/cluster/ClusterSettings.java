package dev.zkcluster.actors.cluster;

import com.typesafe.config.Config;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's knobs from {@code zkcluster.jobs}, {@code zkcluster.prover}, {@code zkcluster.prover-groups} and
 * {@code zkcluster.witness}.
 */
public record ClusterSettings(
        List<RoundPolicy> rounds,
        Duration houseKeeperInterval,
        Duration retention,
        Duration pollInterval,
        Duration askTimeout,
        int snapshotEvery,
        Duration removalDelay,
        List<ProtocolVersion> versions,
        ProverGroups groups,
        String workerGroup,
        List<String> workerVersions,
        int concurrency,
        int witnessConcurrency,
        int maxReady,
        long maxReadyBytes,
        int chunkBytes) {

    /** Round names as config keys, by round number. */
    public static final List<String> ROUND_NAMES = List.of("basic", "leaf", "node", "tip", "scheduler", "compression");

    public static ClusterSettings fromConfig(Config config) {
        List<RoundPolicy> rounds = new ArrayList<>();
        for (String name : ROUND_NAMES) {
            Config r = config.getConfig("zkcluster.jobs.rounds." + name);
            rounds.add(new RoundPolicy(r.getDuration("timeout"), r.getInt("max-attempts")));
        }
        List<ProtocolVersion> versions = new ArrayList<>();
        List<String> pairs = new ArrayList<>();
        for (String v : config.getStringList("zkcluster.protocol-versions")) {
            ProtocolVersion pv = ProtocolVersion.named(v).orElseThrow(() -> new IllegalArgumentException(
                    "zkcluster.protocol-versions: unknown protocol version '" + v + "'"));
            versions.add(pv);
            for (String pair : TreeShape.pairs(pv.workload().nodeDepths())) {
                if (!pairs.contains(pair)) {
                    pairs.add(pair);
                }
            }
        }
        ProverGroups groups = ProverGroups.fromConfig(config, pairs);
        String workerGroup = config.getString("zkcluster.prover.group");
        if (!workerGroup.isEmpty() && !groups.names().contains(workerGroup)) {
            throw new IllegalArgumentException("zkcluster.prover.group: no prover group named '" + workerGroup
                    + "' (groups: " + groups.names() + ")");
        }
        List<String> workerVersions = config.getStringList("zkcluster.prover.protocol-versions");
        for (String v : workerVersions) {
            if (versions.stream().noneMatch(pv -> pv.version().equals(v))) {
                throw new IllegalArgumentException("zkcluster.prover.protocol-versions: '" + v
                        + "' is not in zkcluster.protocol-versions");
            }
        }
        if (workerVersions.isEmpty()) {
            workerVersions = versions.stream().map(ProtocolVersion::version).toList();
        }
        int concurrency = config.getInt("zkcluster.prover.concurrency");
        if (concurrency < 1) {
            throw new IllegalArgumentException("zkcluster.prover.concurrency must be at least 1, got " + concurrency);
        }
        return new ClusterSettings(List.copyOf(rounds),
                config.getDuration("zkcluster.jobs.house-keeper-interval"),
                config.getDuration("zkcluster.jobs.retention"),
                config.getDuration("zkcluster.jobs.poll-interval"),
                config.getDuration("zkcluster.jobs.ask-timeout"),
                positive(config, "zkcluster.jobs.snapshot-every"),
                config.getDuration("zkcluster.jobs.queue-removal-delay"),
                List.copyOf(versions), groups, workerGroup, List.copyOf(workerVersions), concurrency,
                positive(config, "zkcluster.witness.concurrency"),
                positive(config, "zkcluster.witness.max-ready"),
                positiveBytes(config, "zkcluster.witness.max-ready-bytes"),
                (int) Math.min(Integer.MAX_VALUE, positiveBytes(config, "zkcluster.witness.chunk-bytes")));
    }

    private static int positive(Config config, String path) {
        int v = config.getInt(path);
        if (v < 1) {
            throw new IllegalArgumentException(path + " must be at least 1, got " + v);
        }
        return v;
    }

    private static long positiveBytes(Config config, String path) {
        long v = config.getBytes(path);
        if (v < 1) {
            throw new IllegalArgumentException(path + " must be at least 1 byte, got " + v);
        }
        return v;
    }

    public RoundPolicy policy(int round) {
        return rounds.get(Math.min(round, rounds.size() - 1));
    }

    /** The queues this node's workers pull from: their group, or every group. */
    public List<String> workerQueues() {
        return workerGroup.isEmpty() ? groups.names() : List.of(workerGroup);
    }
}
