package dev.zkcluster.persistence;

import java.util.Arrays;

/** The databases the journal runs on, each with the Slick profile and JDBC driver that pekko-persistence-jdbc needs. */
public enum JournalDialect {
  H2("jdbc:h2:", "slick.jdbc.H2Profile$", "org.h2.Driver"),
  POSTGRES("jdbc:postgresql:", "slick.jdbc.PostgresProfile$", "org.postgresql.Driver");

  private final String urlPrefix;
  private final String slickProfile;
  private final String driverClass;

  JournalDialect(String urlPrefix, String slickProfile, String driverClass) {
    this.urlPrefix = urlPrefix;
    this.slickProfile = slickProfile;
    this.driverClass = driverClass;
  }

  public String slickProfile() {
    return slickProfile;
  }

  public String driverClass() {
    return driverClass;
  }

  public static JournalDialect fromUrl(String jdbcUrl) {
    return Arrays.stream(values())
        .filter(d -> jdbcUrl.startsWith(d.urlPrefix))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "unsupported journal database URL '" + jdbcUrl + "': expected jdbc:h2: or jdbc:postgresql:"));
  }
}
