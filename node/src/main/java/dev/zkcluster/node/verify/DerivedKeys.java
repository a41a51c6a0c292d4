package dev.zkcluster.node.verify;

import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Final keys from a store root, and for a known protocol version whose keys are not there yet, derived once by
 * building its circuits (deterministic, so the digest is the one the cluster proves under) and exported to the
 * store for next time. Deriving takes seconds for the small versions and minutes for {@code 0.1.0}.
 */
public final class DerivedKeys implements FinalKeys {

  private final ExportedKeys store;

  public DerivedKeys(Path storeRoot) {
    this.store = new ExportedKeys(storeRoot);
  }

  @Override
  public synchronized Lookup finalKey(String protocolVersion) throws IOException {
    Lookup exported = store.finalKey(protocolVersion);
    if (exported instanceof Found) {
      return exported;
    }
    Optional<ProtocolVersion> known = ProtocolVersion.named(protocolVersion);
    if (known.isEmpty()) {
      return new Missing("unknown protocol version " + protocolVersion);
    }
    new CircuitRegistry(known.get(), new CpuProvingBackend()).exportKeys(store.storeRoot());
    return store.finalKey(protocolVersion);
  }
}
