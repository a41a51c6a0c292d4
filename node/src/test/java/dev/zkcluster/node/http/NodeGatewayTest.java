package dev.zkcluster.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeConfig;
import dev.zkcluster.node.RunningNodeTest;
import dev.zkcluster.node.TestNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node serves the gateway beside its health checks, with the settings of its configuration. */
class NodeGatewayTest extends RunningNodeTest {

  @Test
  void aNodeServesTheGatewayOfItsServiceWithConfiguredTokenAndBodyLimit() throws Exception {
    RecordingProvingService service = new RecordingProvingService();
    NodeConfig config = NodeConfig.load(ConfigFactory.parseMap(Map.of(
            "zkcluster.http.auth-token", "t0ken",
            "zkcluster.http.max-body-bytes", 4096))
        .withFallback(TestNode.overrides(dataDir)));
    node = Node.startWithService(config, system -> service);
    int port = node.httpPort();
    TestNode.awaitReady(port);
    HttpClient http = HttpClient.newHttpClient();
    byte[] batch = GatewayHarness.batch(2, 1).toByteArray();
    assertTrue(batch.length > 4096, "the test batch must exceed the configured limit: " + batch.length);
    HttpResponse<String> tooLarge = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/v1/batches")).header("Content-Type", "application/x-protobuf").header("Authorization", "Bearer t0ken")
        .POST(HttpRequest.BodyPublishers.ofByteArray(batch)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(413, tooLarge.statusCode(), tooLarge.body());
    HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/v1/batches")).header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10])).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(401, noToken.statusCode(), noToken.body());
    assertEquals(Map.of(), service.stored());
    assertEquals(200, TestNode.get(port, "/v1/cluster").statusCode());
    assertEquals(200, TestNode.get(port, "/alive").statusCode());
    HttpResponse<String> unknown = TestNode.get(port, "/nowhere");
    assertEquals(404, unknown.statusCode());
    assertTrue(unknown.body().contains("\"error\":\"not-found\""), unknown.body());
  }
}
