package dev.zkcluster.cluster;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The end-to-end proof on the postgres.conf profile, against the PostgreSQL server at 127.0.0.1:5432 (database
 * test, user postgres), in a schema of its own. It is never skipped: without a reachable server it fails.
 */
class EndToEndPostgresTest extends EndToEndContract {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    TestCluster cluster(Path dir) {
        String schema = "zk_e2e_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(SERVER, "postgres", "");
                Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed for this test", e);
        }
        return new TestCluster(dir, "zkcluster.db.url = \"" + SERVER + "?currentSchema=" + schema + "\"",
                ConfigFactory.parseResources("postgres.conf"));
    }
}
