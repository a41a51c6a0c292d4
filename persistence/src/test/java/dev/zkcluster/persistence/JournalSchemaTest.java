package dev.zkcluster.persistence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSchemaTest {

  @TempDir Path dataDir;

  private Config h2Config() {
    Config unresolved = ConfigFactory.parseResources("application.conf")
        .withValue("zkcluster.data-dir", ConfigValueFactory.fromAnyRef(dataDir.toAbsolutePath().toString()))
        .withValue("pekko.actor.provider", ConfigValueFactory.fromAnyRef("local"));
    Config loaded = ConfigFactory.load(unresolved);
    return JournalDatabase.from(loaded).applyTo(loaded);
  }

  @Test
  void creatingTheSchemaTwiceSucceedsAndTheJournalAnswers() throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "schema", h2Config());
    try {
      new JournalSchema(system).ensureCreated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      JournalSchema second = new JournalSchema(system);
      second.ensureCreated().toCompletableFuture().get(30, TimeUnit.SECONDS);
      assertTrue(second.isCreated());
      new JournalProbe(system).roundTrip(Duration.ofSeconds(10)).toCompletableFuture().get(15, TimeUnit.SECONDS);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void probeFailsWhileTheJournalTableIsMissing() throws Exception {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "noschema", h2Config());
    try {
      var probe = new JournalProbe(system).roundTrip(Duration.ofSeconds(10)).toCompletableFuture();
      assertThrows(ExecutionException.class, () -> probe.get(15, TimeUnit.SECONDS));
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }
}
