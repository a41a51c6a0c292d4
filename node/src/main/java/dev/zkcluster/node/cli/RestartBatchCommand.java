package dev.zkcluster.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zkcluster restart-batch N}: drops a batch's unproven jobs and plans it again from its stored input. */
@Command(name = "restart-batch", description = "Drop a batch's unproven jobs and plan it again from its input.")
public final class RestartBatchCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH_NUMBER") String batch;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String state = client.client().restart(Long.parseUnsignedLong(batch)).path("state").asText();
    spec.commandLine().getOut().println("batch " + batch + " restarted: " + state);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
