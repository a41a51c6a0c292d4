package dev.zkcluster.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The load generator itself works: every small valid batch it posts is accepted and every event arrives. */
class GatewayLoadTest {

  @Test
  void postsDistinctValidBatchesWithoutErrorsAndTimesEvents() throws Exception {
    try (GatewayHarness gateway = GatewayHarness.open()) {
      GatewayLoad.Result result = GatewayLoad.run(gateway.uri("/"), gateway, 300, 8, 1000, 50);
      System.out.println("gateway load smoke run: " + result.summary());
      assertEquals(0, result.errors(), result.summary());
      assertEquals(300, gateway.service.stored().size());
      assertEquals(50, result.eventLatencyMicros().length);
    }
  }
}
