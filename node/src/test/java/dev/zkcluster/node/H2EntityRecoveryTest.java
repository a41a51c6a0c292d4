package dev.zkcluster.node;

import com.typesafe.config.Config;

/** The default profile: the journal is an H2 file under the node's data directory. */
class H2EntityRecoveryTest extends EntityRecoveryContract {

  @Override
  NodeConfig nodeConfig(Config overrides) {
    return NodeConfig.load(overrides);
  }
}
