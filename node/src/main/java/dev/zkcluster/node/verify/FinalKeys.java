package dev.zkcluster.node.verify;

import dev.zkcluster.proof.plonk.VerifierKey;
import java.io.IOException;

/** Where a verifier finds the final verifier key of a protocol version. */
@FunctionalInterface
public interface FinalKeys {

  /** The key, or why there is none (no exported key, unreadable key). */
  Lookup finalKey(String protocolVersion) throws IOException;

  sealed interface Lookup {}

  record Found(VerifierKey key) implements Lookup {}

  record Missing(String reason) implements Lookup {}
}
