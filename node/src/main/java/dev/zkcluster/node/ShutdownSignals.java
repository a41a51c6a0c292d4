package dev.zkcluster.node;

import java.util.function.Consumer;
import sun.misc.Signal;

/**
 * Routes SIGTERM and SIGINT to the node's coordinated shutdown. Without this the JVM's own handler would
 * run the shutdown hooks and exit with 143, which supervisors read as a crash.
 */
final class ShutdownSignals {

  private ShutdownSignals() {}

  static void install(Consumer<SignalReason> onSignal) {
    for (String name : new String[] {"TERM", "INT"}) {
      Signal.handle(new Signal(name), signal -> onSignal.accept(new SignalReason("SIG" + signal.getName())));
    }
  }
}
