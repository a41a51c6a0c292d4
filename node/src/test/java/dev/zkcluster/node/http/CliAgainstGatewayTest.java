package dev.zkcluster.node.http;

import static dev.zkcluster.node.http.GatewayHarness.batch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.api.ProvingService.BatchStatus;
import dev.zkcluster.actors.api.ProvingService.JobView;
import dev.zkcluster.actors.api.ProvingService.RoundProgress;
import dev.zkcluster.node.Main;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The client commands of the command line against a gateway over a recording ProvingService. */
class CliAgainstGatewayTest {

  @TempDir Path dir;

  private GatewayHarness gateway;

  record Run(int exit, String out, String err) {}

  @BeforeEach
  void open() {
    gateway = GatewayHarness.open();
  }

  @AfterEach
  void close() throws Exception {
    gateway.close();
  }

  private Run zkcluster(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    String[] withUrl = new String[args.length + 2];
    System.arraycopy(args, 0, withUrl, 0, args.length);
    withUrl[args.length] = "--url";
    withUrl[args.length + 1] = "http://127.0.0.1:" + gateway.port();
    return new Run(cli.execute(withUrl), out.toString(), err.toString());
  }

  private Path write(String name, byte[] bytes) throws Exception {
    Path file = dir.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  @Test
  void submitSendsBinaryAndJsonAndReportsARepost() throws Exception {
    BatchInput input = batch(30, 1);
    Run first = zkcluster("submit", write("b.bin", input.toByteArray()).toString());
    assertEquals(0, first.exit(), first.err());
    assertEquals("accepted: batch 30 accepted\n", first.out());
    Run again = zkcluster("submit", write("b.json", JsonFormat.printer().print(input).getBytes()).toString());
    assertEquals(0, again.exit(), again.err());
    assertEquals("already known: batch 30 accepted\n", again.out());
    assertEquals(input, gateway.service.stored().get(30L).input());
  }

  @Test
  void aRefusalIsReportedWithItsFieldAndExitStatus2() throws Exception {
    zkcluster("submit", write("b.bin", batch(31, 1).toByteArray()).toString());
    Run conflict = zkcluster("submit", write("c.bin", batch(31, 2).toByteArray()).toString());
    assertEquals(2, conflict.exit());
    assertTrue(conflict.err().contains("409 conflict: header.batch_number"), conflict.err());
    Run unknown = zkcluster("status", "99");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().contains("404 not-found"), unknown.err());
  }

  @Test
  void submitWaitFollowsTheBatchFetchesTheProofAndExits1WhenItDoesNotVerify() throws Exception {
    BatchInput input = batch(32, 3);
    BatchProof proof = BatchProof.newBuilder().setHeader(input.getHeader())
        .setProof(ByteString.copyFromUtf8("not a proof")).build();
    // the batch moves on while the command waits
    CompletableFuture.runAsync(() -> {
      sleep(800);
      gateway.service.setStatus(new BatchStatus(32, GatewayHarness.TINY, "proving",
          List.of(new RoundProgress(0, "basic", 3, 1, 0)), Map.of(), Optional.empty(), 1));
      sleep(800);
      gateway.service.setProof(32, proof);
      gateway.service.setStatus(new BatchStatus(32, GatewayHarness.TINY, "done",
          List.of(new RoundProgress(0, "basic", 3, 3, 0)), Map.of("basic", 900L, "total", 1500L), Optional.empty(),
          1));
    });
    Path out = dir.resolve("proof.bin");
    Run run = zkcluster("submit", write("b.bin", input.toByteArray()).toString(), "--wait", "--out", out.toString());
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("round 0 basic      [##########--------------------] 1/3"), run.out());
    assertTrue(run.out().contains("3/3"), run.out());
    assertTrue(run.out().trim().endsWith("invalid: no keys in this test"), run.out());
    assertEquals(proof, BatchProof.parseFrom(Files.readAllBytes(out)));
  }

  @Test
  void submitWaitExits1ForAFailedBatch() throws Exception {
    BatchInput input = batch(33, 4);
    CompletableFuture.runAsync(() -> {
      sleep(600);
      gateway.service.setStatus(new BatchStatus(33, GatewayHarness.TINY, "failed", List.of(), Map.of(),
          Optional.of("job-33-0-transfer-0-0 reached max attempts"), 1));
    });
    Run run = zkcluster("submit", write("b.bin", input.toByteArray()).toString(), "--wait");
    assertEquals(1, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("failed: job-33-0-transfer-0-0 reached max attempts"), run.out());
  }

  @Test
  void statusProofJobsRequeueAndRestartTalkToTheirEndpoints() throws Exception {
    BatchInput input = batch(34, 5);
    zkcluster("submit", write("b.bin", input.toByteArray()).toString());
    gateway.service.setStatus(new BatchStatus(34, GatewayHarness.TINY, "proving",
        List.of(new RoundProgress(1, "leaf", 4, 2, 1)), Map.of("basic", 2500L), Optional.empty(), 1));
    Run status = zkcluster("status", "34");
    assertEquals(0, status.exit(), status.err());
    assertTrue(status.out().startsWith("batch 34 (0.1.0-tiny): proving\n"), status.out());
    assertTrue(status.out().contains("2/4 (1 failed)"), status.out());
    assertTrue(status.out().contains("basic             2.5 s"), status.out());

    assertEquals(2, zkcluster("proof", "34", "--out", dir.resolve("p.bin").toString()).exit());
    BatchProof proof = BatchProof.newBuilder().setHeader(input.getHeader()).build();
    gateway.service.setProof(34, proof);
    assertEquals(0, zkcluster("proof", "34", "--out", dir.resolve("p.bin").toString()).exit());
    assertEquals(proof, BatchProof.parseFrom(Files.readAllBytes(dir.resolve("p.bin"))));

    gateway.service.addJob(new JobView("job-34-1-transfer-0-0", 34, 1, "transfer", 0, 0, "failed", 5,
        Optional.of("node-a/cpu-0"), GatewayHarness.TINY));
    gateway.service.addJob(new JobView("job-34-0-deposit-0-0", 34, 0, "deposit", 0, 0, "proven", 1,
        Optional.empty(), GatewayHarness.TINY));
    Run jobs = zkcluster("jobs", "--state", "failed", "--round", "1");
    assertEquals(0, jobs.exit(), jobs.err());
    assertEquals(2, jobs.out().lines().count(), jobs.out());
    assertTrue(jobs.out().contains("job-34-1-transfer-0-0"), jobs.out());
    assertTrue(jobs.out().contains("node-a/cpu-0"), jobs.out());
    assertEquals(2, zkcluster("jobs", "--round", "9").exit());

    Run requeue = zkcluster("requeue", "34");
    assertEquals("requeued 2 jobs of batch 34\n", requeue.out());
    Run restart = zkcluster("restart-batch", "34");
    assertEquals("batch 34 restarted: proving\n", restart.out());
    assertEquals(List.of("submit 34", "requeue 34", "restart 34"), gateway.service.writes());
  }

  @Test
  void anUnreachableNodeIsNamedInTheError() throws Exception {
    StringWriter err = new StringWriter();
    CommandLine cli = Main.commandLine();
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    int exit = cli.execute("status", "1", "--url", "http://127.0.0.1:" + unusedPort());
    assertEquals(2, exit);
    assertTrue(err.toString().contains("no zkcluster node answers"), err.toString());
  }

  private static int unusedPort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
