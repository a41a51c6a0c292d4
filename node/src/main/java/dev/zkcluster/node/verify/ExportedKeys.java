package dev.zkcluster.node.verify;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.VerifierKeyDecoding;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Final keys as {@code keys export} writes them below a store root: {@code keys/{version}/5/compression.vk}. */
public record ExportedKeys(Path storeRoot) implements FinalKeys {

  @Override
  public Lookup finalKey(String protocolVersion) throws IOException {
    CircuitKey key = CircuitRegistry.finalKeyOf(protocolVersion);
    VerifierKeyDecoding decoding;
    try {
      decoding = CircuitRegistry.importKey(storeRoot, key);
    } catch (NoSuchFileException e) {
      return new Missing("no exported verifier key for protocol version " + protocolVersion + " ("
          + key.storePath() + ")");
    }
    if (decoding instanceof VerifierKeyDecoding.Malformed m) {
      return new Missing("verifier key " + key.storePath() + ": " + m.reason());
    }
    return new Found(((VerifierKeyDecoding.Decoded) decoding).key());
  }
}
