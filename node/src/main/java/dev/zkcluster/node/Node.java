package dev.zkcluster.node;

import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.cluster.ClusterProvingService;
import dev.zkcluster.actors.cluster.ClusterSettings;
import dev.zkcluster.actors.cluster.JobRunner;
import dev.zkcluster.actors.cluster.PipelineJobRunner;
import dev.zkcluster.actors.cluster.ProvingCluster;
import dev.zkcluster.gpu.CudaUnavailableException;
import dev.zkcluster.gpu.DeviceMode;
import dev.zkcluster.gpu.DeviceSettings;
import dev.zkcluster.gpu.Devices;
import dev.zkcluster.gpu.ProvingDevice;
import dev.zkcluster.node.http.GatewayRoutes;
import dev.zkcluster.node.http.JsonErrors;
import dev.zkcluster.persistence.JournalDatabase;
import dev.zkcluster.persistence.JournalProbe;
import dev.zkcluster.persistence.JournalSchema;
import dev.zkcluster.persistence.blob.FileObjectStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
  private final ProvingCluster cluster;
  private final ProvingService provingService;

  private Node(ActorSystem<SpawnProtocol.Command> system, ServerBinding binding, ProvingCluster cluster,
      ProvingService provingService) {
    this.system = system;
    this.binding = binding;
    this.cluster = cluster;
    this.provingService = provingService;
  }

  /** Starts a node whose workers prove with the circuits' pipeline on this machine's devices. */
  public static Node start(NodeConfig config) {
    return start(config, PipelineJobRunner.factory());
  }

  /**
   * Starts a node whose workers run jobs with {@code runners}. The cluster settings (prover groups, versions, round
   * policies) are checked before anything starts, so a bad configuration fails here and names what is wrong.
   */
  public static Node start(NodeConfig config, JobRunner.Factory runners) {
    ClusterSettings settings;
    try {
      settings = ClusterSettings.fromConfig(config.config());
    } catch (IllegalArgumentException | com.typesafe.config.ConfigException e) {
      throw new NodeStartException("bad cluster configuration: " + e.getMessage(), e);
    }
    boolean prover = config.roles().contains(NodeRole.PROVER);
    List<ProvingDevice> devices = prover ? devices(config, settings) : List.of();
    ActorSystem<SpawnProtocol.Command> system =
        ActorSystem.create(SpawnProtocol.create(), config.systemName(), config.config());
    system.getWhenTerminated().thenRun(() -> devices.forEach(ProvingDevice::close));
    try {
      JournalSchema schema = new JournalSchema(system);
      if (config.createSchema()) {
        try {
          schema.ensureCreated().toCompletableFuture().get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          LOG.error("Journal schema set-up failed; /ready reports it and retries: {}", e.toString());
          schema.ensureCreated();
        }
      }
      FileObjectStore store = new FileObjectStore(config.dataDir().resolve("blobs"));
      ProvingCluster cluster = ProvingCluster.start(system, settings, store, prover,
          config.roles().contains(NodeRole.WITNESS), devices, runners);
      ProvingService service = new ClusterProvingService(cluster.context());
      ReadinessProbe probe = new ReadinessProbe(
          Cluster.get(system), schema, config.createSchema(), new JournalProbe(system), config.readinessTimeout());
      ServerBinding binding = Http.get(system)
          .newServerAt(config.httpHost(), config.httpPort())
          .bind(routes(config, system, probe, service))
          .toCompletableFuture()
          .get(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      binding.addToCoordinatedShutdown(config.shutdownDeadline(), system);
      LOG.info("Node {} started: roles {}, HTTP on {}, data in {}, journal on {}, {} prover worker(s)",
          Cluster.get(system).selfMember().address(), config.roles(), binding.localAddress(), config.dataDir(),
          JournalDatabase.from(config.config()).dialect(), cluster.workers());
      return new Node(system, binding, cluster, service);
    } catch (ExecutionException | TimeoutException e) {
      system.terminate();
      throw new NodeStartException("cannot serve HTTP on " + config.httpHost() + ":" + config.httpPort(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      system.terminate();
      throw new NodeStartException("interrupted while starting", e);
    } catch (RuntimeException e) {
      system.terminate();
      throw e;
    }
  }

  // the devices this node's workers own, one worker each (zkcluster.devices: auto, cpu or cuda)
  private static List<ProvingDevice> devices(NodeConfig config, ClusterSettings settings) {
    List<ProvingDevice> devices;
    try {
      DeviceSettings deviceSettings = new DeviceSettings(
          DeviceMode.parse(config.config().getString(DeviceMode.SETTING)),
          settings.concurrency(),
          config.config().getInt("zkcluster.cuda.concurrency"),
          config.config().getBytes("zkcluster.cuda.memory-limit"));
      devices = Devices.discover(deviceSettings);
    } catch (CudaUnavailableException | IllegalArgumentException | com.typesafe.config.ConfigException e) {
      throw new NodeStartException("no proving device: " + e.getMessage(), e);
    }
    for (ProvingDevice device : devices) {
      LOG.info("Proving device {}: {} ({}, {} MiB, {} job(s) at a time)", device.id(), device.name(), device.kind(),
          device.memoryBytes() >> 20, device.concurrency());
    }
    return devices;
  }

  // the health checks and the gateway, with every refusal as a JSON error body
  private static Route routes(NodeConfig config, ActorSystem<SpawnProtocol.Command> system, ReadinessProbe probe,
      ProvingService service) {
    return JsonErrors.wrap(Directives.concat(new HealthRoutes(probe).routes(),
        GatewayRoutes.forNode(service, config.config(), system).routes()));
  }

  /** Submit, follow and manage batches; the HTTP gateway and the command line call this. */
  public ProvingService provingService() {
    return provingService;
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
