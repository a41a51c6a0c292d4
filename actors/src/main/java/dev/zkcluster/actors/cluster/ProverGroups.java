package dev.zkcluster.actors.cluster;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prover groups: named sets of (round, circuit) pairs, written {@code round:circuit} (such as {@code 0:transfer} or
 * {@code 2:transfer.depth1}). Each group has its own job queue. With no groups configured every pair belongs to one
 * group, {@code default}. A configured set must cover every pair of every served protocol version exactly once.
 */
public final class ProverGroups {
    public static final String DEFAULT = "default";

    private final Map<String, String> groupOfPair;
    private final List<String> names;

    private ProverGroups(Map<String, String> groupOfPair, List<String> names) {
        this.groupOfPair = groupOfPair;
        this.names = List.copyOf(names);
    }

    /**
     * Reads {@code zkcluster.prover-groups} and checks it against the pairs of the served versions' trees.
     *
     * @throws IllegalArgumentException naming the first pair that is unknown, covered twice or not covered
     */
    public static ProverGroups fromConfig(Config config, List<String> pairs) {
        List<? extends Config> groups = config.getConfigList("zkcluster.prover-groups");
        if (groups.isEmpty()) {
            Map<String, String> all = new LinkedHashMap<>();
            pairs.forEach(p -> all.put(p, DEFAULT));
            return new ProverGroups(all, List.of(DEFAULT));
        }
        Map<String, String> owner = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Config group : groups) {
            String name = group.getString("name");
            if (!name.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("zkcluster.prover-groups: group name '" + name
                        + "' must be lower-case letters, digits and '-'");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("zkcluster.prover-groups: group '" + name + "' is defined twice");
            }
            names.add(name);
            for (String pair : group.getStringList("circuits")) {
                if (!pairs.contains(pair)) {
                    throw new IllegalArgumentException("zkcluster.prover-groups: group '" + name + "' names pair "
                            + pair + ", which no served protocol version has (known: " + pairs + ")");
                }
                String before = owner.putIfAbsent(pair, name);
                if (before != null) {
                    throw new IllegalArgumentException("zkcluster.prover-groups: pair " + pair
                            + " is covered by both '" + before + "' and '" + name + "'");
                }
            }
        }
        for (String pair : pairs) {
            if (!owner.containsKey(pair)) {
                throw new IllegalArgumentException("zkcluster.prover-groups: pair " + pair
                        + " is not covered by any group");
            }
        }
        return new ProverGroups(owner, names);
    }

    /** The group whose queue holds jobs of this pair. */
    public String groupOf(String pair) {
        String g = groupOfPair.get(pair);
        if (g == null) {
            throw new IllegalArgumentException("no prover group serves " + pair);
        }
        return g;
    }

    public List<String> names() {
        return names;
    }
}
