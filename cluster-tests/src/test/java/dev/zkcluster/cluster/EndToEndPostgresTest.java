package dev.zkcluster.cluster;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;

/**
 * The end-to-end proof on the postgres.conf profile, against the PostgreSQL server at 127.0.0.1:5432 (database
 * user postgres), in a database of its own that it drops afterwards. It is never skipped: without a reachable server
 * it fails.
 */
class EndToEndPostgresTest extends EndToEndContract {
    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private String database;

    @Override
    TestCluster cluster(Path dir) {
        database = "zk_e2e_" + Long.toHexString(System.nanoTime());
        sql("CREATE DATABASE " + database);
        return new TestCluster(dir, "zkcluster.db.url = \"" + SERVER + database + "\"",
                ConfigFactory.parseResources("postgres.conf"));
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void sql(String statement) {
        try (Connection c = DriverManager.getConnection(SERVER + "test", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + "test is needed for this test", e);
        }
    }
}
