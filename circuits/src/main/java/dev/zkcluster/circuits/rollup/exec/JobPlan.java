package dev.zkcluster.circuits.rollup.exec;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many jobs each round of a batch has. The shape depends only on the op counts:
 * <ul>
 *   <li>round 0 (basic): per kind, ceil(ops / capacity) instances, and at least 1 (a padding instance);
 *   <li>round 1 (leaf): per kind, ceil(basic / 8);
 *   <li>round 2 (node): per kind, while more than one proof is left, a depth of ceil(previous / 8) jobs; a kind
 *       with a single leaf job has no node depth;
 *   <li>round 3 (tip), round 4 (scheduler) and compression: 1 job each.
 * </ul>
 *
 * @param basic round-0 jobs per kind
 * @param leaf round-1 jobs per kind
 * @param nodeDepths per kind, the round-2 jobs at depth 0, 1, ...
 */
public record JobPlan(Map<OpKind, Integer> basic, Map<OpKind, Integer> leaf, Map<OpKind, List<Integer>> nodeDepths) {
    public static final int FAN_IN = 8;

    public JobPlan {
        basic = Map.copyOf(basic);
        leaf = Map.copyOf(leaf);
        nodeDepths = Map.copyOf(nodeDepths);
    }

    public static JobPlan forOpCounts(Map<OpKind, Integer> opCounts, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity is at least 1, got " + capacity);
        }
        Map<OpKind, Integer> basic = new EnumMap<>(OpKind.class);
        Map<OpKind, Integer> leaf = new EnumMap<>(OpKind.class);
        Map<OpKind, List<Integer>> nodes = new EnumMap<>(OpKind.class);
        for (OpKind kind : OpKind.values()) {
            int b = Math.max(1, ceilDiv(opCounts.getOrDefault(kind, 0), capacity));
            int l = ceilDiv(b, FAN_IN);
            List<Integer> depths = new ArrayList<>();
            for (int left = l; left > 1; left = ceilDiv(left, FAN_IN)) {
                depths.add(ceilDiv(left, FAN_IN));
            }
            basic.put(kind, b);
            leaf.put(kind, l);
            nodes.put(kind, List.copyOf(depths));
        }
        return new JobPlan(basic, leaf, nodes);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    public int basicJobs() {
        return basic.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int leafJobs() {
        return leaf.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Round-2 jobs of all kinds together, per depth. */
    public List<Integer> nodeJobsPerDepth() {
        List<Integer> perDepth = new ArrayList<>();
        for (List<Integer> depths : nodeDepths.values()) {
            for (int d = 0; d < depths.size(); d++) {
                if (perDepth.size() == d) {
                    perDepth.add(0);
                }
                perDepth.set(d, perDepth.get(d) + depths.get(d));
            }
        }
        return List.copyOf(perDepth);
    }

    public int nodeJobs() {
        return nodeJobsPerDepth().stream().mapToInt(Integer::intValue).sum();
    }

    /** Jobs in rounds 0 to 4, then compression. */
    public int[] jobsPerRound() {
        return new int[] {basicJobs(), leafJobs(), nodeJobs(), 1, 1, 1};
    }
}
