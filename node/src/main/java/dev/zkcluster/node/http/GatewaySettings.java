package dev.zkcluster.node.http;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The gateway's knobs under {@code zkcluster.http}: the bearer token of the write endpoints (none when empty), the
 * largest request body, how long a verification may take, the verifier keys' store root, and how many events a
 * slow SSE client may fall behind before further events are dropped for it.
 */
public record GatewaySettings(
    Optional<String> authToken,
    long maxBodyBytes,
    Duration bodyTimeout,
    Duration verifyTimeout,
    Path keysDir,
    int sseBuffer,
    Duration sseKeepAlive) {

  public static GatewaySettings from(Config config) {
    String token = config.getString("zkcluster.http.auth-token");
    return new GatewaySettings(
        token.isEmpty() ? Optional.empty() : Optional.of(token),
        config.getBytes("zkcluster.http.max-body-bytes"),
        config.getDuration("zkcluster.http.body-timeout"),
        config.getDuration("zkcluster.http.verify-timeout"),
        Path.of(config.getString("zkcluster.http.keys-dir")),
        config.getInt("zkcluster.http.sse-buffer"),
        config.getDuration("zkcluster.http.sse-keep-alive"));
  }
}
