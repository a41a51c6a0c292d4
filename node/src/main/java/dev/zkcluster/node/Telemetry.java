package dev.zkcluster.node;

import com.typesafe.config.Config;
import kamon.Kamon;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import scala.jdk.javaapi.FutureConverters;

/** Kamon metrics with the Prometheus reporter. Start it before any Pekko class loads, so the agent can instrument them. */
public final class Telemetry {

  private Telemetry() {}

  public static void start(Config config) {
    Kamon.init(config);
  }

  /** Stops the reporters (and frees their ports) as the last step of the node's coordinated shutdown. */
  public static void stopWith(ActorSystem<?> system) {
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "stop-kamon",
        () -> FutureConverters.asJava(Kamon.stop()).thenApply(unit -> Done.getInstance()));
  }

  public static void stop() {
    FutureConverters.asJava(Kamon.stop()).toCompletableFuture().join();
  }
}
