package dev.zkcluster.node;

import dev.zkcluster.persistence.JournalProbe;
import dev.zkcluster.persistence.JournalSchema;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.Done;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/** A node is ready once it is Up in the cluster and a read from the journal comes back. */
public final class ReadinessProbe {

  private final Cluster cluster;
  private final JournalSchema schema;
  private final boolean manageSchema;
  private final JournalProbe journal;
  private final Duration timeout;

  public ReadinessProbe(Cluster cluster, JournalSchema schema, boolean manageSchema, JournalProbe journal,
      Duration timeout) {
    this.cluster = cluster;
    this.schema = schema;
    this.manageSchema = manageSchema;
    this.journal = journal;
    this.timeout = timeout;
  }

  public CompletionStage<Readiness> check() {
    MemberStatus status = cluster.selfMember().status();
    if (status != MemberStatus.up()) {
      return CompletableFuture.completedFuture(new Readiness.NotReady("cluster member status is " + status));
    }
    // A schema set-up that failed earlier (database down at start-up) is retried here.
    CompletionStage<Done> schemaReady =
        manageSchema ? schema.ensureCreated() : CompletableFuture.completedFuture(Done.getInstance());
    return schemaReady
        .thenCompose(done -> journal.roundTrip(timeout))
        .toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .handle((done, error) -> error == null ? new Readiness.Ready() : notReady(error));
  }

  private Readiness notReady(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      return new Readiness.NotReady("journal did not answer within " + timeout.toMillis() + " ms");
    }
    return new Readiness.NotReady("journal did not answer: " + cause.getClass().getSimpleName() + ": "
        + cause.getMessage());
  }
}
