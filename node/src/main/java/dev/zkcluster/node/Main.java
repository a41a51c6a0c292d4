package dev.zkcluster.node;

import dev.zkcluster.node.cli.ApiClient;
import dev.zkcluster.node.cli.DemoCommand;
import dev.zkcluster.node.cli.JobsCommand;
import dev.zkcluster.node.cli.ProofCommand;
import dev.zkcluster.node.cli.RequeueCommand;
import dev.zkcluster.node.cli.RestartBatchCommand;
import dev.zkcluster.node.cli.StatusCommand;
import dev.zkcluster.node.cli.SubmitCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

/** The {@code zkcluster} command line. */
@Command(
    name = "zkcluster",
    description = "An actor-based proving cluster for zero-knowledge rollup batches.",
    subcommands = {
        NodeCommand.class, DemoCommand.class, GenBatchCommand.class, SubmitCommand.class, StatusCommand.class,
        ProofCommand.class, VerifyCommand.class, JobsCommand.class, RequeueCommand.class, RestartBatchCommand.class,
        KeysCommand.class, ProveLocalCommand.class})
public final class Main implements Runnable {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing command");
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /**
   * The command line with its usage-error handler: the error, then picocli's suggestions if it has any, then always
   * the usage of the command in question (picocli's default leaves the usage out when it has a suggestion).
   */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new Main());
    cli.setParameterExceptionHandler(Main::usageError);
    cli.setExecutionExceptionHandler(Main::refused);
    return cli;
  }

  // A node that refused or could not be reached is an answer to report, not a stack trace: exit status 2.
  private static int refused(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) throws Exception {
    if (e instanceof ApiClient.ApiException refused) {
      cmd.getErr().println("zkcluster " + cmd.getCommandName() + ": " + refused.getMessage());
      cmd.getErr().flush();
      return 2;
    }
    throw e;
  }

  private static int usageError(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println(e.getMessage());
    UnmatchedArgumentException.printSuggestions(e, err);
    cmd.usage(err);
    err.flush();
    return cmd.getCommandSpec().exitCodeOnInvalidInput();
  }
}
