package dev.zkcluster.node.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.zkcluster.actors.api.ProvingService.BatchStatus;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.protocol.v1.BatchInput;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load generator for the gateway: posts small valid batches (one transfer, distinct batch numbers) over loopback with
 * a fixed number in flight, and measures the latency from a transition to its server-sent event. Without a URL it
 * runs against the gateway over the recording service (intake cost of the gateway alone); with
 * {@code --url http://host:port} against a real node, where the latency of each batch's acceptance event is taken
 * from the event's own timestamp (millisecond resolution, same host clock).
 *
 * <p>{@code java -cp <test classpath> dev.zkcluster.node.http.GatewayLoad [--url URL] [--submissions N]
 * [--in-flight K] [--events N] [--first-batch N]}
 */
public final class GatewayLoad {

  record Result(int submissions, int errors, double seconds, double perSecond, long[] eventLatencyMicros) {
    String summary() {
      long[] sorted = eventLatencyMicros.clone();
      Arrays.sort(sorted);
      String latency = sorted.length == 0 ? "no events measured" : String.format(
          "SSE latency over %d transitions: p50 %.2f ms, p99 %.2f ms, max %.2f ms", sorted.length,
          sorted[sorted.length / 2] / 1000.0, sorted[(int) (sorted.length * 0.99)] / 1000.0,
          sorted[sorted.length - 1] / 1000.0);
      return String.format("%d submissions, %d errors, %.2f s: %.0f submissions/s; %s", submissions, errors,
          seconds, perSecond, latency);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int submissions = Integer.parseInt(options.getOrDefault("submissions", "5000"));
    int inFlight = Integer.parseInt(options.getOrDefault("in-flight", "16"));
    int events = Integer.parseInt(options.getOrDefault("events", "500"));
    if (options.containsKey("url")) {
      long first = Long.parseLong(options.getOrDefault("first-batch", "1000000"));
      System.out.println(run(URI.create(options.get("url")), null, submissions, inFlight, first, 0).summary());
    } else {
      try (GatewayHarness gateway = GatewayHarness.open()) {
        System.out.println(run(gateway.uri("/"), gateway, submissions, inFlight, 1_000_000, events).summary());
      }
    }
  }

  /**
   * Posts {@code submissions} batches numbered from {@code firstNumber}; then, over the recording service, makes
   * {@code events} transitions one at a time and times each to its arrival on an open event stream.
   */
  static Result run(URI base, GatewayHarness gateway, int submissions, int inFlight, long firstNumber, int events)
      throws Exception {
    BatchInput template = BatchMessages.toProto(BatchGenerator.generate(
        new BatchSpec(firstNumber, "0.1.0-tiny", 2, 0, 1, 0, 1)));
    List<byte[]> bodies = new ArrayList<>(submissions);
    for (int i = 0; i < submissions; i++) {
      bodies.add(template.toBuilder()
          .setHeader(template.getHeader().toBuilder().setBatchNumber(firstNumber + i)).build().toByteArray());
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Against a real node, each batch's first event (its acceptance) is timed from the event's own timestamp.
    List<Long> remoteLatencies = java.util.Collections.synchronizedList(new ArrayList<>());
    HttpResponse<java.io.InputStream> remoteEvents = gateway != null ? null : http.send(
        HttpRequest.newBuilder(base.resolve("/v1/events")).build(), HttpResponse.BodyHandlers.ofInputStream());
    if (remoteEvents != null) {
      Thread reader = new Thread(() -> readEvents(remoteEvents, event -> {
        if (event.path("kind").asText().equals("batch")) {
          remoteLatencies.add((System.currentTimeMillis() - event.path("atMillis").asLong()) * 1000);
        }
      }));
      reader.setDaemon(true);
      reader.start();
    }
    Semaphore slots = new Semaphore(inFlight);
    AtomicInteger errors = new AtomicInteger();
    List<CompletableFuture<?>> all = new ArrayList<>(submissions);
    long start = System.nanoTime();
    for (byte[] body : bodies) {
      slots.acquire();
      all.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/v1/batches")).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-protobuf").POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build(), HttpResponse.BodyHandlers.discarding())
          .whenComplete((response, failure) -> {
            if (failure != null || response.statusCode() != 202) {
              errors.incrementAndGet();
            }
            slots.release();
          }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(t -> null).join();
    double seconds = (System.nanoTime() - start) / 1e9;
    long[] latencies;
    if (gateway == null) {
      Thread.sleep(2000);
      remoteEvents.body().close();
      latencies = remoteLatencies.stream().mapToLong(Long::longValue).toArray();
    } else {
      latencies = eventLatencies(http, base, gateway, events, firstNumber);
    }
    return new Result(submissions, errors.get(), seconds, submissions / seconds, latencies);
  }

  private static void readEvents(HttpResponse<java.io.InputStream> stream,
      java.util.function.Consumer<JsonNode> onEvent) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("data:")) {
          onEvent.accept(Json.MAPPER.readTree(line.substring(5)));
        }
      }
    } catch (Exception ignored) {
      // the stream is closed at the end of the run
    }
  }

  // Each transition is made only after the previous one has arrived, so every measurement is of an idle stream.
  private static long[] eventLatencies(HttpClient http, URI base, GatewayHarness gateway, int events, long batch)
      throws Exception {
    Map<String, Long> madeAt = new ConcurrentHashMap<>();
    Map<String, Long> seenAt = new ConcurrentHashMap<>();
    HttpResponse<java.io.InputStream> stream = http.send(HttpRequest.newBuilder(base.resolve("/v1/events")).build(),
        HttpResponse.BodyHandlers.ofInputStream());
    Thread reader = new Thread(() -> readEvents(stream,
        event -> seenAt.putIfAbsent(event.path("state").asText(), System.nanoTime())));
    reader.setDaemon(true);
    reader.start();
    while (gateway.service.subscribers() == 0) {
      Thread.sleep(10);
    }
    long[] out = new long[events];
    for (int i = 0; i < events; i++) {
      String state = "state-" + i;
      madeAt.put(state, System.nanoTime());
      gateway.service.setStatus(new BatchStatus(batch, "0.1.0-tiny", state, List.of(), Map.of(), Optional.empty(), 0));
      while (!seenAt.containsKey(state)) {
        Thread.onSpinWait();
      }
      out[i] = (seenAt.get(state) - madeAt.get(state)) / 1000;
    }
    stream.body().close();
    return out;
  }
}
