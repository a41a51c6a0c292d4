package dev.zkcluster.node;

import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

/** Settings and HTTP helpers for tests that start real nodes: free ports, a temp data dir, nothing extra. */
public final class TestNode {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private TestNode() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A node on loopback with ephemeral ports, its data under {@code dataDir}, and Kamon's status page off. */
  public static Config overrides(Path dataDir) {
    return ConfigFactory.parseMap(Map.of(
        "zkcluster.data-dir", dataDir.toString(),
        "zkcluster.http.host", "127.0.0.1",
        "zkcluster.http.port", freePort(),
        "zkcluster.cluster.port", freePort(),
        "kamon.prometheus.embedded-server.hostname", "127.0.0.1",
        "kamon.prometheus.embedded-server.port", freePort(),
        "kamon.modules.status-page.enabled", false,
        "kamon.metric.tick-interval", "1s"));
  }

  public static HttpResponse<String> get(int port, String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls {@code path} until a response satisfies {@code accept}; fails with the last answer seen. */
  public static HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> accept,
      Duration timeout) {
    return await(port, path, accept, timeout, () -> {});
  }

  /** As above; {@code guard} runs before every poll and throws to give up early (say, the server process died). */
  public static HttpResponse<String> await(int port, String path, Predicate<HttpResponse<String>> accept,
      Duration timeout, Runnable guard) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      guard.run();
      try {
        HttpResponse<String> response = get(port, path);
        if (accept.test(response)) {
          return response;
        }
        last = response.statusCode() + " " + response.body();
      } catch (UncheckedIOException e) {
        last = e.getCause().toString();
      }
      sleep(Duration.ofMillis(200));
    }
    return fail("GET " + path + " on port " + port + " not accepted within " + timeout + "; last answer: " + last);
  }

  public static HttpResponse<String> awaitReady(int httpPort) {
    return await(httpPort, "/ready", r -> r.statusCode() == 200, Duration.ofSeconds(60));
  }

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
