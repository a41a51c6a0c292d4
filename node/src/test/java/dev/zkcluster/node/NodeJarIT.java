package dev.zkcluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the shaded jar that {@code package} built, as operators do: a separate JVM, configured only through
 * the environment. This catches what in-process tests cannot, above all unmerged reference.conf files.
 */
class NodeJarIT {

  private static final Path JAR = Path.of(System.getProperty("zkcluster.node.jar"));
  private static final Path CLI = Path.of(System.getProperty("zkcluster.cli"));
  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path workDir;

  @Test
  void jarServesReadyAndMetricsAndExitsZeroOnSigterm() throws Exception {
    int httpPort = TestNode.freePort();
    int metricsPort = TestNode.freePort();
    Path log = workDir.resolve("node.log");
    ProcessBuilder builder = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "node")
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(Map.of(
        "ZKCLUSTER_DATA_DIR", workDir.resolve("data").toString(),
        "ZKCLUSTER_HTTP_HOST", "127.0.0.1",
        "ZKCLUSTER_HTTP_PORT", Integer.toString(httpPort),
        "ZKCLUSTER_REMOTE_PORT", Integer.toString(TestNode.freePort()),
        "ZKCLUSTER_METRICS_HOST", "127.0.0.1",
        "ZKCLUSTER_METRICS_PORT", Integer.toString(metricsPort),
        "ZKCLUSTER_METRICS_TICK", "1s"));

    long started = System.nanoTime();
    Process node = builder.start();
    try {
      Runnable stillRunning = () -> {
        if (!node.isAlive()) {
          fail("node exited with status " + node.exitValue() + " before it was ready:\n" + read(log));
        }
      };
      TestNode.await(httpPort, "/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60), stillRunning);
      System.out.printf("jar node ready after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
      String scrape = TestNode.await(metricsPort, "/metrics", r -> r.body().contains("pekko_"), Duration.ofSeconds(30))
          .body();
      assertTrue(scrape.contains("pekko_system_active_actors"), "no actor-system metrics in the scrape");

      long stopping = System.nanoTime();
      node.destroy();
      assertTrue(node.waitFor(10, TimeUnit.SECONDS), "node still running 10 s after SIGTERM");
      System.out.printf("jar node exited after %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopping));
      assertEquals(0, node.exitValue(), Files.readString(log));
      assertTrue(Files.readString(log).contains("Running CoordinatedShutdown with reason [SignalReason[signal=SIGTERM]]"),
          Files.readString(log));
    } finally {
      node.destroyForcibly();
    }
  }

  @Test
  void cliPrintsUsageForAnUnknownCommand() throws Exception {
    CliRun run = cli("frobnicate");
    assertEquals(2, run.exitCode(), run.output());
    assertTrue(run.output().contains("Unmatched argument at index 0: 'frobnicate'"), run.output());
    assertTrue(run.output().contains("Usage: zkcluster"), run.output());
    assertTrue(run.output().contains("node "), run.output());
  }

  @Test
  void cliPrintsUsageWithoutACommandAndForHelp() throws Exception {
    CliRun bare = cli();
    assertEquals(2, bare.exitCode(), bare.output());
    assertTrue(bare.output().contains("Missing command"), bare.output());
    CliRun help = cli("--help");
    assertEquals(0, help.exitCode(), help.output());
    assertTrue(help.output().contains("Usage: zkcluster"), help.output());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }

  private record CliRun(int exitCode, String output) {}

  private CliRun cli(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(CLI.toString()));
    command.addAll(List.of(args));
    Path out = workDir.resolve("cli.out");
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(out.toFile())
        .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "bin/zkcluster did not exit");
    return new CliRun(process.exitValue(), Files.readString(out));
  }
}
