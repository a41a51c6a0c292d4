package dev.zkcluster.node;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.actors.intake.Decoded;
import dev.zkcluster.circuits.pipeline.LocalPipeline;
import dev.zkcluster.circuits.pipeline.PipelineResult;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code zkcluster prove-local}: proves a batch in this process and writes its BatchProof. */
@Command(name = "prove-local",
    description = "Prove a BatchInput (binary or JSON) in process; progress per round goes to stderr.")
final class ProveLocalCommand implements Callable<Integer> {
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Parameters(index = "0", paramLabel = "BATCH", description = "BatchInput file.")
  Path batchFile;

  @Option(names = "--out", required = true, paramLabel = "PROOF", description = "BatchProof output file.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    byte[] bytes = Files.readAllBytes(batchFile);
    BatchInput input;
    try {
      input = readBatchInput(bytes);
    } catch (InvalidProtocolBufferException e) {
      err.println("prove-local: not a BatchInput: " + e.getMessage());
      return 1;
    }
    Decoded decoded = BatchMessages.toDomain(input);
    if (decoded instanceof Decoded.Refused refused) {
      err.println("prove-local: " + refused.error().path() + ": " + refused.error().detail());
      return 1;
    }
    Batch batch = ((Decoded.Accepted) decoded).batch();
    ProtocolVersion version = ProtocolVersionOption.resolve(batch.header().protocolVersion());
    CpuProvingBackend backend = new CpuProvingBackend();
    LocalPipeline pipeline = new LocalPipeline(new CircuitRegistry(version, backend), backend, line -> {
      err.println(line);
      err.flush();
    });
    PipelineResult result;
    try {
      result = pipeline.prove(batch);
    } catch (IllegalArgumentException e) {
      err.println("prove-local: " + e.getMessage());
      return 1;
    }
    BatchProof proof = BatchProof.newBuilder()
        .setHeader(input.getHeader())
        .setPublicInputs(BatchMessages.toProto(result.publicInputs()))
        .setProof(com.google.protobuf.ByteString.copyFrom(PlonkProofCodec.encode(result.finalProof().proof())))
        .setVerifierKeyDigest(CircuitRegistry.digestHex(result.finalKey()))
        .build();
    Files.write(out, proof.toByteArray());
    return 0;
  }

  // canonical JSON when the file starts with '{', else protobuf binary
  static BatchInput readBatchInput(byte[] bytes) throws InvalidProtocolBufferException {
    String text = new String(bytes, StandardCharsets.UTF_8).stripLeading();
    if (text.startsWith("{")) {
      BatchInput.Builder builder = BatchInput.newBuilder();
      JsonFormat.parser().merge(text, builder);
      return builder.build();
    }
    return BatchInput.parseFrom(bytes);
  }
}
