package dev.zkcluster.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** An admin command on one batch of a running cluster: it takes the batch number, acts, and prints one line. */
abstract class BatchAdminCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH_NUMBER") String batch;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  /** Acts on the batch and returns the line to print. */
  abstract String act(ApiClient api, long batchNumber);

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(act(client.client(), Long.parseUnsignedLong(batch)));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
