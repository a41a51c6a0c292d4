package dev.zkcluster.node;

import dev.zkcluster.circuits.registry.ProtocolVersion;
import java.util.stream.Collectors;

/** Resolves a protocol version named on the command line to its workload shape. */
final class ProtocolVersionOption {
  static final String KNOWN =
      ProtocolVersion.KNOWN.stream().map(ProtocolVersion::version).collect(Collectors.joining(", "));

  private ProtocolVersionOption() {}

  static ProtocolVersion resolve(String name) {
    return ProtocolVersion.named(name)
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown protocol version '" + name + "'; known: " + KNOWN));
  }
}
