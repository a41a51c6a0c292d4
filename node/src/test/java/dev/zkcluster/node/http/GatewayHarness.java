package dev.zkcluster.node.http;

import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.verify.BatchProofVerifier;
import dev.zkcluster.node.verify.FinalKeys;
import dev.zkcluster.protocol.v1.BatchInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.stream.Materializer;
import com.typesafe.config.ConfigFactory;

/** The gateway's routes alone, bound on a free loopback port, over a {@link RecordingProvingService}. */
final class GatewayHarness implements AutoCloseable {

  static final String TINY = "0.1.0-tiny";

  final ActorSystem<Void> system;
  final RecordingProvingService service = new RecordingProvingService();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ServerBinding binding;

  GatewayHarness(Optional<String> token, long maxBodyBytes, FinalKeys keys) {
    system = ActorSystem.create(Behaviors.empty(), "gateway-test", ConfigFactory.parseString(
        "pekko.http.server.parsing.max-content-length = " + maxBodyBytes + "\n"
            + "pekko.loglevel = WARNING\npekko.actor.provider = local").withFallback(ConfigFactory.defaultReference()));
    GatewaySettings settings = new GatewaySettings(token, maxBodyBytes, Duration.ofSeconds(5), Duration.ofSeconds(60),
        Path.of("unused"), 256, Duration.ofSeconds(15));
    GatewayRoutes routes = new GatewayRoutes(service, settings, new BatchProofVerifier(keys),
        Runnable::run, Materializer.matFromSystem(system));
    try {
      binding = Http.get(system).newServerAt("127.0.0.1", 0).bind(JsonErrors.wrap(routes.routes()))
          .toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      system.terminate();
      throw new IllegalStateException("cannot bind the gateway", e);
    }
  }

  static GatewayHarness open() {
    return new GatewayHarness(Optional.empty(), 1 << 20, version -> new FinalKeys.Missing("no keys in this test"));
  }

  int port() {
    return binding.localAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> sendForBytes(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build());
  }

  HttpResponse<String> post(String path, String contentType, byte[] body) {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  static BatchInput batch(long number, long seed) {
    return BatchMessages.toProto(BatchGenerator.generate(new BatchSpec(number, TINY, 4, 1, 2, 1, seed)));
  }

  @Override
  public void close() throws Exception {
    binding.unbind().toCompletableFuture().get(10, TimeUnit.SECONDS);
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
