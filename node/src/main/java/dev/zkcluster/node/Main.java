package dev.zkcluster.node;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code zkcluster} command line. */
@Command(
    name = "zkcluster",
    description = "An actor-based proving cluster for zero-knowledge rollup batches.",
    subcommands = {
        NodeCommand.class, GenBatchCommand.class, ProveLocalCommand.class, VerifyCommand.class, KeysCommand.class})
public final class Main implements Runnable {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
