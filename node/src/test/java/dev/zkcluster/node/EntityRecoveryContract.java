package dev.zkcluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.junit.jupiter.api.Test;

/** An event-sourced entity keeps its state when its node stops and a new one starts on the same journal. */
abstract class EntityRecoveryContract extends RunningNodeTest {

  private static final Duration ASK_TIMEOUT = Duration.ofSeconds(15);

  /** The node's settings for one start; every call picks fresh ports but the same journal. */
  abstract NodeConfig nodeConfig(Config overrides);

  @Test
  void entityStateSurvivesANodeRestart() throws Exception {
    // A fresh persistence id per run keeps reruns against a shared database independent.
    String persistenceId = "counter-" + UUID.randomUUID();

    node = startReady();
    ActorRef<Counter.Command> counter = spawnCounter(node, persistenceId);
    assertEquals(3, ask(node, counter, replyTo -> new Counter.Add(3, replyTo)));
    assertEquals(7, ask(node, counter, replyTo -> new Counter.Add(4, replyTo)));
    stop(node);

    node = startReady();
    ActorRef<Counter.Command> recovered = spawnCounter(node, persistenceId);
    assertEquals(7, ask(node, recovered, Counter.Get::new));
    assertEquals(8, ask(node, recovered, replyTo -> new Counter.Add(1, replyTo)));
  }

  private Node startReady() {
    Node started = Node.start(nodeConfig(TestNode.overrides(dataDir)));
    TestNode.awaitReady(started.httpPort());
    return started;
  }

  private static ActorRef<Counter.Command> spawnCounter(Node running, String persistenceId) {
    return running.system().systemActorOf(Counter.create(persistenceId), persistenceId, Props.empty());
  }

  private static int ask(Node running, ActorRef<Counter.Command> counter,
      org.apache.pekko.japi.function.Function<ActorRef<Integer>, Counter.Command> message) throws Exception {
    return AskPattern.ask(counter, message, ASK_TIMEOUT, running.system().scheduler())
        .toCompletableFuture()
        .get(ASK_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
  }
}
