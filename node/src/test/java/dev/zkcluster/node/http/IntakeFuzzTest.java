package dev.zkcluster.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.util.JsonFormat;
import dev.zkcluster.protocol.v1.BatchInput;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * 12,000 random and mutated bodies against {@code POST /v1/batches}: every one is answered within the timeout, none
 * with a 5xx, and only an answer of 200 or 202 may come with a change in what the service stores.
 */
class IntakeFuzzTest {

  private static final int BODIES = 12_000;
  private static final String[] TYPES = {"application/x-protobuf", "application/json", "text/plain"};

  @Test
  void randomAndMutatedBodiesNeverCause5xxHangsOrStateChangesOnRefusal() throws Exception {
    SplittableRandom random = new SplittableRandom(20261124);
    BatchInput base = GatewayHarness.batch(3, 17);
    byte[] binary = base.toByteArray();
    byte[] json = JsonFormat.printer().print(base).getBytes(StandardCharsets.UTF_8);
    int refused = 0;
    int accepted = 0;
    try (GatewayHarness gateway = GatewayHarness.open()) {
      for (int i = 0; i < BODIES; i++) {
        int kind = random.nextInt(10);
        String type = kind < 5 ? TYPES[0] : kind < 9 ? TYPES[1] : TYPES[2];
        byte[] body = switch (random.nextInt(4)) {
          case 0 -> randomBytes(random, random.nextInt(2048));
          default -> mutate(random, type.equals(TYPES[1]) ? json : binary);
        };
        Map<Long, RecordingProvingService.Stored> before = gateway.service.stored();
        HttpResponse<String> response;
        try {
          response = gateway.send(HttpRequest.newBuilder(gateway.uri("/v1/batches"))
              .timeout(Duration.ofSeconds(10)).header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        } catch (RuntimeException e) {
          fail("body " + i + " (" + type + ", " + body.length + " bytes) got no answer: " + e);
          return;
        }
        int status = response.statusCode();
        assertTrue(status < 500, "body " + i + ": " + status + " " + response.body());
        if (status == 200 || status == 202) {
          accepted++;
          assertTrue(gateway.service.stored().size() - before.size() == (status == 202 ? 1 : 0),
              "body " + i + ": " + status + " must store exactly what it says");
        } else {
          refused++;
          assertTrue(status >= 400, "body " + i + ": " + status);
          assertEquals(before, gateway.service.stored(), "body " + i + " was refused with " + status
              + " but changed what is stored: " + response.body());
        }
      }
    }
    assertEquals(BODIES, refused + accepted);
    assertTrue(refused > BODIES / 2, "the mutations should mostly be refused, got " + refused);
  }

  private static byte[] randomBytes(SplittableRandom random, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  // one to four edits: flip a bit, overwrite a byte, cut, drop a run, duplicate a run, insert random bytes
  private static byte[] mutate(SplittableRandom random, byte[] original) {
    byte[] out = original.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && out.length > 0; e++) {
      int at = random.nextInt(out.length);
      switch (random.nextInt(6)) {
        case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> out[at] = (byte) random.nextInt(256);
        case 2 -> out = Arrays.copyOf(out, at);
        case 3 -> {
          int len = Math.min(out.length - at, 1 + random.nextInt(16));
          byte[] shorter = new byte[out.length - len];
          System.arraycopy(out, 0, shorter, 0, at);
          System.arraycopy(out, at + len, shorter, at, out.length - at - len);
          out = shorter;
        }
        case 4 -> {
          int len = Math.min(out.length - at, 1 + random.nextInt(32));
          byte[] longer = new byte[out.length + len];
          System.arraycopy(out, 0, longer, 0, at + len);
          System.arraycopy(out, at, longer, at + len, out.length - at);
          out = longer;
        }
        default -> {
          byte[] insert = randomBytes(random, 1 + random.nextInt(8));
          byte[] longer = new byte[out.length + insert.length];
          System.arraycopy(out, 0, longer, 0, at);
          System.arraycopy(insert, 0, longer, at, insert.length);
          System.arraycopy(out, at, longer, at + insert.length, out.length - at);
          out = longer;
        }
      }
    }
    return out;
  }
}
