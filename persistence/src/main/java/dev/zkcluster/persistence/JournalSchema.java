package dev.zkcluster.persistence;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.persistence.jdbc.testkit.javadsl.SchemaUtils;

/**
 * Creates the journal, snapshot and durable-state tables when they are missing, on H2 and PostgreSQL alike.
 * A failed attempt (say, the database was down) is retried on the next call; a successful one is remembered.
 */
public final class JournalSchema {

  private final ClassicActorSystemProvider system;
  private final AtomicReference<CompletableFuture<Done>> attempt = new AtomicReference<>();

  public JournalSchema(ClassicActorSystemProvider system) {
    this.system = system;
  }

  public CompletionStage<Done> ensureCreated() {
    while (true) {
      CompletableFuture<Done> current = attempt.get();
      if (current != null && !current.isCompletedExceptionally()) {
        return current;
      }
      CompletableFuture<Done> next = new CompletableFuture<>();
      if (attempt.compareAndSet(current, next)) {
        // The plugin's script runs statement by statement and skips those that fail because the object exists.
        SchemaUtils.createIfNotExists(system).whenComplete((done, error) -> {
          if (error == null) {
            next.complete(done);
          } else {
            next.completeExceptionally(error);
          }
        });
        return next;
      }
    }
  }

  /** Whether a creation attempt has finished successfully. */
  public boolean isCreated() {
    CompletableFuture<Done> current = attempt.get();
    return current != null && current.isDone() && !current.isCompletedExceptionally();
  }
}
