package dev.zkcluster.node;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code zkcluster node}: runs one cluster node until it receives SIGTERM or SIGINT. */
@Command(
    name = "node",
    description = {
        "Start a cluster node with the roles, ports and database from its configuration.",
        "Pick a profile with -Dconfig.resource=local1.conf (or postgres.conf); override single settings",
        "with ZKCLUSTER_* environment variables (see docs/CONFIG.md)."
    })
final class NodeCommand implements Callable<Integer> {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    NodeConfig config = NodeConfig.load();
    // Kamon goes first, so that its agent instruments Pekko classes before they load.
    Telemetry.start(config.config());
    Node node;
    try {
      node = Node.start(config);
    } catch (NodeStartException e) {
      System.err.println("zkcluster node: " + e.getMessage() + ": " + e.getCause());
      Telemetry.stop();
      return 1;
    }
    Telemetry.stopWith(node.system());
    ShutdownSignals.install(node::shutdown);
    boolean askedToStop = node.awaitTermination().filter(SignalReason.class::isInstance).isPresent();
    return askedToStop ? 0 : 1;
  }
}
