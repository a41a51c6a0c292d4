package dev.zkcluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class PrometheusScrapeTest extends RunningNodeTest {

  @Test
  void scrapeShowsPekkoMetricsForTheNodesActors() throws Exception {
    NodeConfig config = NodeConfig.load(TestNode.overrides(dataDir));
    Telemetry.start(config.config());
    node = Node.start(config);
    Telemetry.stopWith(node.system());
    TestNode.awaitReady(node.httpPort());

    // An actor under /user is what the node's track filter selects; it must show up by its path.
    ActorRef<String> echo = AskPattern.<SpawnProtocol.Command, ActorRef<String>>ask(
            node.system(),
            replyTo -> new SpawnProtocol.Spawn<>(Behaviors.ignore(), "metered", Props.empty(), replyTo),
            Duration.ofSeconds(10),
            node.system().scheduler())
        .toCompletableFuture()
        .get(15, TimeUnit.SECONDS);
    for (int i = 0; i < 10; i++) {
      echo.tell("tick " + i);
    }

    int metricsPort = config.config().getInt("kamon.prometheus.embedded-server.port");
    HttpResponse<String> scrape = TestNode.await(metricsPort, "/metrics",
        r -> r.body().contains("pekko_actor_processing_time_seconds_count{")
            && r.body().contains("zkcluster/user/metered"),
        Duration.ofSeconds(30));
    assertEquals(200, scrape.statusCode());
    assertTrue(scrape.body().contains("pekko_system_active_actors"), "no actor-system metrics in the scrape");
  }
}
