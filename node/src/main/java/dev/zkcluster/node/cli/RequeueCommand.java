package dev.zkcluster.node.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zkcluster requeue N}: puts a batch's failed jobs back in the queue with a fresh attempt budget. */
@Command(name = "requeue", description = "Requeue a batch's failed jobs with a fresh attempt budget.")
public final class RequeueCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH_NUMBER") String batch;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    int count = client.client().requeue(Long.parseUnsignedLong(batch)).path("requeued").asInt();
    spec.commandLine().getOut().println("requeued " + count + " job" + (count == 1 ? "" : "s") + " of batch " + batch);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
