package dev.zkcluster.node.cli;

import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the commands that talk to a node find it: {@code --url} (or ZKCLUSTER_URL) and {@code --token}. */
public final class ClientOptions {

  @Option(names = "--url", defaultValue = "${env:ZKCLUSTER_URL:-http://127.0.0.1:8080}",
      description = "Base URL of a node's HTTP API (default: $ZKCLUSTER_URL or http://127.0.0.1:8080).")
  String url;

  @Option(names = "--token", defaultValue = "${env:ZKCLUSTER_TOKEN}",
      description = "Bearer token for the write endpoints (default: $ZKCLUSTER_TOKEN).")
  String token;

  @Option(names = "--http-timeout", defaultValue = "60s",
      description = "How long one HTTP request may take (default 60s).")
  String httpTimeout;

  public ApiClient client() {
    String base = url.endsWith("/") ? url : url + "/";
    return new ApiClient(URI.create(base), Optional.ofNullable(token),
        Durations.parse(httpTimeout));
  }
}
