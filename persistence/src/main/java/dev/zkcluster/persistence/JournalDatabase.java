package dev.zkcluster.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;

/**
 * The journal's database as configured under {@code zkcluster.db}. The Slick profile and the JDBC driver
 * follow from the URL, so switching to PostgreSQL takes one setting.
 */
public record JournalDatabase(String url, JournalDialect dialect) {

  public static final String SLICK_PATH = "pekko-persistence-jdbc.shared-databases.slick";

  public static JournalDatabase from(Config config) {
    String url = config.getString("zkcluster.db.url");
    for (String key : new String[] {"zkcluster.db.max-connections", "zkcluster.db.write-parallelism"}) {
      if (config.hasPath(key) && config.getInt(key) < 1) {
        throw new IllegalArgumentException(key + " must be at least 1, got " + config.getInt(key));
      }
    }
    return new JournalDatabase(url, JournalDialect.fromUrl(url));
  }

  /** Settings that make pekko-persistence-jdbc talk to this database; they take precedence over {@code base}. */
  public Config applyTo(Config base) {
    Config dialectSettings = ConfigFactory.parseMap(Map.of(
        SLICK_PATH + ".profile", dialect.slickProfile(),
        SLICK_PATH + ".db.driver", dialect.driverClass()));
    return dialectSettings.withFallback(base);
  }
}
