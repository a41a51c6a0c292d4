package dev.zkcluster.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/** Polls a batch's status until it is done or failed, showing progress as it goes. */
public final class BatchWatcher {

  private final ApiClient client;
  private final Listener view;
  private final Duration interval;

  /** Sees every status polled, with the milliseconds since watching began. */
  @FunctionalInterface
  public interface Listener {
    void show(JsonNode status, long elapsedMillis);
  }

  public BatchWatcher(ApiClient client, Listener view, Duration interval) {
    this.client = client;
    this.view = view;
    this.interval = interval;
  }

  /** The final status ({@code done} or {@code failed}); throws if the timeout passes first. */
  public JsonNode await(long batch, Duration timeout) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (true) {
      JsonNode status = client.status(batch);
      view.show(status, (System.nanoTime() - start) / 1_000_000);
      String state = status.path("state").asText();
      if (state.equals("done") || state.equals("failed")) {
        return status;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("batch " + Long.toUnsignedString(batch) + " is still " + state + " after "
            + timeout);
      }
      Thread.sleep(interval.toMillis());
    }
  }
}
