package dev.zkcluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.junit.jupiter.api.Test;

class NodeReadinessTest extends RunningNodeTest {

  @Test
  void startedNodeBecomesReadyWithEveryRole() {
    node = Node.start(NodeConfig.load(TestNode.overrides(dataDir)));

    HttpResponse<String> ready = TestNode.awaitReady(node.httpPort());
    assertEquals("{\"status\":\"ready\"}", ready.body());
    assertEquals(200, TestNode.get(node.httpPort(), "/alive").statusCode());
    assertEquals(
        java.util.Set.of("gateway", "orchestrator", "witness", "prover", "compressor", "dc-default"),
        Cluster.get(node.system()).selfMember().getRoles());
  }

  @Test
  void reportsNotReadyWithAReasonWhileTheJournalIsUnreachable() {
    // Nothing listens on this port, so every journal round trip fails although the member is Up.
    var unreachable = ConfigFactory.parseString(
        "zkcluster.db.url = \"jdbc:postgresql://127.0.0.1:" + TestNode.freePort() + "/test\"\n"
            + "zkcluster.db.user = postgres\n"
            + "zkcluster.http.readiness-timeout = 1s");
    node = Node.start(NodeConfig.load(unreachable.withFallback(TestNode.overrides(dataDir))));
    Cluster cluster = Cluster.get(node.system());
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (cluster.selfMember().status() != MemberStatus.up() && System.nanoTime() < deadline) {
      TestNode.sleep(Duration.ofMillis(100));
    }

    HttpResponse<String> ready = TestNode.get(node.httpPort(), "/ready");
    assertEquals(503, ready.statusCode(), ready.body());
    assertTrue(ready.body().contains("\"status\":\"not-ready\""), ready.body());
    assertTrue(ready.body().contains("journal did not answer"), ready.body());
    assertEquals(200, TestNode.get(node.httpPort(), "/alive").statusCode());
  }
}
