package dev.zkcluster.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zkcluster.actors.api.ProvingService.BatchStatus;
import dev.zkcluster.actors.api.ProvingService.ClusterEvent;
import dev.zkcluster.actors.api.ProvingService.RoundProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in headless Chromium: it shows a batch while it proves, follows it live to "proven", and lists the
 * workers and queues. The batch's progress is scripted through the recording service; {@code EndToEndTest} runs
 * the same page against a node that really proves. The screenshot lands in target/browser/.
 */
class DashboardBrowserTest {

  static final Path ARTIFACTS = Path.of("target", "browser");

  @TempDir Path profile;

  static Path chromium() {
    Optional<Path> binary = HeadlessChromium.binary();
    if (binary.isEmpty()) {
      if ("true".equals(System.getenv("CI"))) {
        fail("no chromium on the PATH; .ci/run installs Debian's chromium package");
      }
      Assumptions.assumeTrue(false, "no chromium on the PATH (apt-get install chromium); browser test not run");
    }
    return binary.get();
  }

  /** Polls a JavaScript expression until its value passes, failing with the last value and a screenshot. */
  static String awaitValue(HeadlessChromium browser, String expression, Predicate<String> accept, Duration timeout,
      String screenshotName) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      last = browser.evaluate(expression);
      if (accept.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    Files.createDirectories(ARTIFACTS);
    Files.write(ARTIFACTS.resolve(screenshotName), browser.screenshot());
    return fail(expression + " never passed within " + timeout + "; last value '" + last + "'; screenshot in "
        + ARTIFACTS.resolve(screenshotName));
  }

  @Test
  void theDashboardFollowsABatchLiveToProven() throws Exception {
    Path binary = chromium();
    try (GatewayHarness gateway = GatewayHarness.open();
        HeadlessChromium browser = new HeadlessChromium(binary, profile.resolve("profile"))) {
      String page = "http://127.0.0.1:" + gateway.port() + "/";
      assertEquals(202, gateway.post("/v1/batches", "application/x-protobuf",
          GatewayHarness.batch(40, 1).toByteArray()).statusCode());
      browser.navigate(page);
      String state = "document.querySelector('#batch-40') ? document.querySelector('#batch-40').dataset.state : ''";
      awaitValue(browser, state, "accepted"::equals, Duration.ofSeconds(30), "dashboard-accepted.png");
      awaitValue(browser, "document.getElementById('connection').textContent", "live"::equals,
          Duration.ofSeconds(30), "dashboard-connection.png");

      gateway.service.setStatus(status("proving", new RoundProgress(0, "basic", 3, 1, 0)));
      awaitValue(browser, "document.querySelector('#batch-40 [data-round=\"0\"]')?.textContent ?? ''",
          v -> v.contains("1/3"), Duration.ofSeconds(10), "dashboard-proving.png");
      gateway.service.publish(new ClusterEvent("job", 40, "job-40-0-transfer-0-1", "proven", 1000, "cpu-0"));
      awaitValue(browser, "document.getElementById('events').textContent", v -> v.contains("job-40-0-transfer-0-1"),
          Duration.ofSeconds(10), "dashboard-events.png");

      gateway.service.setStatus(status("done", new RoundProgress(0, "basic", 3, 3, 0),
          new RoundProgress(4, "scheduler", 1, 1, 0)));
      awaitValue(browser, state, "proven"::equals, Duration.ofSeconds(10), "dashboard-proven-missing.png");

      String workers = browser.evaluate("document.querySelector('#workers tbody').textContent");
      assertTrue(workers.contains("cpu-0") && workers.contains("busy") && workers.contains("job-1-0-transfer-0-0"),
          workers);
      String queues = browser.evaluate("document.querySelector('#queues tbody').textContent");
      assertTrue(queues.contains("transfer"), queues);
      Files.createDirectories(ARTIFACTS);
      Files.write(ARTIFACTS.resolve("dashboard-proven.png"), browser.screenshot());
    }
  }

  private static BatchStatus status(String state, RoundProgress... rounds) {
    return new BatchStatus(40, GatewayHarness.TINY, state, List.of(rounds), Map.of("total", 4200L),
        Optional.empty(), 1);
  }
}
