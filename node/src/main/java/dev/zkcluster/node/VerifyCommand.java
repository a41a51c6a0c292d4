package dev.zkcluster.node;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.registry.VerifierKeyDecoding;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.protocol.v1.BatchProof;
import dev.zkcluster.protocol.v1.BatchPublicInputs;
import dev.zkcluster.protocol.v1.Digest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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
    String reason = check(Files.readAllBytes(proofFile));
    if (reason != null) {
      spec.commandLine().getOut().println("invalid: " + reason);
      spec.commandLine().getOut().flush();
      return 1;
    }
    return 0;
  }

  // null when valid (after printing the verdict), else why not
  private String check(byte[] bytes) throws IOException {
    BatchProof proof;
    try {
      proof = BatchProof.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      return "not a BatchProof: " + e.getMessage();
    }
    String version = proof.getHeader().getProtocolVersion();
    if (!version.matches(ProtocolVersion.PATTERN)) {
      return "header.protocol_version '" + version + "' is not MAJOR.MINOR.PATCH[-PRERELEASE]";
    }
    CircuitKey finalKey = CircuitRegistry.finalKeyOf(version);
    VerifierKeyDecoding decoding;
    try {
      decoding = CircuitRegistry.importKey(keys, finalKey);
    } catch (NoSuchFileException e) {
      return "no exported verifier key for protocol version " + version + " (" + finalKey.storePath() + ")";
    }
    if (decoding instanceof VerifierKeyDecoding.Malformed m) {
      return "verifier key " + finalKey.storePath() + ": " + m.reason();
    }
    VerifierKey key = ((VerifierKeyDecoding.Decoded) decoding).key();
    if (!CircuitRegistry.digestHex(key).equals(proof.getVerifierKeyDigest())) {
      return "verifier_key_digest " + proof.getVerifierKeyDigest() + " is not the key of version " + version
          + " (" + CircuitRegistry.digestHex(key) + ")";
    }
    BatchPublicInputs pi = proof.getPublicInputs();
    if (pi.getBatchNumber() != proof.getHeader().getBatchNumber()) {
      return "public_inputs.batch_number " + Long.toUnsignedString(pi.getBatchNumber())
          + " is not header.batch_number " + Long.toUnsignedString(proof.getHeader().getBatchNumber());
    }
    if (!pi.getPrevRoot().equals(proof.getHeader().getPrevStateRoot())) {
      return "public_inputs.prev_root is not header.prev_state_root";
    }
    long[] values = new long[21];
    values[0] = pi.getBatchNumber();
    List<Digest> digests = List.of(pi.getPrevRoot(), pi.getNewRoot(), pi.getDepositsHash(), pi.getTransfersHash(),
        pi.getWithdrawalsHash());
    String[] names = {"prev_root", "new_root", "deposits_hash", "transfers_hash", "withdrawals_hash"};
    for (int i = 0; i < digests.size(); i++) {
      if (digests.get(i).getElementsCount() != 4) {
        return "public_inputs." + names[i] + ".elements: expected 4, got " + digests.get(i).getElementsCount();
      }
      for (int e = 0; e < 4; e++) {
        long v = digests.get(i).getElements(e);
        if (Long.compareUnsigned(v, Goldilocks.P) >= 0) {
          return "public_inputs." + names[i] + ".elements[" + e + "]: not a canonical field element";
        }
        values[1 + 4 * i + e] = v;
      }
    }
    if (Long.compareUnsigned(values[0], Goldilocks.P) >= 0) {
      return "public_inputs.batch_number: not a canonical field element";
    }
    Verification verdict = Verifier.verify(key, proof.getProof().toByteArray(), values);
    if (verdict instanceof Verification.Rejected rejected) {
      return rejected.reason();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("valid");
    out.println(JsonFormat.printer().print(pi));
    out.flush();
    return null;
  }
}
