package dev.zkcluster.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeConfig;
import dev.zkcluster.node.RunningNodeTest;
import dev.zkcluster.node.Telemetry;
import dev.zkcluster.node.TestNode;
import dev.zkcluster.node.cli.ApiClient;
import dev.zkcluster.protocol.v1.BatchProof;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A real single node proves a 0.1.0-tiny batch while the dashboard is open in headless Chromium: the page must show
 * the batch reach "proven"; the proof from the API must verify and a tampered copy must not; and every metric the
 * Grafana dashboard queries must then be in the node's Prometheus scrape.
 */
@Tag("slow")
class EndToEndTest extends RunningNodeTest {

  @Test
  void theDashboardShowsABatchProvingToProvenAndGrafanasMetricsAreAllScraped() throws Exception {
    NodeConfig config = NodeConfig.load(TestNode.overrides(dataDir));
    Telemetry.start(config.config());
    node = Node.start(config);
    Telemetry.stopWith(node.system());
    int port = node.httpPort();
    TestNode.awaitReady(port);
    HttpResponse<String> cluster = TestNode.get(port, "/v1/cluster");
    if (cluster.statusCode() == 404) {
      fail("this node serves no proving service: GET /v1/cluster answered 404 " + cluster.body());
    }

    ApiClient api = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"), Optional.empty(),
        Duration.ofMinutes(5));
    try (HeadlessChromium browser = new HeadlessChromium(DashboardBrowserTest.chromium(),
        dataDir.resolve("chromium-profile"))) {
      browser.navigate("http://127.0.0.1:" + port + "/");
      byte[] batch = BatchMessages.toProto(BatchGenerator.generate(
          new BatchSpec(5, GatewayHarness.TINY, 6, 1, 2, 1, 11))).toByteArray();
      assertEquals(202, api.submit(batch, ApiClient.PROTOBUF).status());
      String state = "document.querySelector('#batch-5') ? document.querySelector('#batch-5').dataset.state : ''";
      DashboardBrowserTest.awaitValue(browser, state, s -> Set.of("proving", "compressing", "proven").contains(s),
          Duration.ofMinutes(2), "e2e-not-proving.png");
      DashboardBrowserTest.awaitValue(browser, state, "proven"::equals, Duration.ofMinutes(20), "e2e-not-proven.png");
      Files.createDirectories(DashboardBrowserTest.ARTIFACTS);
      Files.write(DashboardBrowserTest.ARTIFACTS.resolve("e2e-dashboard-proven.png"), browser.screenshot());
    }

    byte[] proof = api.proof(5);
    JsonNode verdict = api.verify(proof);
    assertTrue(verdict.path("valid").asBoolean(), verdict.toString());
    BatchProof parsed = BatchProof.parseFrom(proof);
    byte[] bytes = parsed.getProof().toByteArray();
    bytes[bytes.length / 3] ^= 0x01;
    JsonNode tampered = api.verify(parsed.toBuilder().setProof(ByteString.copyFrom(bytes)).build().toByteArray());
    assertFalse(tampered.path("valid").asBoolean(), tampered.toString());
    assertFalse(tampered.path("reason").asText().isEmpty());

    Set<String> wanted = GrafanaDashboardTest.queriedFamilies(GrafanaDashboardTest.dashboard());
    int metricsPort = config.config().getInt("kamon.prometheus.embedded-server.port");
    Set<String> missing = new TreeSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    do {
      String scrape = TestNode.get(metricsPort, "/metrics").body();
      missing.clear();
      for (String family : wanted) {
        if (scrape.lines().noneMatch(line -> line.startsWith(family + "{") || line.startsWith(family + " ")
            || line.startsWith(family + "_bucket{") || line.startsWith(family + "_count"))) {
          missing.add(family);
        }
      }
      if (!missing.isEmpty()) {
        TestNode.sleep(Duration.ofSeconds(1));
      }
    } while (!missing.isEmpty() && System.nanoTime() < deadline);
    assertEquals(Set.of(), missing, "metrics the Grafana dashboard queries but the node does not export");
  }
}
