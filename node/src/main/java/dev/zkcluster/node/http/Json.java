package dev.zkcluster.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.actors.api.ProvingService.BatchStatus;
import dev.zkcluster.actors.api.ProvingService.ClusterEvent;
import dev.zkcluster.actors.api.ProvingService.JobView;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCodes;

/**
 * The gateway's JSON answers. Records go through Jackson (an empty Optional is {@code null}); batch numbers are
 * unsigned 64-bit, so they are written as unsigned numbers.
 */
final class Json {

  static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new Jdk8Module());

  private Json() {}

  static HttpResponse ok(Object body) {
    return response(200, body);
  }

  static HttpResponse response(int status, Object body) {
    return raw(status, text(body));
  }

  static HttpResponse raw(int status, String json) {
    return HttpResponse.create()
        .withStatus(StatusCodes.get(status))
        .withEntity(ContentTypes.APPLICATION_JSON, json);
  }

  static String text(Object body) {
    try {
      return MAPPER.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
    }
  }

  /** A protobuf message in its canonical JSON mapping. */
  static String protoText(MessageOrBuilder message) {
    try {
      return JsonFormat.printer().print(message);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getSimpleName() + " as JSON", e);
    }
  }

  static BigInteger unsigned(long value) {
    return new BigInteger(Long.toUnsignedString(value));
  }

  /** An object with its keys in the given order. */
  static Map<String, Object> object(Object... keysAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }

  static Map<String, Object> batch(BatchStatus s) {
    return object(
        "batchNumber", unsigned(s.batchNumber()),
        "protocolVersion", s.protocolVersion(),
        "state", s.state(),
        "rounds", s.rounds(),
        "timingsMillis", s.timingsMillis(),
        "error", s.error().orElse(null),
        "acceptedAtMillis", s.acceptedAtMillis());
  }

  static Map<String, Object> job(JobView j) {
    return object(
        "id", j.id(),
        "batchNumber", unsigned(j.batchNumber()),
        "round", j.round(),
        "circuit", j.circuit(),
        "depth", j.depth(),
        "seq", j.seq(),
        "state", j.state(),
        "attempts", j.attempts(),
        "worker", j.worker().orElse(null),
        "protocolVersion", j.protocolVersion());
  }

  static Map<String, Object> event(ClusterEvent e) {
    return object(
        "kind", e.kind(),
        "batchNumber", unsigned(e.batchNumber()),
        "id", e.id(),
        "state", e.state(),
        "atMillis", e.atMillis(),
        "detail", e.detail());
  }
}
