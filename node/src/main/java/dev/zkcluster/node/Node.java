package dev.zkcluster.node;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.node.http.GatewayRoutes;
import dev.zkcluster.node.http.JsonErrors;
import dev.zkcluster.persistence.JournalDatabase;
import dev.zkcluster.persistence.JournalProbe;
import dev.zkcluster.persistence.JournalSchema;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.SpawnProtocol;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running cluster node: the actor system, the journal schema and the HTTP endpoint. The user guardian
 * speaks {@link SpawnProtocol}, so the node's services are spawned as its children under {@code /user}.
 */
public final class Node {

  private static final Logger LOG = LoggerFactory.getLogger(Node.class);
  private static final long BIND_TIMEOUT_SECONDS = 30;

  private final ActorSystem<SpawnProtocol.Command> system;
  private final ServerBinding binding;

  private Node(ActorSystem<SpawnProtocol.Command> system, ServerBinding binding) {
    this.system = system;
    this.binding = binding;
  }

  public static Node start(NodeConfig config) {
    return startWithService(config, system -> null);
  }

  /**
   * Starts a node whose HTTP API fronts the proving service that {@code services} makes from the node's actor
   * system; when it makes none, the node serves only the health checks.
   */
  public static Node startWithService(NodeConfig config,
      Function<ActorSystem<SpawnProtocol.Command>, ProvingService> services) {
    ActorSystem<SpawnProtocol.Command> system =
        ActorSystem.create(SpawnProtocol.create(), config.systemName(), config.config());
    try {
      JournalSchema schema = new JournalSchema(system);
      if (config.createSchema()) {
        schema.ensureCreated().whenComplete((done, error) -> {
          if (error != null) {
            LOG.error("Journal schema set-up failed; /ready reports it and retries: {}", error.toString());
          }
        });
      }
      ReadinessProbe probe = new ReadinessProbe(
          Cluster.get(system), schema, config.createSchema(), new JournalProbe(system), config.readinessTimeout());
      ServerBinding binding = Http.get(system)
          .newServerAt(config.httpHost(), config.httpPort())
          .bind(routes(config, system, probe, services.apply(system)))
          .toCompletableFuture()
          .get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      binding.addToCoordinatedShutdown(config.shutdownDeadline(), system);
      LOG.info("Node {} started: roles {}, HTTP on {}, data in {}, journal on {}",
          Cluster.get(system).selfMember().address(), config.roles(), binding.localAddress(), config.dataDir(),
          JournalDatabase.from(config.config()).dialect());
      return new Node(system, binding);
    } catch (ExecutionException | TimeoutException e) {
      system.terminate();
      throw new NodeStartException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      system.terminate();
      throw new NodeStartException("interrupted while starting", e);
    }
  }

  private static Route routes(NodeConfig config, ActorSystem<SpawnProtocol.Command> system, ReadinessProbe probe,
      ProvingService service) {
    Route health = new HealthRoutes(probe).routes();
    if (service == null) {
      return JsonErrors.wrap(health);
    }
    return JsonErrors.wrap(Directives.concat(health, GatewayRoutes.forNode(service, config.config(), system).routes()));
  }

  public ActorSystem<SpawnProtocol.Command> system() {
    return system;
  }

  public int httpPort() {
    return binding.localAddress().getPort();
  }

  /** Runs coordinated shutdown: HTTP drains, the member leaves the cluster, the actor system terminates. */
  public CompletionStage<Done> shutdown(CoordinatedShutdown.Reason reason) {
    return CoordinatedShutdown.get(system).runAll(reason);
  }

  /** Blocks until the actor system has terminated and says why it shut down, if it was told. */
  public Optional<CoordinatedShutdown.Reason> awaitTermination() {
    system.getWhenTerminated().toCompletableFuture().join();
    return CoordinatedShutdown.get(system).getShutdownReason();
  }
}
