package dev.zkcluster.node;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.concat;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.onSuccess;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /alive} answers as long as the process serves HTTP; {@code /ready} asks the readiness probe. */
public final class HealthRoutes {

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HealthStatus(String status, String reason) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ReadinessProbe probe;

  public HealthRoutes(ReadinessProbe probe) {
    this.probe = probe;
  }

  public Route routes() {
    return concat(
        path("alive", () -> get(() -> complete(json(StatusCodes.OK, new HealthStatus("alive", null))))),
        path("ready", () -> get(() -> onSuccess(probe.check(), readiness -> complete(answer(readiness))))));
  }

  private static HttpResponse answer(Readiness readiness) {
    if (readiness instanceof Readiness.NotReady notReady) {
      return json(StatusCodes.SERVICE_UNAVAILABLE, new HealthStatus("not-ready", notReady.reason()));
    }
    return json(StatusCodes.OK, new HealthStatus("ready", null));
  }

  private static HttpResponse json(StatusCode status, HealthStatus body) {
    try {
      return HttpResponse.create()
          .withStatus(status)
          .withEntity(ContentTypes.APPLICATION_JSON, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode health status " + body, e);
    }
  }
}
