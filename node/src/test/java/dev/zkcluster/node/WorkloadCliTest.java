package dev.zkcluster.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.actors.intake.Decoded;
import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.registry.VerifierKeyDecoding;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import dev.zkcluster.protocol.v1.BatchPublicInputs;
import dev.zkcluster.protocol.v1.Digest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * gen-batch → keys export → prove-local → verify at the tiny version, in process through picocli, with one
 * prove-local run shared by every test. About 8 minutes on 2 loaded cores: the export builds the 12 circuits, and
 * prove-local builds them again and proves 12 jobs, the last one the compression of the scheduler proof.
 */
@Tag("slow")
class WorkloadCliTest {
  private static final String TINY = ProtocolVersion.V0_1_0_TINY.version();

  @TempDir static Path dir;

  private static Path batchFile;
  private static Path store;
  private static Path proofFile;
  private static Run export;
  private static Run prove;

  record Run(int exit, String out, String err) {}

  static Run zkcluster(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @BeforeAll
  static void generateExportAndProve() {
    batchFile = dir.resolve("batch.bin");
    store = dir.resolve("store");
    proofFile = dir.resolve("proof.bin");
    Run gen = zkcluster("gen-batch", "--accounts", "6", "--deposits", "1", "--transfers", "2", "--withdrawals", "1",
        "--seed", "5", "--batch-number", "3", "--protocol-version", TINY, "--out", batchFile.toString());
    assertEquals(0, gen.exit(), gen.err());
    export = zkcluster("keys", "export", store.toString(), "--protocol-version", TINY);
    prove = zkcluster("prove-local", batchFile.toString(), "--out", proofFile.toString());
  }

  @Test
  void genBatchWritesAValidBatchOfTheNamedVersionInBinaryAndJson() throws IOException {
    BatchInput binary = BatchInput.parseFrom(Files.readAllBytes(batchFile));
    assertEquals(TINY, binary.getHeader().getProtocolVersion());
    assertEquals(3, binary.getHeader().getBatchNumber());
    assertEquals(List.of(1, 2, 1),
        List.of(binary.getDepositsCount(), binary.getTransfersCount(), binary.getWithdrawalsCount()));
    assertTrue(BatchMessages.toDomain(binary) instanceof Decoded.Accepted);

    Path json = dir.resolve("batch.json");
    Run gen = zkcluster("gen-batch", "--accounts", "6", "--deposits", "1", "--transfers", "2", "--withdrawals", "1",
        "--seed", "5", "--batch-number", "3", "--protocol-version", TINY, "--json", "--out", json.toString());
    assertEquals(0, gen.exit(), gen.err());
    BatchInput.Builder parsed = BatchInput.newBuilder();
    JsonFormat.parser().merge(Files.readString(json), parsed);
    assertEquals(binary, parsed.build());
  }

  @Test
  void keysExportWritesEveryKeyAtItsPlace() throws IOException {
    assertEquals(0, export.exit(), export.err());
    CircuitRegistry layout = new CircuitRegistry(ProtocolVersion.V0_1_0_TINY, null);
    List<String> expected = new ArrayList<>();
    for (CircuitKey key : layout.allKeys()) {
      expected.add(store.resolve(key.storePath()).toString());
      assertTrue(CircuitRegistry.importKey(store, key) instanceof VerifierKeyDecoding.Decoded, key.storePath());
    }
    assertEquals(expected, export.out().lines().toList());
    assertTrue(expected.contains(store.resolve("keys/0.1.0-tiny/2/transfer.depth1.vk").toString()));
    assertTrue(expected.contains(store.resolve("keys/0.1.0-tiny/4/scheduler.vk").toString()));
    assertTrue(expected.contains(store.resolve("keys/0.1.0-tiny/5/compression.vk").toString()));
    try (Stream<Path> files = Files.walk(store)) {
      assertEquals(12, files.filter(Files::isRegularFile).count());
    }
  }

  @Test
  void proveLocalWritesABatchProofAndReportsEveryRound() throws IOException {
    assertEquals(0, prove.exit(), prove.err());
    for (String round : List.of("basic", "leaf", "node depth 1", "tip", "scheduler", "compression")) {
      assertTrue(prove.err().lines().anyMatch(l -> l.startsWith(round + " ")), round + " in\n" + prove.err());
    }
    BatchProof proof = BatchProof.parseFrom(Files.readAllBytes(proofFile));
    BatchInput batch = BatchInput.parseFrom(Files.readAllBytes(batchFile));
    assertEquals(batch.getHeader(), proof.getHeader());
    assertEquals(expectedPublicInputs(batch), proof.getPublicInputs());
    // the final proof is the compression proof, named by the compression key's digest
    VerifierKeyDecoding key = CircuitRegistry.importKey(store,
        new CircuitKey(TINY, CircuitKey.COMPRESSION, CircuitRegistry.COMPRESSION_ID));
    assertEquals(CircuitRegistry.digestHex(((VerifierKeyDecoding.Decoded) key).key()), proof.getVerifierKeyDigest());
    VerifierKeyDecoding scheduler = CircuitRegistry.importKey(store,
        new CircuitKey(TINY, CircuitKey.SCHEDULER, CircuitRegistry.SCHEDULER_ID));
    assertTrue(PlonkProofCodec.encodedSize(((VerifierKeyDecoding.Decoded) scheduler).key())
        >= 2L * proof.getProof().size());
  }

  @Test
  void verifyPrintsValidAndThePublicInputsAsCanonicalJson() throws IOException {
    assertEquals(0, prove.exit(), prove.err());
    Run verify = zkcluster("verify", proofFile.toString(), "--keys", store.toString());
    assertEquals(0, verify.exit(), verify.out() + verify.err());
    BatchInput batch = BatchInput.parseFrom(Files.readAllBytes(batchFile));
    String json = JsonFormat.printer().print(expectedPublicInputs(batch));
    assertEquals("valid\n" + json + "\n", verify.out());
  }

  @Test
  void verifyRejectsAFlippedProofByte() throws IOException {
    BatchProof proof = BatchProof.parseFrom(Files.readAllBytes(proofFile));
    byte[] bytes = proof.getProof().toByteArray();
    for (int at : new int[] {bytes.length / 3, bytes.length - 1}) {
      byte[] flipped = bytes.clone();
      flipped[at] ^= 0x01;
      Run verify = verifyCopy(proof.toBuilder().setProof(ByteString.copyFrom(flipped)).build(), "flipped" + at);
      assertInvalid(verify);
    }
  }

  @Test
  void verifyRejectsChangedPublicInputsAndAForeignHeader() throws IOException {
    BatchProof proof = BatchProof.parseFrom(Files.readAllBytes(proofFile));
    Digest root = proof.getPublicInputs().getNewRoot();
    Digest changed = root.toBuilder().setElements(2, root.getElements(2) + 1).build();
    assertInvalid(verifyCopy(proof.toBuilder()
        .setPublicInputs(proof.getPublicInputs().toBuilder().setNewRoot(changed)).build(), "root"));
    assertInvalid(verifyCopy(proof.toBuilder()
        .setHeader(proof.getHeader().toBuilder().setBatchNumber(4))
        .setPublicInputs(proof.getPublicInputs().toBuilder().setBatchNumber(4)).build(), "number"));
    assertInvalid(verifyCopy(proof.toBuilder().setHeader(proof.getHeader().toBuilder().setProtocolVersion("9.9.9"))
        .build(), "version"));
  }

  @Test
  void verifyRejectsBytesThatAreNoBatchProof() throws IOException {
    Path garbage = dir.resolve("garbage.bin");
    Files.write(garbage, "not a proof".getBytes(StandardCharsets.UTF_8));
    assertInvalid(zkcluster("verify", garbage.toString(), "--keys", store.toString()));
  }

  private static Run verifyCopy(BatchProof proof, String name) throws IOException {
    Path file = dir.resolve("proof-" + name + ".bin");
    Files.write(file, proof.toByteArray());
    return zkcluster("verify", file.toString(), "--keys", store.toString());
  }

  private static void assertInvalid(Run verify) {
    assertEquals(1, verify.exit(), verify.out() + verify.err());
    assertTrue(verify.out().startsWith("invalid: "), verify.out());
    assertEquals(1, verify.out().lines().count(), verify.out());
  }

  // the executor's public inputs for the batch, as the proof must carry them
  private static BatchPublicInputs expectedPublicInputs(BatchInput input) {
    var batch = ((Decoded.Accepted) BatchMessages.toDomain(input)).batch();
    Execution execution = new BatchExecutor(ExecutorLimits.DEFAULT, ProtocolVersion.V0_1_0_TINY.workload().capacity())
        .execute(batch);
    return BatchMessages.toProto(((Execution.Executed) execution).batch().publicInputs());
  }
}
