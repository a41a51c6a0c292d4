package dev.zkcluster.node.http;

import static dev.zkcluster.node.http.GatewayHarness.batch;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.api.ProvingService.BatchStatus;
import dev.zkcluster.actors.api.ProvingService.ClusterEvent;
import dev.zkcluster.actors.api.ProvingService.JobView;
import dev.zkcluster.actors.api.ProvingService.RoundProgress;
import dev.zkcluster.node.verify.FinalKeys;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import dev.zkcluster.protocol.v1.Digest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of the gateway and every way it refuses a request, over a recording ProvingService: after each
 * refusal the service must have stored nothing.
 */
class GatewayContractTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  private GatewayHarness gateway;

  @AfterEach
  void close() throws Exception {
    if (gateway != null) {
      gateway.close();
    }
  }

  private GatewayHarness open() {
    gateway = GatewayHarness.open();
    return gateway;
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.MAPPER.readTree(response.body());
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + response.statusCode() + " " + response.body(), e);
    }
  }

  private void assertRefused(HttpResponse<String> response, int status, String error, String field) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(""));
    JsonNode body = json(response);
    assertEquals(error, body.get("error").asText(), response.body());
    assertFalse(body.get("detail").asText().isEmpty(), response.body());
    if (field != null) {
      assertEquals(field, body.get("field").asText(), response.body());
    }
  }

  private void assertNothingStored() {
    assertEquals(List.of(), gateway.service.writes());
    assertEquals(Map.of(), gateway.service.stored());
  }

  @Test
  void acceptsABinaryBatchWith202AndStoresIt() {
    open();
    BatchInput input = batch(7, 1);
    HttpResponse<String> response = gateway.post("/v1/batches", PROTOBUF, input.toByteArray());
    assertEquals(202, response.statusCode(), response.body());
    assertEquals(7, json(response).get("batchNumber").asLong());
    assertEquals("accepted", json(response).get("state").asText());
    assertEquals(input, gateway.service.stored().get(7L).input());
  }

  @Test
  void acceptsACanonicalJsonBatch() throws Exception {
    open();
    BatchInput input = batch(8, 2);
    HttpResponse<String> response = gateway.post("/v1/batches", JSON + "; charset=utf-8",
        JsonFormat.printer().print(input).getBytes(StandardCharsets.UTF_8));
    assertEquals(202, response.statusCode(), response.body());
    assertEquals(input, gateway.service.stored().get(8L).input());
  }

  @Test
  void repostingTheIdenticalBatchAnswers200WithItsStatusAndStoresNothingNew() throws Exception {
    open();
    BatchInput input = batch(9, 3);
    assertEquals(202, gateway.post("/v1/batches", PROTOBUF, input.toByteArray()).statusCode());
    gateway.service.setStatus(status(9, "proving"));
    HttpResponse<String> again = gateway.post("/v1/batches", JSON,
        JsonFormat.printer().print(input).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, again.statusCode(), again.body());
    assertEquals("proving", json(again).get("state").asText());
    assertEquals(List.of("submit 9"), gateway.service.writes());
  }

  @Test
  void aDifferentBatchUnderAUsedNumberAnswers409AndChangesNothing() {
    open();
    BatchInput first = batch(10, 4);
    assertEquals(202, gateway.post("/v1/batches", PROTOBUF, first.toByteArray()).statusCode());
    HttpResponse<String> other = gateway.post("/v1/batches", PROTOBUF, batch(10, 5).toByteArray());
    assertRefused(other, 409, "conflict", "header.batch_number");
    assertEquals(first, gateway.service.stored().get(10L).input());
    assertEquals(List.of("submit 10"), gateway.service.writes());
  }

  @Test
  void malformedBytesAnswer400AndStoreNothing() {
    open();
    assertRefused(gateway.post("/v1/batches", PROTOBUF, new byte[] {(byte) 0xff, 0x01, 0x02}), 400, "malformed", "");
    assertRefused(gateway.post("/v1/batches", JSON, "{\"header\": ".getBytes(StandardCharsets.UTF_8)),
        400, "malformed", "");
    assertRefused(gateway.post("/v1/batches", JSON, "{\"nope\": 1}".getBytes(StandardCharsets.UTF_8)),
        400, "malformed", "");
    assertRefused(gateway.post("/v1/batches", PROTOBUF, new byte[0]), 400, "invalid", "header");
    assertNothingStored();
  }

  @Test
  void aShapeErrorNamesTheField() {
    open();
    BatchInput input = batch(11, 6);
    Digest shortDigest = Digest.newBuilder().addElements(1).addElements(2).addElements(3).build();
    BatchInput broken = input.toBuilder()
        .setAccounts(1, input.getAccounts(1).toBuilder().setPath(5, shortDigest)).build();
    assertRefused(gateway.post("/v1/batches", PROTOBUF, broken.toByteArray()), 400, "invalid",
        "accounts[1].path[5].elements");
    assertNothingStored();
  }

  @Test
  void aBatchThatBreaksTheExecutorsRulesAnswers400NamingTheField() {
    open();
    BatchInput input = batch(12, 7);
    BatchInput badNonce = input.toBuilder()
        .setTransfers(0, input.getTransfers(0).toBuilder().setNonce(input.getTransfers(0).getNonce() + 5)).build();
    assertRefused(gateway.post("/v1/batches", PROTOBUF, badNonce.toByteArray()), 400, "invalid",
        "transfers[0].nonce");
    // a Merkle path that does not lead to prev_state_root
    Digest sibling = input.getAccounts(0).getPath(3);
    BatchInput badPath = input.toBuilder().setAccounts(0, input.getAccounts(0).toBuilder()
        .setPath(3, sibling.toBuilder().setElements(0, (sibling.getElements(0) + 1) % 1000))).build();
    HttpResponse<String> response = gateway.post("/v1/batches", PROTOBUF, badPath.toByteArray());
    assertRefused(response, 400, "invalid", null);
    assertTrue(json(response).get("field").asText().startsWith("accounts[0]"), response.body());
    BatchInput badVersion = input.toBuilder()
        .setHeader(input.getHeader().toBuilder().setProtocolVersion("9.9.9")).build();
    assertRefused(gateway.post("/v1/batches", PROTOBUF, badVersion.toByteArray()), 400, "invalid",
        "header.protocol_version");
    assertNothingStored();
  }

  @Test
  void aClusterThatDoesNotAnswerInTimeGives503WithRetryAfterAndAnInternalFailure500() {
    open();
    gateway.service.failNextSubmit(new java.util.concurrent.TimeoutException("ask timed out after 10 s"));
    HttpResponse<String> busy = gateway.post("/v1/batches", PROTOBUF, batch(22, 1).toByteArray());
    assertRefused(busy, 503, "unavailable", "");
    assertEquals("1", busy.headers().firstValue("Retry-After").orElse(""));
    gateway.service.failNextSubmit(new IllegalStateException("journal is on fire"));
    HttpResponse<String> broken = gateway.post("/v1/batches", PROTOBUF, batch(22, 1).toByteArray());
    assertRefused(broken, 500, "internal", "");
    assertNothingStored();
    // the retry of the identical batch goes through
    assertEquals(202, gateway.post("/v1/batches", PROTOBUF, batch(22, 1).toByteArray()).statusCode());
  }

  @Test
  void aWrongContentTypeAnswers415() {
    open();
    byte[] body = batch(13, 8).toByteArray();
    assertRefused(gateway.post("/v1/batches", "text/plain", body), 415, "unsupported-media-type", "");
    assertRefused(gateway.post("/v1/batches", "application/octet-stream", body), 415, "unsupported-media-type", "");
    assertRefused(gateway.post("/v1/verify", "text/plain", body), 415, "unsupported-media-type", "");
    assertNothingStored();
  }

  @Test
  void aBodyOverTheLimitAnswers413DeclaredOrStreamed() {
    open();
    byte[] big = new byte[(1 << 20) + 1];
    assertRefused(gateway.post("/v1/batches", PROTOBUF, big), 413, "too-large", "");
    // no Content-Length: the body arrives chunked and is cut at the limit
    HttpRequest chunked = HttpRequest.newBuilder(gateway.uri("/v1/batches"))
        .header("Content-Type", PROTOBUF)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
        .build();
    assertRefused(gateway.send(chunked), 413, "too-large", "");
    assertNothingStored();
  }

  @Test
  void writeEndpointsNeedTheBearerTokenWhenOneIsSet() throws Exception {
    gateway = new GatewayHarness(Optional.of("s3cret"), 1 << 20, v -> new FinalKeys.Missing("none"));
    byte[] body = batch(14, 9).toByteArray();
    assertRefused(gateway.post("/v1/batches", PROTOBUF, body), 401, "unauthorized", "");
    HttpResponse<String> wrong = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/batches"))
        .header("Content-Type", PROTOBUF).header("Authorization", "Bearer guess")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertRefused(wrong, 401, "unauthorized", "");
    assertTrue(wrong.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    for (String action : List.of("requeue", "restart")) {
      assertRefused(gateway.post("/v1/batches/14/" + action, JSON, new byte[0]), 401, "unauthorized", "");
    }
    assertNothingStored();
    HttpResponse<String> right = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/batches"))
        .header("Content-Type", PROTOBUF).header("Authorization", "Bearer s3cret")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    assertEquals(202, right.statusCode(), right.body());
    // reading needs no token
    assertEquals(200, gateway.get("/v1/batches/14").statusCode());
  }

  @Test
  void statusGivesPerRoundProgressAndUnknownBatchesAnswer404() {
    open();
    assertEquals(202, gateway.post("/v1/batches", PROTOBUF, batch(15, 10).toByteArray()).statusCode());
    gateway.service.setStatus(new BatchStatus(15, GatewayHarness.TINY, "proving",
        List.of(new RoundProgress(0, "basic", 3, 3, 0), new RoundProgress(1, "leaf", 3, 1, 0)),
        Map.of("basic", 1200L), Optional.empty(), 1000));
    HttpResponse<String> response = gateway.get("/v1/batches/15");
    assertEquals(200, response.statusCode());
    JsonNode body = json(response);
    assertEquals("proving", body.get("state").asText());
    assertEquals(3, body.get("rounds").get(0).get("proven").asInt());
    assertEquals("leaf", body.get("rounds").get(1).get("name").asText());
    assertEquals(1200, body.get("timingsMillis").get("basic").asLong());
    assertTrue(body.get("error").isNull());
    assertRefused(gateway.get("/v1/batches/16"), 404, "not-found", "batchNumber");
    assertRefused(gateway.get("/v1/batches/sixteen"), 400, "invalid", "batchNumber");
    assertRefused(gateway.get("/v1/batches/99999999999999999999999"), 400, "invalid", "batchNumber");
  }

  @Test
  void listsBatchesFilteredByState() {
    open();
    gateway.post("/v1/batches", PROTOBUF, batch(17, 11).toByteArray());
    gateway.post("/v1/batches", PROTOBUF, batch(18, 12).toByteArray());
    gateway.service.setStatus(status(18, "done"));
    JsonNode all = json(gateway.get("/v1/batches"));
    assertEquals(2, all.size());
    JsonNode done = json(gateway.get("/v1/batches?state=done"));
    assertEquals(1, done.size());
    assertEquals(18, done.get(0).get("batchNumber").asLong());
    assertRefused(gateway.get("/v1/batches?state=cooking"), 400, "invalid", "state");
  }

  @Test
  void theProofIsTheBatchProofMessageInBinaryOrJsonAnd404UntilItExists() throws Exception {
    open();
    assertRefused(gateway.get("/v1/batches/19/proof"), 404, "not-found", "batchNumber");
    BatchInput input = batch(19, 13);
    gateway.post("/v1/batches", PROTOBUF, input.toByteArray());
    assertRefused(gateway.get("/v1/batches/19/proof"), 404, "not-ready", "");
    BatchProof proof = BatchProof.newBuilder().setHeader(input.getHeader())
        .setProof(ByteString.copyFromUtf8("proof bytes")).setVerifierKeyDigest("ab").build();
    gateway.service.setProof(19, proof);
    HttpResponse<byte[]> binary = gateway.sendForBytes(HttpRequest.newBuilder(gateway.uri("/v1/batches/19/proof"))
        .build());
    assertEquals(200, binary.statusCode());
    assertEquals(PROTOBUF, binary.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(proof.toByteArray(), binary.body());
    HttpResponse<String> json = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/batches/19/proof"))
        .header("Accept", JSON).build());
    BatchProof.Builder parsed = BatchProof.newBuilder();
    JsonFormat.parser().merge(json.body(), parsed);
    assertEquals(proof, parsed.build());
  }

  @Test
  void verifyAnswersValidAndReasonAndRefusesWhatIsNoProof() throws Exception {
    open();
    BatchProof proof = BatchProof.newBuilder().setHeader(batch(20, 14).getHeader()).build();
    HttpResponse<String> response = gateway.post("/v1/verify", PROTOBUF, proof.toByteArray());
    assertEquals(200, response.statusCode(), response.body());
    assertFalse(json(response).get("valid").asBoolean());
    assertEquals("no keys in this test", json(response).get("reason").asText());
    HttpResponse<String> viaJson = gateway.post("/v1/verify", JSON,
        JsonFormat.printer().print(proof).getBytes(StandardCharsets.UTF_8));
    assertEquals(200, viaJson.statusCode(), viaJson.body());
    BatchProof badVersion = proof.toBuilder().setHeader(proof.getHeader().toBuilder().setProtocolVersion("x")).build();
    assertTrue(json(gateway.post("/v1/verify", PROTOBUF, badVersion.toByteArray())).get("reason").asText()
        .contains("header.protocol_version"));
    assertRefused(gateway.post("/v1/verify", PROTOBUF, new byte[] {(byte) 0xff, 0x7f}), 400, "malformed", "");
    assertNothingStored();
  }

  @Test
  void clusterAndQueueReportAnswerWhatTheServiceReports() {
    open();
    JsonNode cluster = json(gateway.get("/v1/cluster"));
    assertEquals("Up", cluster.get("members").get(0).get("status").asText());
    assertEquals("busy", cluster.get("workers").get(0).get("state").asText());
    assertEquals("job-1-0-transfer-0-0", cluster.get("workers").get(0).get("currentJob").asText());
    JsonNode queues = json(gateway.get("/v1/queue-report")).get("queues");
    assertEquals(3, queues.get(0).get("queued").asInt());
    assertEquals("transfer", queues.get(0).get("circuit").asText());
  }

  @Test
  void jobsAreFilteredAndBadFiltersAnswer400() {
    open();
    gateway.service.addJob(new JobView("job-1-0-transfer-0-0", 1, 0, "transfer", 0, 0, "proving", 1,
        Optional.of("w1"), GatewayHarness.TINY));
    gateway.service.addJob(new JobView("job-1-1-transfer-0-0", 1, 1, "transfer", 0, 0, "queued", 0,
        Optional.empty(), GatewayHarness.TINY));
    assertEquals(2, json(gateway.get("/v1/jobs")).size());
    JsonNode queued = json(gateway.get("/v1/jobs?state=queued&round=1&circuit=transfer&batch=1"));
    assertEquals(1, queued.size());
    assertTrue(queued.get(0).get("worker").isNull());
    assertEquals(0, json(gateway.get("/v1/jobs?batch=2")).size());
    assertRefused(gateway.get("/v1/jobs?round=7"), 400, "invalid", "round");
    assertRefused(gateway.get("/v1/jobs?state=sleeping"), 400, "invalid", "state");
    assertRefused(gateway.get("/v1/jobs?batch=-1"), 400, "invalid", "batch");
  }

  @Test
  void requeueAndRestartActOnKnownBatchesOnly() {
    open();
    assertRefused(gateway.post("/v1/batches/21/requeue", JSON, new byte[0]), 404, "not-found", "batchNumber");
    assertRefused(gateway.post("/v1/batches/21/restart", JSON, new byte[0]), 404, "not-found", "batchNumber");
    assertNothingStored();
    gateway.post("/v1/batches", PROTOBUF, batch(21, 15).toByteArray());
    HttpResponse<String> requeued = gateway.post("/v1/batches/21/requeue", JSON, new byte[0]);
    assertEquals(200, requeued.statusCode(), requeued.body());
    assertEquals(2, json(requeued).get("requeued").asInt());
    HttpResponse<String> restarted = gateway.post("/v1/batches/21/restart", JSON, new byte[0]);
    assertEquals(200, restarted.statusCode(), restarted.body());
    assertEquals("accepted", json(restarted).get("state").asText());
    assertEquals(List.of("submit 21", "requeue 21", "restart 21"), gateway.service.writes());
  }

  @Test
  void eventsStreamTransitionsAsServerSentEventsAndUnsubscribeOnDisconnect() throws Exception {
    open();
    HttpResponse<InputStream> stream = gateway.http.send(HttpRequest.newBuilder(gateway.uri("/v1/events")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, stream.statusCode());
    assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElse(""));
    BlockingQueue<String> lines = new ArrayBlockingQueue<>(100);
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (Exception ignored) {
        // the test closes the stream
      }
    });
    reader.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gateway.service.subscribers() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(1, gateway.service.subscribers());
    gateway.service.publish(new ClusterEvent("job", 5, "job-5-0-transfer-0-0", "proven", 42, "w1"));
    Map<String, String> fields = new java.util.HashMap<>();
    for (String line; !(line = lines.poll(10, TimeUnit.SECONDS)).isEmpty(); ) {
      int colon = line.indexOf(':');
      fields.put(line.substring(0, colon), line.substring(colon + 1).stripLeading());
    }
    assertEquals("job", fields.get("event"));
    JsonNode event = Json.MAPPER.readTree(fields.get("data"));
    assertEquals("proven", event.get("state").asText());
    assertEquals(5, event.get("batchNumber").asLong());
    stream.body().close();
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gateway.service.subscribers() > 0 && System.nanoTime() < deadline) {
      gateway.service.publish(new ClusterEvent("job", 5, "x", "queued", 43, ""));
      Thread.sleep(50);
    }
    assertEquals(0, gateway.service.subscribers(), "the subscription outlived its client");
  }

  @Test
  void servesTheDashboardAndAnswersUnknownPathsAndMethodsInJson() {
    open();
    HttpResponse<String> page = gateway.get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>zkcluster</title>"), page.body());
    assertEquals(200, gateway.get("/dashboard/dashboard.js").statusCode());
    assertRefused(gateway.get("/v1/nothing"), 404, "not-found", "");
    assertRefused(gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/cluster"))
        .DELETE().build()), 405, "method-not-allowed", "");
  }

  private static BatchStatus status(long n, String state) {
    return new BatchStatus(n, GatewayHarness.TINY, state, List.of(), Map.of(), Optional.empty(),
        System.currentTimeMillis() + n);
  }

}
