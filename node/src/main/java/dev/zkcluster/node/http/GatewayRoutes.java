package dev.zkcluster.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.completeOK;
import static org.apache.pekko.http.javadsl.server.Directives.completeWithFuture;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.extractRequest;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResource;
import static org.apache.pekko.http.javadsl.server.Directives.getFromResourceDirectory;
import static org.apache.pekko.http.javadsl.server.Directives.path;
import static org.apache.pekko.http.javadsl.server.Directives.pathEnd;
import static org.apache.pekko.http.javadsl.server.Directives.pathPrefix;
import static org.apache.pekko.http.javadsl.server.Directives.pathSingleSlash;
import static org.apache.pekko.http.javadsl.server.Directives.post;
import static org.apache.pekko.http.javadsl.server.Directives.withRequestTimeout;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.api.ProvingService.BatchStatus;
import dev.zkcluster.actors.api.ProvingService.ClusterEvent;
import dev.zkcluster.actors.api.ProvingService.JobFilter;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.actors.intake.Decoded;
import dev.zkcluster.node.verify.BatchProofVerifier;
import dev.zkcluster.node.verify.ProofVerdict;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.marshalling.sse.EventStreamMarshalling;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaType;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.sse.ServerSentEvent;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of DESIGN §6 over a {@link ProvingService}: batch intake (protobuf binary or canonical JSON), status,
 * final proofs, verification, listings, the admin actions on jobs, the SSE event stream and the dashboard. Every
 * refusal is a 4xx with {@code {error, detail, field}} and leaves the cluster as it was: the body is checked (size,
 * content type, shape) before the service sees it.
 */
public final class GatewayRoutes {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayRoutes.class);

  static final ContentType.Binary PROTOBUF =
      MediaTypes.applicationBinary("x-protobuf", false).toContentType();
  private static final Set<String> PROTOBUF_SUBTYPES = Set.of("x-protobuf", "protobuf", "vnd.google.protobuf");
  private static final String ACCEPTED_TYPES = "application/x-protobuf, application/json";
  static final Set<String> BATCH_STATES = Set.of("accepted", "proving", "compressing", "done", "failed");
  static final Set<String> JOB_STATES = Set.of("queued", "witness-ready", "proving", "proven", "failed");

  private final ProvingService service;
  private final GatewaySettings settings;
  private final BatchProofVerifier verifier;
  private final Executor verifyExecutor;
  private final Materializer materializer;

  /**
   * @param verifyExecutor where proof verification runs (CPU work that must stay off the HTTP dispatcher)
   */
  public GatewayRoutes(ProvingService service, GatewaySettings settings, BatchProofVerifier verifier,
      Executor verifyExecutor, Materializer materializer) {
    this.service = service;
    this.settings = settings;
    this.verifier = verifier;
    this.verifyExecutor = verifyExecutor;
    this.materializer = materializer;
  }

  /** The routes of a node: settings from its configuration, keys from its store, verification on the blocking pool. */
  public static GatewayRoutes forNode(ProvingService service, com.typesafe.config.Config config,
      org.apache.pekko.actor.typed.ActorSystem<?> system) {
    GatewaySettings settings = GatewaySettings.from(config);
    return new GatewayRoutes(service, settings,
        new BatchProofVerifier(new dev.zkcluster.node.verify.DerivedKeys(settings.keysDir())),
        system.dispatchers().lookup(org.apache.pekko.actor.typed.DispatcherSelector.blocking()),
        Materializer.matFromSystem(system));
  }

  public Route routes() {
    return concat(
        pathSingleSlash(() -> get(() -> getFromResource("dashboard/index.html"))),
        pathPrefix("dashboard", () -> get(() -> getFromResourceDirectory("dashboard"))),
        pathPrefix("v1", () -> concat(
            path("batches", () -> concat(
                post(() -> answer(this::submit)),
                get(() -> answer(this::listBatches)))),
            path(PathMatchers.segment("batches").slash(PathMatchers.segment()), n ->
                get(() -> answer(request -> status(n)))),
            path(PathMatchers.segment("batches").slash(PathMatchers.segment()).slash("proof"), n ->
                get(() -> answer(request -> proof(request, n)))),
            path(PathMatchers.segment("batches").slash(PathMatchers.segment()).slash("requeue"), n ->
                post(() -> answer(request -> requeue(request, n)))),
            path(PathMatchers.segment("batches").slash(PathMatchers.segment()).slash("restart"), n ->
                post(() -> answer(request -> restart(request, n)))),
            path("verify", () -> post(() ->
                withRequestTimeout(settings.verifyTimeout(), () -> answer(this::verify)))),
            path("jobs", () -> get(() -> answer(this::jobs))),
            path("cluster", () -> get(() -> answer(request -> service.cluster().thenApply(Json::ok)))),
            path("queue-report", () -> get(() -> answer(request -> service.queueReport()
                .thenApply(queues -> Json.ok(Map.of("queues", queues, "atMillis", System.currentTimeMillis())))))),
            path("events", () -> get(this::events)),
            pathEnd(() -> get(() -> complete(Json.ok(Map.of("api", "v1"))))))));
  }

  // Runs a handler for the request and turns its failures into the JSON error answer.
  private Route answer(Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
    return extractRequest(request -> {
      CompletionStage<HttpResponse> response;
      try {
        response = handler.apply(request);
      } catch (RuntimeException e) {
        response = CompletableFuture.failedFuture(e);
      }
      return completeWithFuture(response.exceptionally(failure -> errorResponse(request, failure)));
    });
  }

  static HttpResponse errorResponse(HttpRequest request, Throwable failure) {
    ApiError api = ApiError.of(failure);
    if (api == null) {
      LOG.error("{} {} failed", request.method().value(), request.getUri().path(), failure);
      api = new ApiError(500, "internal", String.valueOf(failure.getMessage()), "");
    }
    HttpResponse response = Json.response(api.status, api.body);
    if (api.status == 503) {
      response = response.addHeader(org.apache.pekko.http.javadsl.model.HttpHeader.parse("Retry-After", "1"));
    }
    if (api.status == 401) {
      response = response.addHeader(org.apache.pekko.http.javadsl.model.HttpHeader.parse(
          "WWW-Authenticate", "Bearer realm=\"zkcluster\""));
    }
    return response;
  }

  private CompletionStage<HttpResponse> submit(HttpRequest request) {
    authorize(request);
    BodyKind kind = bodyKind(request);
    return body(request).thenCompose(bytes -> {
      BatchInput input = kind == BodyKind.JSON
          ? parseJson(bytes, BatchInput.newBuilder(), "BatchInput")
          : parseBinaryInput(bytes);
      Decoded decoded = BatchMessages.toDomain(input);
      if (decoded instanceof Decoded.Refused refused) {
        throw refused.error().path().isEmpty()
            ? ApiError.malformed(refused.error().detail())
            : ApiError.invalid(refused.error().path(), refused.error().detail());
      }
      return service.submit(input);
    }).thenApply(result -> Json.response(result.created() ? 202 : 200,
        Json.object("batchNumber", Json.unsigned(result.batchNumber()), "state", result.state())));
  }

  private CompletionStage<HttpResponse> status(String n) {
    long number = batchNumber(n);
    return service.status(number).thenApply(status -> Json.ok(status
        .map(Json::batch)
        .orElseThrow(() -> unknownBatch(number))));
  }

  private CompletionStage<HttpResponse> listBatches(HttpRequest request) {
    Optional<String> state = query(request, "state");
    state.ifPresent(s -> {
      if (!BATCH_STATES.contains(s)) {
        throw ApiError.invalid("state", "expected one of " + String.join(", ", sorted(BATCH_STATES)) + ", got '"
            + s + "'");
      }
    });
    return service.batches(state).thenApply(list -> Json.ok(list.stream().map(Json::batch).toList()));
  }

  private CompletionStage<HttpResponse> proof(HttpRequest request, String n) {
    long number = batchNumber(n);
    boolean json = wantsJson(request);
    return service.finalProof(number).thenCompose(proof -> {
      if (proof.isPresent()) {
        return CompletableFuture.completedFuture(json
            ? Json.raw(200, Json.protoText(proof.get()))
            : HttpResponse.create().withEntity(PROTOBUF, proof.get().toByteArray()));
      }
      return service.status(number).thenApply(status -> {
        throw new ApiError(404, "not-ready", "batch " + Long.toUnsignedString(number) + " has no final proof yet"
            + status.map(s -> " (state " + s.state() + ")").orElse(""), "");
      });
    });
  }

  private CompletionStage<HttpResponse> requeue(HttpRequest request, String n) {
    authorize(request);
    long number = batchNumber(n);
    return service.requeue(number).thenApply(count ->
        Json.ok(Json.object("batchNumber", Json.unsigned(number), "requeued", count)));
  }

  private CompletionStage<HttpResponse> restart(HttpRequest request, String n) {
    authorize(request);
    long number = batchNumber(n);
    return service.restartBatch(number).thenApply(status -> Json.ok(Json.batch(status)));
  }

  private CompletionStage<HttpResponse> verify(HttpRequest request) {
    BodyKind kind = bodyKind(request);
    return body(request).thenApplyAsync(bytes -> {
      BatchProof proof = kind == BodyKind.JSON
          ? parseJson(bytes, BatchProof.newBuilder(), "BatchProof")
          : parseBinary(bytes);
      ProofVerdict verdict;
      try {
        verdict = verifier.verify(proof);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      if (verdict instanceof ProofVerdict.Invalid invalid) {
        return Json.ok(new Verdict(false, invalid.reason()));
      }
      return Json.ok(new Verdict(true, ""));
    }, verifyExecutor);
  }

  /** The answer of {@code POST /v1/verify}; the reason is empty for a valid proof. */
  record Verdict(boolean valid, String reason) {}

  private CompletionStage<HttpResponse> jobs(HttpRequest request) {
    Optional<String> state = query(request, "state");
    state.ifPresent(s -> {
      if (!JOB_STATES.contains(s)) {
        throw ApiError.invalid("state", "expected one of " + String.join(", ", sorted(JOB_STATES)) + ", got '"
            + s + "'");
      }
    });
    Optional<Integer> round = query(request, "round").map(r -> {
      if (!r.matches("[0-4]")) {
        throw ApiError.invalid("round", "expected a round from 0 to 4, got '" + r + "'");
      }
      return Integer.parseInt(r);
    });
    Optional<String> circuit = query(request, "circuit");
    Optional<Long> batch = query(request, "batch").map(b -> parseUnsigned("batch", b));
    return service.jobs(new JobFilter(state, round, circuit, batch))
        .thenApply(list -> Json.ok(list.stream().map(Json::job).toList()));
  }

  // One subscription per connection, closed when the client goes away; a client that falls more than the buffer
  // behind misses the events past its buffer rather than holding the cluster up.
  private Route events() {
    Source<ServerSentEvent, NotUsed> events = Source.<ClusterEvent>queue(settings.sseBuffer())
        .mapMaterializedValue(queue -> subscribe(queue))
        .watchTermination((subscription, done) -> {
          done.whenComplete((ok, error) -> close(subscription));
          return NotUsed.getInstance();
        })
        .map(event -> ServerSentEvent.create(Json.text(Json.event(event)), event.kind()))
        .keepAlive(settings.sseKeepAlive(), ServerSentEvent::heartbeat);
    return completeOK(events, EventStreamMarshalling.toEventStream());
  }

  private AutoCloseable subscribe(BoundedSourceQueue<ClusterEvent> queue) {
    return service.subscribe(queue::offer);
  }

  private static void close(AutoCloseable subscription) {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.warn("closing an event subscription failed", e);
    }
  }

  private enum BodyKind { PROTOBUF, JSON }

  private static BodyKind bodyKind(HttpRequest request) {
    MediaType media = request.entity().getContentType().mediaType();
    if (media.mainType().equals("application") && PROTOBUF_SUBTYPES.contains(media.subType())) {
      return BodyKind.PROTOBUF;
    }
    if (media.mainType().equals("application") && media.subType().equals("json")) {
      return BodyKind.JSON;
    }
    throw ApiError.unsupportedMediaType(media.toString(), ACCEPTED_TYPES);
  }

  // The whole body, refused with 413 past the limit, whether the client declared its length or streams it.
  private CompletionStage<byte[]> body(HttpRequest request) {
    HttpEntity entity = request.entity();
    long limit = settings.maxBodyBytes();
    if (entity.getContentLengthOption().isPresent() && entity.getContentLengthOption().getAsLong() > limit) {
      entity.discardBytes(materializer);
      throw ApiError.tooLarge(limit);
    }
    return entity.toStrict(settings.bodyTimeout().toMillis(), limit, materializer)
        .<byte[]>thenApply(strict -> strict.getData().toArray())
        .exceptionally(failure -> {
          Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
              ? failure.getCause() : failure;
          if (cause instanceof EntityStreamSizeException) {
            throw ApiError.tooLarge(limit);
          }
          if (cause instanceof java.util.concurrent.TimeoutException) {
            throw ApiError.malformed("the body did not arrive within " + settings.bodyTimeout());
          }
          throw cause instanceof RuntimeException r ? r : new java.util.concurrent.CompletionException(cause);
        });
  }

  private void authorize(HttpRequest request) {
    if (settings.authToken().isEmpty()) {
      return;
    }
    Optional<String> header = request.getHeader("Authorization").map(h -> h.value());
    if (header.isEmpty()) {
      throw ApiError.unauthorized("this endpoint needs an Authorization: Bearer token");
    }
    String value = header.get();
    byte[] expected = ("Bearer " + settings.authToken().get()).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.UTF_8))) {
      throw ApiError.unauthorized("wrong bearer token");
    }
  }

  private static boolean wantsJson(HttpRequest request) {
    String accept = request.getHeader("Accept").map(h -> h.value()).orElse("");
    return accept.contains("application/json") && !accept.contains("protobuf");
  }

  private static Optional<String> query(HttpRequest request, String name) {
    return request.getUri().query().get(name).filter(v -> !v.isEmpty());
  }

  private static long batchNumber(String segment) {
    return parseUnsigned("batchNumber", segment);
  }

  private static long parseUnsigned(String field, String text) {
    if (!text.matches("[0-9]{1,20}")) {
      throw ApiError.invalid(field, "expected an unsigned 64-bit number, got '" + text + "'");
    }
    try {
      return Long.parseUnsignedLong(text);
    } catch (NumberFormatException e) {
      throw ApiError.invalid(field, "expected an unsigned 64-bit number, got '" + text + "'");
    }
  }

  private static ApiError unknownBatch(long number) {
    return ApiError.notFound("batchNumber", "no batch " + Long.toUnsignedString(number));
  }

  @SuppressWarnings("unchecked")
  private static <T extends Message> T parseJson(byte[] bytes, Message.Builder builder, String what) {
    try {
      JsonFormat.parser().merge(new String(bytes, StandardCharsets.UTF_8), builder);
      return (T) builder.build();
    } catch (InvalidProtocolBufferException e) {
      throw ApiError.malformed("not a " + what + " in canonical JSON: " + e.getMessage());
    } catch (RuntimeException e) {
      // Gson and the JSON mapping throw more than the declared exception for some inputs (deep nesting, bad numbers).
      throw ApiError.malformed("not a " + what + " in canonical JSON: " + e);
    }
  }

  private static BatchProof parseBinary(byte[] bytes) {
    try {
      return BatchProof.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw ApiError.malformed("not a BatchProof: " + e.getMessage());
    }
  }

  private static BatchInput parseBinaryInput(byte[] bytes) {
    try {
      return BatchInput.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw ApiError.malformed("not a BatchInput: " + e.getMessage());
    }
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
