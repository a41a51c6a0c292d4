package dev.zkcluster.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.node.Main;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code zkcluster demo} end to end: an embedded node proves a generated 0.1.0-tiny batch submitted over HTTP, and
 * the command exits 0 only because the fetched proof verified; {@code verify} then refuses a tampered copy.
 */
@Tag("slow")
class DemoCommandTest {

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run zkcluster(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return new Run(cli.execute(args), out.toString(), err.toString());
  }

  @Test
  void demoProvesABatchOverHttpAndExits0OnlyForAVerifiedProof() throws Exception {
    Path data = dir.resolve("data");
    Run demo = zkcluster("demo", "--plain", "--data-dir", data.toString(), "--timeout", "20m");
    // the progress and the timings per round stay in the test's report
    System.out.println(demo.out());
    assertEquals(0, demo.exit(), "demo failed:\n" + demo.out() + demo.err());
    assertTrue(demo.out().contains("proof verified: batch 1 is valid"), demo.out());
    for (String round : new String[] {"round 0 ", "round 4 ", "submit to done", "verify"}) {
      assertTrue(demo.out().contains(round), round + " missing from the timings:\n" + demo.out());
    }

    // the same proof with one flipped byte must not verify
    Path proofFile = data.resolve("proof-1.bin");
    BatchProof proof = BatchProof.parseFrom(Files.readAllBytes(proofFile));
    byte[] bytes = proof.getProof().toByteArray();
    bytes[bytes.length / 2] ^= 0x10;
    Path tampered = dir.resolve("tampered.bin");
    Files.write(tampered, proof.toBuilder().setProof(com.google.protobuf.ByteString.copyFrom(bytes)).build()
        .toByteArray());
    Path keys = data.resolve("blobs");
    Run good = zkcluster("verify", proofFile.toString(), "--keys", keys.toString());
    assertEquals(0, good.exit(), good.out() + good.err());
    Run bad = zkcluster("verify", tampered.toString(), "--keys", keys.toString());
    assertEquals(1, bad.exit(), bad.out() + bad.err());
    assertTrue(bad.out().startsWith("invalid: "), bad.out());
  }
}
