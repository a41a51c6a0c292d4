package dev.zkcluster.actors.cluster;

import kamon.Kamon;
import kamon.metric.MeasurementUnit;

/** The cluster's Kamon instruments (DESIGN §6); the Prometheus reporter adds the unit and {@code _total} suffixes. */
public final class Metrics {
    private static final MeasurementUnit NANOS = MeasurementUnit.time().nanoseconds();

    /**
     * Registers the counters at zero, so that a scrape shows them (and dashboards plot 0) before the first requeue or
     * exhausted job; Kamon exports an instrument only once it exists.
     */
    public Metrics() {
        Kamon.counter("zkcluster_requeued_jobs").withoutTags();
        Kamon.counter("zkcluster_max_attempts").withoutTags();
    }

    /** {@code zkcluster_jobs{state, round, circuit, protocol_version}}. */
    public void jobs(String state, int round, String circuit, String version, int count) {
        Kamon.gauge("zkcluster_jobs").withTag("state", state).withTag("round", Integer.toString(round))
                .withTag("circuit", circuit).withTag("protocol_version", version).update(count);
    }

    /** {@code zkcluster_job_seconds{round, circuit, backend}}. */
    public void jobTime(int round, String circuit, String backend, long nanos) {
        Kamon.histogram("zkcluster_job", NANOS).withTag("round", Integer.toString(round))
                .withTag("circuit", circuit).withTag("backend", backend).record(nanos);
    }

    /** {@code zkcluster_witness_seconds{round, circuit}}: generating a job's witness on a witness node. */
    public void witnessTime(int round, String circuit, long nanos) {
        Kamon.histogram("zkcluster_witness", NANOS).withTag("round", Integer.toString(round))
                .withTag("circuit", circuit).record(nanos);
    }

    /** {@code zkcluster_witness_held_bytes{node}}: witness vectors a witness node holds for provers. */
    public void witnessHeld(String node, long bytes) {
        Kamon.gauge("zkcluster_witness_held", MeasurementUnit.information().bytes()).withTag("node", node)
                .update(bytes);
    }

    public void batchTime(long nanos) {
        Kamon.histogram("zkcluster_batch", NANOS).withoutTags().record(nanos);
    }

    public void requeued() {
        Kamon.counter("zkcluster_requeued_jobs").withoutTags().increment();
    }

    public void maxAttempts() {
        Kamon.counter("zkcluster_max_attempts").withoutTags().increment();
    }

    public void workerBusy(String node, String device, int busySlots) {
        Kamon.gauge("zkcluster_worker_busy").withTag("node", node).withTag("device", device).update(busySlots);
    }

    /** {@code zkcluster_device_memory_bytes{node, device, kind, name}}: what each worker's device offers to jobs. */
    public void deviceMemory(String node, String device, String kind, String name, long bytes) {
        Kamon.gauge("zkcluster_device_memory", MeasurementUnit.information().bytes()).withTag("node", node)
                .withTag("device", device).withTag("kind", kind).withTag("name", name).update(bytes);
    }

    /** Age in seconds of the oldest batch not yet done (0 when none). */
    public void oldestUnproven(double seconds) {
        Kamon.gauge("zkcluster_oldest_unproven_batch").withoutTags().update(seconds);
    }
}
