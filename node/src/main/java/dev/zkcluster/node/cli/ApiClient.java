package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The gateway's HTTP API as the command line uses it. A refusal becomes an {@link ApiException}. */
public final class ApiClient {

  public static final String PROTOBUF = "application/x-protobuf";
  public static final String JSON = "application/json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final URI base;
  private final Optional<String> token;
  private final HttpClient http;
  private final Duration timeout;

  public ApiClient(URI base, Optional<String> token, Duration timeout) {
    this.base = base;
    this.token = token.filter(t -> !t.isEmpty());
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  public URI base() {
    return base;
  }

  /** An answer of 2xx: its status and JSON body. */
  public record Answer(int status, JsonNode body) {}

  /** A non-2xx answer, with the gateway's {@code {error, detail, field}} when it sent one. */
  public static final class ApiException extends RuntimeException {
    public final int status;
    public final String error;
    public final String field;

    ApiException(int status, String error, String detail, String field) {
      super(status + " " + error + ": " + (field.isEmpty() ? "" : field + ": ") + detail);
      this.status = status;
      this.error = error;
      this.field = field;
    }
  }

  public Answer submit(byte[] body, String contentType) {
    return json(post("/v1/batches", contentType, body));
  }

  /** Whether the node answers 200 on {@code /ready}. */
  public boolean ready() {
    try {
      return send(HttpRequest.newBuilder(base.resolve("/ready")).GET()).statusCode() == 200;
    } catch (ApiException e) {
      return false;
    }
  }

  public JsonNode status(long batch) {
    return json(get("/v1/batches/" + Long.toUnsignedString(batch), JSON)).body();
  }

  public JsonNode batches(Optional<String> state) {
    return json(get("/v1/batches" + query(Map.of("state", state)), JSON)).body();
  }

  public byte[] proof(long batch) {
    HttpResponse<byte[]> response = get("/v1/batches/" + Long.toUnsignedString(batch) + "/proof", PROTOBUF);
    check(response);
    return response.body();
  }

  public JsonNode verify(byte[] proof) {
    return json(post("/v1/verify", PROTOBUF, proof)).body();
  }

  public JsonNode jobs(Optional<String> state, Optional<Integer> round, Optional<String> circuit,
      Optional<Long> batch) {
    Map<String, Optional<String>> params = new LinkedHashMap<>();
    params.put("state", state);
    params.put("round", round.map(String::valueOf));
    params.put("circuit", circuit);
    params.put("batch", batch.map(Long::toUnsignedString));
    return json(get("/v1/jobs" + query(params), JSON)).body();
  }

  public JsonNode requeue(long batch) {
    return json(post("/v1/batches/" + Long.toUnsignedString(batch) + "/requeue", JSON, new byte[0])).body();
  }

  public JsonNode restart(long batch) {
    return json(post("/v1/batches/" + Long.toUnsignedString(batch) + "/restart", JSON, new byte[0])).body();
  }

  private static String query(Map<String, Optional<String>> params) {
    String q = params.entrySet().stream()
        .filter(e -> e.getValue().isPresent())
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().get(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return q.isEmpty() ? "" : "?" + q;
  }

  private HttpResponse<byte[]> get(String path, String accept) {
    return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", accept).GET());
  }

  private HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", contentType)
        .header("Accept", JSON)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return send(request);
  }

  private HttpResponse<byte[]> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (ConnectException e) {
      throw new ApiException(0, "unreachable", "no zkcluster node answers at " + base
          + " (start one with `zkcluster node`, or point --url / ZKCLUSTER_URL at one)", "");
    } catch (IOException e) {
      throw new ApiException(0, "io", e.toString(), "");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(0, "interrupted", "interrupted", "");
    }
  }

  private static Answer json(HttpResponse<byte[]> response) {
    check(response);
    try {
      return new Answer(response.statusCode(), MAPPER.readTree(response.body()));
    } catch (IOException e) {
      throw new ApiException(response.statusCode(), "bad-answer", "not JSON: " + e.getMessage(), "");
    }
  }

  private static void check(HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    try {
      JsonNode body = MAPPER.readTree(text);
      throw new ApiException(status, body.path("error").asText("error"), body.path("detail").asText(text),
          body.path("field").asText(""));
    } catch (IOException e) {
      throw new ApiException(status, "error", text, "");
    }
  }
}
