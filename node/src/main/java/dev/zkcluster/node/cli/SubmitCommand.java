package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zkcluster.node.verify.BatchProofVerifier;
import dev.zkcluster.node.verify.ExportedKeys;
import dev.zkcluster.node.verify.ProofVerdict;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zkcluster submit BATCH [--wait]}: posts a batch to a node and, with --wait, follows it to a verified proof. */
@Command(name = "submit", description = {
    "Submit a BatchInput (protobuf binary or canonical JSON) to a node.",
    "With --wait, show progress per round until the batch is done, fetch its final proof and verify it;",
    "the exit status is 0 only for a valid proof."})
public final class SubmitCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH", description = "BatchInput file.")
  Path batchFile;

  @Option(names = "--wait", description = "Wait for the final proof and verify it.")
  boolean await;

  @Option(names = "--timeout", defaultValue = "60m", description = "How long --wait waits (default 60m).")
  String timeout;

  @Option(names = "--out", paramLabel = "PROOF", description = "With --wait: write the BatchProof here.")
  Path out;

  @Option(names = "--keys", description = "With --wait: verify locally against keys exported below this store root"
      + " (default: ask the node's POST /v1/verify).")
  Path keys;

  @Option(names = "--plain", description = "Plain progress lines even on a terminal.")
  boolean plain;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    ApiClient api = client.client();
    byte[] bytes = Files.readAllBytes(batchFile);
    boolean json = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading()
        .startsWith("{");
    ApiClient.Answer answer = api.submit(bytes, json ? ApiClient.JSON : ApiClient.PROTOBUF);
    long batch = Long.parseUnsignedLong(answer.body().path("batchNumber").asText());
    stdout.println((answer.status() == 202 ? "accepted" : "already known") + ": batch "
        + Long.toUnsignedString(batch) + " " + answer.body().path("state").asText());
    stdout.flush();
    if (!await) {
      return 0;
    }
    return waitAndVerify(api, batch, Durations.parse(timeout), out, keys,
        new ProgressView(stdout, !plain && ProgressView.terminal()), stdout);
  }

  /** Follows the batch to its end, fetches and verifies its proof; 0 only when it verified. */
  static int waitAndVerify(ApiClient api, long batch, Duration timeout, Path out, Path keys, ProgressView view,
      PrintWriter stdout) throws IOException, InterruptedException {
    JsonNode status = new BatchWatcher(api, view::show, Duration.ofMillis(500)).await(batch, timeout);
    if (status.path("state").asText().equals("failed")) {
      stdout.println("failed: " + status.path("error").asText("no reason given"));
      stdout.flush();
      return 1;
    }
    byte[] proof = api.proof(batch);
    if (out != null) {
      Files.write(out, proof);
      stdout.println("proof written to " + out);
    }
    boolean valid;
    if (keys != null) {
      ProofVerdict verdict = new BatchProofVerifier(new ExportedKeys(keys)).verify(BatchProof.parseFrom(proof));
      valid = verdict instanceof ProofVerdict.Valid;
      stdout.println(valid ? "valid" : "invalid: " + ((ProofVerdict.Invalid) verdict).reason());
    } else {
      JsonNode verdict = api.verify(proof);
      valid = verdict.path("valid").asBoolean();
      stdout.println(valid ? "valid" : "invalid: " + verdict.path("reason").asText());
    }
    stdout.flush();
    return valid ? 0 : 1;
  }
}
