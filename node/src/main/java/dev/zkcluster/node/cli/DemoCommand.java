package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeConfig;
import dev.zkcluster.node.SignalReason;
import dev.zkcluster.node.Telemetry;
import dev.zkcluster.node.http.GatewaySettings;
import dev.zkcluster.node.verify.BatchProofVerifier;
import dev.zkcluster.node.verify.DerivedKeys;
import dev.zkcluster.node.verify.ProofVerdict;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code zkcluster demo}: the whole path on one machine. Starts an embedded single node with every role (free ports,
 * a fresh data directory), generates a batch, submits it over HTTP, follows it with progress per round, fetches the
 * final proof, verifies it against the final verifier key of its protocol version, and prints the timings per round.
 * Exits 0 only when the proof verified.
 */
@Command(name = "demo", description = {
    "Start an embedded single node, prove a generated batch through it over HTTP, verify the final proof",
    "and print timings per round. Exits 0 only if the proof verified."})
public final class DemoCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--data-dir", description = "Data directory of the embedded node (default: a fresh temporary"
      + " directory, removed afterwards).")
  Path dataDir;

  @Option(names = "--protocol-version", defaultValue = "0.1.0-tiny",
      description = "Protocol version of the batch (default 0.1.0-tiny, the smallest circuit set).")
  String protocolVersion;

  @Option(names = "--accounts", defaultValue = "6", description = "Funded accounts (default 6).")
  int accounts;

  @Option(names = "--deposits", defaultValue = "1", description = "Deposits (default 1).")
  int deposits;

  @Option(names = "--transfers", defaultValue = "2", description = "Transfers (default 2).")
  int transfers;

  @Option(names = "--withdrawals", defaultValue = "1", description = "Withdrawals (default 1).")
  int withdrawals;

  @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default 1).")
  long seed;

  @Option(names = "--batch-number", defaultValue = "1", description = "Batch number (default 1).")
  long batchNumber;

  @Option(names = "--timeout", defaultValue = "30m", description = "How long to wait for the proof (default 30m).")
  String timeout;

  @Option(names = "--http-port", defaultValue = "0", description = "HTTP port of the node (default: a free one).")
  int httpPort;

  @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
  boolean plain;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProtocolVersion version = ProtocolVersion.named(protocolVersion).orElseThrow(() ->
        new IllegalArgumentException("unknown protocol version '" + protocolVersion + "'; known: "
            + ProtocolVersion.KNOWN.stream().map(ProtocolVersion::version).toList()));
    boolean temporary = dataDir == null;
    Path dir = temporary ? Files.createTempDirectory("zkcluster-demo-") : dataDir;
    NodeConfig config = NodeConfig.load(overrides(dir, httpPort == 0 ? freePort() : httpPort));
    long startedAt = System.nanoTime();
    Telemetry.start(config.config());
    Node node = Node.start(config);
    Telemetry.stopWith(node.system());
    try {
      URI url = URI.create("http://127.0.0.1:" + node.httpPort() + "/");
      out.println("node up: " + url + " (dashboard), metrics on :"
          + config.config().getInt("kamon.prometheus.embedded-server.port") + "/metrics, data in " + dir);
      ApiClient api = new ApiClient(url, Optional.empty(), Duration.ofMinutes(5));
      awaitReady(api, Duration.ofSeconds(90));

      BatchInput batch = BatchMessages.toProto(BatchGenerator.generate(new BatchSpec(
          batchNumber, version.version(), accounts, deposits, transfers, withdrawals, seed)));
      out.println("batch " + batchNumber + " on " + version.version() + ": " + deposits + " deposits, " + transfers
          + " transfers, " + withdrawals + " withdrawals over " + accounts + " accounts ("
          + batch.getSerializedSize() + " bytes)");
      ApiClient.Answer answer;
      try {
        answer = api.submit(batch.toByteArray(), ApiClient.PROTOBUF);
      } catch (ApiClient.ApiException e) {
        if (e.status == 404) {
          err.println("demo: the node serves no proving service: POST /v1/batches answered " + e.getMessage());
          err.flush();
          return 1;
        }
        throw e;
      }
      out.println("submitted: " + answer.status() + " " + answer.body());
      out.flush();

      Map<String, Long> roundDoneAt = new LinkedHashMap<>();
      long submittedAt = System.nanoTime();
      ProgressView view = new ProgressView(out, !plain && ProgressView.terminal());
      BatchWatcher watcher = new BatchWatcher(api, (status, elapsed) -> {
        view.show(status, elapsed);
        for (JsonNode r : status.path("rounds")) {
          if (r.path("total").asInt() > 0 && r.path("proven").asInt() == r.path("total").asInt()) {
            roundDoneAt.putIfAbsent(r.path("round").asInt() + " " + r.path("name").asText(),
                (System.nanoTime() - submittedAt) / 1_000_000);
          }
        }
      }, Duration.ofMillis(250));
      JsonNode status = watcher.await(batchNumber, Durations.parse(timeout));
      long provedMillis = (System.nanoTime() - submittedAt) / 1_000_000;
      if (status.path("state").asText().equals("failed")) {
        out.println("demo: batch failed: " + status.path("error").asText());
        out.flush();
        return 1;
      }

      byte[] proofBytes = api.proof(batchNumber);
      Files.write(dir.resolve("proof-" + batchNumber + ".bin"), proofBytes);
      long verifyStart = System.nanoTime();
      Path keysDir = GatewaySettings.from(config.config()).keysDir();
      ProofVerdict verdict = new BatchProofVerifier(new DerivedKeys(keysDir)).verify(BatchProof.parseFrom(proofBytes));
      long verifyMillis = (System.nanoTime() - verifyStart) / 1_000_000;

      out.println();
      out.println("timings (ms)            cluster   observed done at");
      Map<String, JsonNode> timings = new LinkedHashMap<>();
      status.path("timingsMillis").fields().forEachRemaining(e -> timings.put(e.getKey(), e.getValue()));
      for (JsonNode r : status.path("rounds")) {
        String key = r.path("round").asInt() + " " + r.path("name").asText();
        JsonNode t = timings.get(r.path("name").asText());
        out.println(String.format("  round %-16s %8s   %8s", key, t == null ? "-" : t.asText(),
            Optional.ofNullable(roundDoneAt.get(key)).map(String::valueOf).orElse("-")));
      }
      timings.forEach((name, t) -> {
        if (status.path("rounds").findValuesAsText("name").stream().noneMatch(name::equals)) {
          out.println(String.format("  %-22s %8s", name, t.asText()));
        }
      });
      out.println(String.format("  %-22s %8s   %8d", "submit to done", "", provedMillis));
      out.println(String.format("  %-22s %8s   %8d", "verify", "", verifyMillis));
      out.println(String.format("  %-22s %8s   %8d", "demo in all", "", (System.nanoTime() - startedAt) / 1_000_000));
      out.println();
      if (verdict instanceof ProofVerdict.Valid) {
        out.println("proof verified: batch " + batchNumber + " is valid (" + proofBytes.length + " bytes)");
        out.flush();
        return 0;
      }
      out.println("proof did NOT verify: " + ((ProofVerdict.Invalid) verdict).reason());
      out.flush();
      return 1;
    } finally {
      node.shutdown(new SignalReason("demo finished")).toCompletableFuture().get(60, TimeUnit.SECONDS);
      node.system().getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      if (temporary) {
        deleteTree(dir);
      }
    }
  }

  private static Config overrides(Path dir, int httpPort) {
    return ConfigFactory.parseMap(Map.of(
        "zkcluster.data-dir", dir.toString(),
        "zkcluster.http.host", "127.0.0.1",
        "zkcluster.http.port", httpPort,
        "zkcluster.cluster.host", "127.0.0.1",
        "zkcluster.cluster.port", freePort(),
        "zkcluster.cluster.seed-nodes", List.of(),
        "kamon.prometheus.embedded-server.hostname", "127.0.0.1",
        "kamon.prometheus.embedded-server.port", freePort(),
        "kamon.modules.status-page.enabled", false));
  }

  private static void awaitReady(ApiClient api, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!api.ready()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the node did not report ready within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
