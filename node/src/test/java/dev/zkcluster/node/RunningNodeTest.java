package dev.zkcluster.node;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Base for tests that start a node in this JVM: a temp data directory, and the node stopped afterwards. */
public abstract class RunningNodeTest {

  @TempDir protected Path dataDir;

  protected Node node;

  @AfterEach
  void stopNode() throws Exception {
    if (node != null) {
      stop(node);
    }
  }

  public static void stop(Node node) throws Exception {
    node.shutdown(new SignalReason("test")).toCompletableFuture().get(30, TimeUnit.SECONDS);
    node.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
