package dev.zkcluster.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.zkcluster.persistence.JournalDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Everything a node reads from HOCON, plus the final Pekko configuration derived from it (roles, seed nodes,
 * the journal's Slick profile). Loading never touches Pekko classes, so telemetry can start before them.
 */
public record NodeConfig(
    Config config,
    String systemName,
    Path dataDir,
    List<NodeRole> roles,
    List<String> seedNodes,
    String httpHost,
    int httpPort,
    Duration readinessTimeout,
    Duration shutdownDeadline,
    boolean createSchema) {

  /** The application configuration, or the resource named by {@code -Dconfig.resource}. */
  public static NodeConfig load() {
    return load(ConfigFactory.empty());
  }

  /** As {@link #load()}, with {@code overrides} on top; substitutions see the overridden values. */
  public static NodeConfig load(Config overrides) {
    return load(overrides, ConfigFactory.defaultApplication());
  }

  /**
   * {@code overrides}, then system properties, then an unresolved {@code application} profile (say, postgres.conf),
   * then every reference.conf; substitutions resolve across all of them.
   */
  public static NodeConfig load(Config overrides, Config application) {
    Config layered = overrides
        .withFallback(ConfigFactory.defaultOverrides())
        .withFallback(application)
        .withFallback(ConfigFactory.defaultReferenceUnresolved());
    // H2 refuses implicitly relative file paths, so the data directory is made absolute before URLs are built.
    Path dataDir = Path.of(layered.resolve().getString("zkcluster.data-dir")).toAbsolutePath().normalize();
    Config resolved = ConfigFactory.empty()
        .withValue("zkcluster.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toString()))
        .withFallback(layered)
        .resolve();
    return fromResolved(resolved, dataDir);
  }

  private static NodeConfig fromResolved(Config resolved, Path dataDir) {
    String systemName = resolved.getString("zkcluster.cluster.system-name");
    List<NodeRole> roles = stringList(resolved, "zkcluster.roles").stream().map(NodeRole::fromConfigName).toList();
    String host = resolved.getString("zkcluster.cluster.host");
    int port = resolved.getInt("zkcluster.cluster.port");
    List<String> seeds = stringList(resolved, "zkcluster.cluster.seed-nodes");
    // With no seed nodes configured the node joins itself and forms a new cluster.
    List<String> seedNodes = seeds.isEmpty() ? List.of("pekko://" + systemName + "@" + host + ":" + port) : seeds;
    String bindHost = resolved.getString("zkcluster.cluster.bind-host");

    Config derived = ConfigFactory.parseMap(Map.of(
            "pekko.cluster.roles", roles.stream().map(NodeRole::configName).toList(),
            "pekko.cluster.seed-nodes", seedNodes,
            "pekko.remote.artery.bind.hostname", bindHost.isEmpty() ? host : bindHost))
        .withFallback(resolved);
    Config pekkoConfig = JournalDatabase.from(resolved).applyTo(derived);

    return new NodeConfig(
        pekkoConfig,
        systemName,
        dataDir,
        roles,
        seedNodes,
        resolved.getString("zkcluster.http.host"),
        resolved.getInt("zkcluster.http.port"),
        resolved.getDuration("zkcluster.http.readiness-timeout"),
        resolved.getDuration("zkcluster.http.shutdown-deadline"),
        resolved.getBoolean("zkcluster.db.create-schema"));
  }

  /** A HOCON list, or a comma-separated string as environment variables deliver it. */
  private static List<String> stringList(Config config, String path) {
    if (config.getValue(path).valueType() == ConfigValueType.LIST) {
      return config.getStringList(path);
    }
    return Arrays.stream(config.getString(path).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
