package dev.zkcluster.node;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Pekko cluster roles a node can hold; by default one node holds all of them. */
public enum NodeRole {
  GATEWAY,
  ORCHESTRATOR,
  WITNESS,
  PROVER,
  COMPRESSOR;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static NodeRole fromConfigName(String name) {
    return Arrays.stream(values())
        .filter(role -> role.configName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown role '" + name + "' in zkcluster.roles; known roles: "
            + Arrays.stream(values()).map(NodeRole::configName).collect(Collectors.joining(", "))));
  }
}
