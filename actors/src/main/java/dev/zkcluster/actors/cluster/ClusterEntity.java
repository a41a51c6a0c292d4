package dev.zkcluster.actors.cluster;

import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;

/** What the cluster's event-sourced actors share: the node's context and the snapshot policy from config. */
abstract class ClusterEntity<C, E, S> extends EventSourcedBehavior<C, E, S> {
    protected final ClusterContext cx;

    ClusterEntity(PersistenceId id, ClusterContext cx) {
        super(id);
        this.cx = cx;
    }

    @Override
    public RetentionCriteria retentionCriteria() {
        return RetentionCriteria.snapshotEvery(cx.settings().snapshotEvery(), 2);
    }
}
