package dev.zkcluster.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

/**
 * The postgres.conf profile against the PostgreSQL server at 127.0.0.1:5432 (database test, user postgres).
 * It is never skipped: without a reachable server the node never becomes ready and the test fails.
 */
class PostgresEntityRecoveryTest extends EntityRecoveryContract {

  @Override
  NodeConfig nodeConfig(Config overrides) {
    return NodeConfig.load(overrides, ConfigFactory.parseResources("postgres.conf"));
  }
}
