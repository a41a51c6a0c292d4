package dev.zkcluster.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class JournalDialectTest {

  @Test
  void picksProfileAndDriverFromTheUrl() {
    assertEquals(JournalDialect.H2, JournalDialect.fromUrl("jdbc:h2:file:./data/journal;DATABASE_TO_UPPER=false"));
    assertEquals(JournalDialect.POSTGRES, JournalDialect.fromUrl("jdbc:postgresql://db:5432/zk"));
  }

  @Test
  void rejectsUnsupportedDatabase() {
    var error = assertThrows(IllegalArgumentException.class, () -> JournalDialect.fromUrl("jdbc:mysql://db/zk"));
    assertEquals(true, error.getMessage().contains("jdbc:mysql://db/zk"));
  }

  @Test
  void rejectsWriteParallelismBelowOne() {
    var config = ConfigFactory.parseString("""
        zkcluster.db.url = "jdbc:postgresql://127.0.0.1:5432/test"
        zkcluster.db.write-parallelism = 0
        """);
    var error = assertThrows(IllegalArgumentException.class, () -> JournalDatabase.from(config));
    assertEquals(true, error.getMessage().contains("zkcluster.db.write-parallelism"));
  }

  @Test
  void postgresUrlSwitchesSlickProfileAndDriver() {
    var config = ConfigFactory.parseString("""
        zkcluster.db.url = "jdbc:postgresql://127.0.0.1:5432/test"
        pekko-persistence-jdbc.shared-databases.slick.profile = "slick.jdbc.H2Profile$"
        pekko-persistence-jdbc.shared-databases.slick.db.driver = "org.h2.Driver"
        """);
    var applied = JournalDatabase.from(config).applyTo(config);
    assertEquals("slick.jdbc.PostgresProfile$", applied.getString(JournalDatabase.SLICK_PATH + ".profile"));
    assertEquals("org.postgresql.Driver", applied.getString(JournalDatabase.SLICK_PATH + ".db.driver"));
  }
}
