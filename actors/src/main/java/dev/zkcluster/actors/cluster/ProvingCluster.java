package dev.zkcluster.actors.cluster;

import dev.zkcluster.gpu.CpuProvingDevice;
import dev.zkcluster.gpu.ProvingDevice;
import dev.zkcluster.persistence.blob.ObjectStore;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.ClusterSingletonSettings;
import org.apache.pekko.cluster.typed.SingletonActor;

/**
 * Starts this node's part of the proving cluster: the sharded entities (hosted on {@code orchestrator} members,
 * proxied elsewhere), the house keeper singleton, the transition topic, one worker per device when the node has the
 * {@code prover} role, and a witness worker when it has the {@code witness} role.
 */
public final class ProvingCluster {
    public static final String ORCHESTRATOR = "orchestrator";

    private final ClusterContext cx;
    private final List<ActorRef<ProverWorker.Command>> workers;

    private ProvingCluster(ClusterContext cx, List<ActorRef<ProverWorker.Command>> workers) {
        this.cx = cx;
        this.workers = workers;
    }

    public static ProvingCluster start(ActorSystem<?> system, ClusterSettings settings, ObjectStore store,
            boolean prover, boolean witness, List<ProvingDevice> devices, JobRunner.Factory runners) {
        ClusterContext cx = new ClusterContext(system, store, settings);
        ClusterSharding sharding = cx.sharding();
        sharding.init(Entity.of(BatchEntity.KEY, e -> BatchEntity.create(e.getEntityId(), cx)).withRole(ORCHESTRATOR));
        sharding.init(Entity.of(RoundEntity.KEY, e -> RoundEntity.create(e.getEntityId(), cx)).withRole(ORCHESTRATOR));
        sharding.init(Entity.of(CircuitJob.KEY, e -> CircuitJob.create(e.getEntityId(), cx)).withRole(ORCHESTRATOR));
        sharding.init(Entity.of(JobQueue.KEY, e -> JobQueue.create(e.getEntityId(), cx)).withRole(ORCHESTRATOR));
        ActorRef<HouseKeeper.Command> houseKeeper = ClusterSingleton.get(system).init(
                SingletonActor.of(HouseKeeper.create(cx), "house-keeper")
                        .withSettings(ClusterSingletonSettings.create(system).withRole(ORCHESTRATOR)));
        ActorRef<Topic.Command<Transition>> topic = system.systemActorOf(
                Topic.create(Transition.class, "zkcluster-transitions"), "transitions", Props.empty());
        cx.wire(houseKeeper, topic);
        List<JobRunner> deviceRunners = !prover ? List.of() : devices.stream().map(d -> runners.create(d, store))
                .toList();
        List<ActorRef<ProverWorker.Command>> workers = new java.util.ArrayList<>();
        for (int i = 0; i < deviceRunners.size(); i++) {
            workers.add(system.systemActorOf(ProverWorker.create(cx, devices.get(i), deviceRunners.get(i)),
                    "prover-" + devices.get(i).id(), Props.empty()));
        }
        if (witness) {
            // beside a prover, witness generation shares the first device's runner (its circuits); alone, the CPU's
            JobRunner runner = !deviceRunners.isEmpty() ? deviceRunners.get(0)
                    : runners.create(new CpuProvingDevice("cpu-witness", 1), store);
            system.systemActorOf(WitnessWorker.create(cx, runner), "witness", Props.empty());
        }
        return new ProvingCluster(cx, workers);
    }

    public ClusterContext context() {
        return cx;
    }

    public int workers() {
        return workers.size();
    }
}
