package dev.zkcluster.node.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.handleExceptions;
import static org.apache.pekko.http.javadsl.server.Directives.handleRejections;

import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every answer the routing itself gives (unknown path 404, wrong method 405, Pekko's own 413) in the gateway's
 * {@code {error, detail, field}} form, and an uncaught exception as a 500 of the same form.
 */
public final class JsonErrors {

  private static final Logger LOG = LoggerFactory.getLogger(JsonErrors.class);

  private JsonErrors() {}

  public static Route wrap(Route inner) {
    ExceptionHandler exceptions = ExceptionHandler.newBuilder()
        .match(Throwable.class, failure -> {
          ApiError api = ApiError.of(failure);
          if (api == null) {
            LOG.error("request failed", failure);
            api = new ApiError(500, "internal", String.valueOf(failure.getMessage()), "");
          }
          return complete(Json.response(api.status, api.body));
        })
        .build();
    RejectionHandler rejections = RejectionHandler.defaultHandler().mapRejectionResponse(JsonErrors::asJson);
    return handleExceptions(exceptions, () -> handleRejections(rejections, () -> inner));
  }

  // Pekko's rejection answers are plain text; the text becomes the detail.
  private static HttpResponse asJson(HttpResponse response) {
    if (response.entity() instanceof HttpEntity.Strict strict
        && !strict.getContentType().mediaType().equals(MediaTypes.APPLICATION_JSON)) {
      String detail = strict.getData().utf8String();
      String error = switch (response.status().intValue()) {
        case 404 -> "not-found";
        case 405 -> "method-not-allowed";
        case 413 -> "too-large";
        case 415 -> "unsupported-media-type";
        default -> response.status().intValue() < 500 ? "malformed" : "internal";
      };
      return response.withEntity(org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON,
          Json.text(new ApiError.Body(error, detail, "")));
    }
    return response;
  }
}
