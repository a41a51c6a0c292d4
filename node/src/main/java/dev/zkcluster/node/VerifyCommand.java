package dev.zkcluster.node;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.node.verify.BatchProofVerifier;
import dev.zkcluster.node.verify.ExportedKeys;
import dev.zkcluster.node.verify.ProofVerdict;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zkcluster verify}: checks a BatchProof against the exported final verifier key of its protocol version.
 * Prints {@code valid} and the public inputs as canonical JSON (exit 0), or {@code invalid: <reason>} (exit 1).
 */
@Command(name = "verify",
    description = "Verify a BatchProof with the exported final verifier key of its protocol version.")
final class VerifyCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "PROOF", description = "BatchProof file (protobuf binary).")
  Path proofFile;

  @Option(names = "--keys", defaultValue = ".",
      description = "Store root holding keys/{version}/... from `keys export` (default: current directory).")
  Path keys;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    ProofVerdict verdict;
    try {
      verdict = new BatchProofVerifier(new ExportedKeys(keys)).verify(BatchProof.parseFrom(Files.readAllBytes(proofFile)));
    } catch (InvalidProtocolBufferException e) {
      verdict = new ProofVerdict.Invalid("not a BatchProof: " + e.getMessage());
    }
    int exit = print(verdict, out);
    out.flush();
    return exit;
  }

  /** Prints {@code valid} and the public inputs (returns 0), or {@code invalid: <reason>} (returns 1). */
  static int print(ProofVerdict verdict, PrintWriter out) throws InvalidProtocolBufferException {
    if (verdict instanceof ProofVerdict.Valid valid) {
      out.println("valid");
      out.println(JsonFormat.printer().print(valid.publicInputs()));
      return 0;
    }
    out.println("invalid: " + ((ProofVerdict.Invalid) verdict).reason());
    return 1;
  }
}
