package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zkcluster status N}: a batch's state, progress per round and timings. */
@Command(name = "status", description = "Show a batch's state, progress per round and timings.")
public final class StatusCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH_NUMBER") String batch;

  @Option(names = "--json", description = "Print the status answer as JSON.")
  boolean json;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    JsonNode status = client.client().status(Long.parseUnsignedLong(batch));
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(status.toString());
    } else {
      out.println("batch " + status.path("batchNumber").asText() + " (" + status.path("protocolVersion").asText()
          + "): " + status.path("state").asText());
      for (JsonNode r : status.path("rounds")) {
        out.println(ProgressView.roundLine(r));
      }
      for (Iterator<Map.Entry<String, JsonNode>> t = status.path("timingsMillis").fields(); t.hasNext(); ) {
        Map.Entry<String, JsonNode> e = t.next();
        out.println(String.format("  %-12s %8.1f s", e.getKey(), e.getValue().asLong() / 1000.0));
      }
      if (!status.path("error").isNull() && !status.path("error").isMissingNode()) {
        out.println("  error: " + status.path("error").asText());
      }
    }
    out.flush();
    return 0;
  }
}
