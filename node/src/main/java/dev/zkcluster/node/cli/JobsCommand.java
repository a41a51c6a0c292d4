package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code zkcluster jobs}: lists circuit jobs, filtered by state, round, circuit and batch. */
@Command(name = "jobs", description = "List circuit jobs, filtered by state, round, circuit or batch.")
public final class JobsCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "--state", description = "queued, witness-ready, proving, proven or failed.")
  String state;

  @Option(names = "--round", description = "Aggregation round, 0 to 4.")
  Integer round;

  @Option(names = "--circuit", description = "Circuit id, such as transfer or transfer.depth1.")
  String circuit;

  @Option(names = "--batch", description = "Batch number.")
  String batch;

  @Option(names = "--json", description = "Print the answer as JSON.")
  boolean json;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode jobs = client.client().jobs(Optional.ofNullable(state), Optional.ofNullable(round),
        Optional.ofNullable(circuit), Optional.ofNullable(batch).map(Long::parseUnsignedLong));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(jobs.toString());
    } else {
      out.println(String.format("%-40s %-14s %8s  %s", "JOB", "STATE", "ATTEMPTS", "WORKER"));
      for (JsonNode j : jobs) {
        out.println(String.format("%-40s %-14s %8d  %s", j.path("id").asText(), j.path("state").asText(),
            j.path("attempts").asInt(), j.path("worker").isNull() ? "-" : j.path("worker").asText()));
      }
    }
    out.flush();
    return 0;
  }
}
