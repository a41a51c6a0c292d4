package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.blob.ObjectStore;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/** What every entity on a node needs: sharding, the object store, the settings, the house keeper, the event topic. */
public final class ClusterContext {
    private final ActorSystem<?> system;
    private final ClusterSharding sharding;
    private final ObjectStore store;
    private final ClusterSettings settings;
    private final Metrics metrics;
    private volatile ActorRef<HouseKeeper.Command> houseKeeper;
    private volatile ActorRef<Topic.Command<Transition>> topic;

    public ClusterContext(ActorSystem<?> system, ObjectStore store, ClusterSettings settings) {
        this.system = system;
        this.sharding = ClusterSharding.get(system);
        this.store = store;
        this.settings = settings;
        this.metrics = new Metrics();
    }

    public ActorSystem<?> system() {
        return system;
    }

    public ClusterSharding sharding() {
        return sharding;
    }

    public ObjectStore store() {
        return store;
    }

    public ClusterSettings settings() {
        return settings;
    }

    public Metrics metrics() {
        return metrics;
    }

    void wire(ActorRef<HouseKeeper.Command> houseKeeper, ActorRef<Topic.Command<Transition>> topic) {
        this.houseKeeper = houseKeeper;
        this.topic = topic;
    }

    public ActorRef<HouseKeeper.Command> houseKeeper() {
        return houseKeeper;
    }

    public ActorRef<Topic.Command<Transition>> topic() {
        return topic;
    }

    public EntityRef<BatchEntity.Command> batch(long n) {
        return sharding.entityRefFor(BatchEntity.KEY, Long.toUnsignedString(n));
    }

    public EntityRef<RoundEntity.Command> round(long batch, int level) {
        return sharding.entityRefFor(RoundEntity.KEY, Long.toUnsignedString(batch) + "-" + level);
    }

    public EntityRef<CircuitJob.Command> job(String jobId) {
        return sharding.entityRefFor(CircuitJob.KEY, jobId);
    }

    public EntityRef<JobQueue.Command> queue(String group) {
        return sharding.entityRefFor(JobQueue.KEY, group);
    }

    public EntityRef<JobQueue.Command> queueFor(JobSpec spec) {
        return queue(settings.groups().groupOf(spec.pair()));
    }

    public void publish(String kind, long batch, String id, String state, String detail) {
        ActorRef<Topic.Command<Transition>> t = topic;
        if (t != null) {
            t.tell(Topic.publish(new Transition(kind, batch, id, state, System.currentTimeMillis(), detail)));
        }
    }
}
