package dev.zkcluster.node.http;

import dev.zkcluster.actors.api.IntakeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A refused request as the gateway answers it: the HTTP status and the JSON body {@code {error, detail, field}}.
 * Thrown inside a route's future and turned into the response at its end.
 */
final class ApiError extends RuntimeException {

  /** The JSON body; {@code field} is the request field at fault, or "" for the request as a whole. */
  record Body(String error, String detail, String field) {}

  final int status;
  final Body body;

  ApiError(int status, String error, String detail, String field) {
    super(status + " " + error + ": " + detail, null, false, false);
    this.status = status;
    this.body = new Body(error, detail, field);
  }

  static ApiError malformed(String detail) {
    return new ApiError(400, "malformed", detail, "");
  }

  static ApiError invalid(String field, String detail) {
    return new ApiError(400, "invalid", detail, field);
  }

  static ApiError unauthorized(String detail) {
    return new ApiError(401, "unauthorized", detail, "");
  }

  static ApiError notFound(String field, String detail) {
    return new ApiError(404, "not-found", detail, field);
  }

  static ApiError tooLarge(long limit) {
    return new ApiError(413, "too-large", "the body is over the limit of " + limit + " bytes", "");
  }

  static ApiError unsupportedMediaType(String got, String accepted) {
    return new ApiError(415, "unsupported-media-type", "content type " + got + " is not one of " + accepted, "");
  }

  /** The error a failed stage carries: an ApiError as is, a refusal of the cluster by its kind, else null. */
  static ApiError of(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof ApiError api) {
      return api;
    }
    // The cluster did not answer in time: the request may or may not have taken effect, and re-posting the identical
    // batch is safe (it answers 200 with the batch's state if the first one got through).
    if (t instanceof java.util.concurrent.TimeoutException) {
      return new ApiError(503, "unavailable", "the cluster did not answer in time; retry the request (re-posting an"
          + " identical batch is safe): " + t.getMessage(), "");
    }
    if (t instanceof IntakeException refused) {
      return switch (refused.kind()) {
        case INVALID -> invalid(refused.field(), refused.detail());
        case NOT_FOUND -> notFound(refused.field(), refused.detail());
        case CONFLICT -> new ApiError(409, "conflict", refused.detail(), refused.field());
      };
    }
    return null;
  }
}
