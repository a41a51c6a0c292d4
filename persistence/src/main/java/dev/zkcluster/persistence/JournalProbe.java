package dev.zkcluster.persistence;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.persistence.jdbc.query.javadsl.JdbcReadJournal;
import org.apache.pekko.persistence.query.PersistenceQuery;
import org.apache.pekko.stream.javadsl.Sink;

/**
 * Checks that the journal answers: it reads the events of a reserved persistence id through the
 * plugin's own connection pool, which needs a live database connection and the journal table.
 */
public final class JournalProbe {

  static final String PROBE_PERSISTENCE_ID = "zkcluster-journal-probe";

  private final ClassicActorSystemProvider system;
  private final JdbcReadJournal readJournal;

  public JournalProbe(ClassicActorSystemProvider system) {
    this.system = system;
    this.readJournal = PersistenceQuery.get(system.classicSystem())
        .getReadJournalFor(JdbcReadJournal.class, JdbcReadJournal.Identifier());
  }

  public CompletionStage<Done> roundTrip(Duration timeout) {
    return readJournal.currentEventsByPersistenceId(PROBE_PERSISTENCE_ID, 0L, Long.MAX_VALUE)
        .runWith(Sink.ignore(), system)
        .toCompletableFuture()
        .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
