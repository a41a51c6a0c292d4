package dev.zkcluster.node.cli;

import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zkcluster proof N --out FILE}: fetches a batch's final BatchProof. */
@Command(name = "proof", description = "Fetch a batch's final BatchProof (protobuf binary, or JSON with --json).")
public final class ProofCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH_NUMBER") String batch;

  @Option(names = "--out", required = true, paramLabel = "PROOF", description = "Output file.")
  Path out;

  @Option(names = "--json", description = "Write canonical JSON instead of binary.")
  boolean json;

  @Mixin ClientOptions client;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    byte[] proof = client.client().proof(Long.parseUnsignedLong(batch));
    Files.write(out, json ? (JsonFormat.printer().print(BatchProof.parseFrom(proof)) + "\n").getBytes() : proof);
    spec.commandLine().getOut().println(out);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
