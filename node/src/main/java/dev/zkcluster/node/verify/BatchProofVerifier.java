package dev.zkcluster.node.verify;

import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.protocol.v1.BatchProof;
import dev.zkcluster.protocol.v1.BatchPublicInputs;
import dev.zkcluster.protocol.v1.Digest;
import java.io.IOException;
import java.util.List;

/**
 * Checks a BatchProof against the final verifier key of its protocol version: the key digest it names, the header
 * and public inputs agreeing, canonical field elements, and the proof itself. The command line and the HTTP
 * gateway both verify through this class.
 */
public final class BatchProofVerifier {

  private static final String[] DIGEST_NAMES =
      {"prev_root", "new_root", "deposits_hash", "transfers_hash", "withdrawals_hash"};

  private final FinalKeys keys;

  public BatchProofVerifier(FinalKeys keys) {
    this.keys = keys;
  }

  public ProofVerdict verify(BatchProof proof) throws IOException {
    String version = proof.getHeader().getProtocolVersion();
    if (!version.matches(ProtocolVersion.PATTERN)) {
      return invalid("header.protocol_version '" + version + "' is not MAJOR.MINOR.PATCH[-PRERELEASE]");
    }
    FinalKeys.Lookup lookup = keys.finalKey(version);
    if (lookup instanceof FinalKeys.Missing missing) {
      return invalid(missing.reason());
    }
    VerifierKey key = ((FinalKeys.Found) lookup).key();
    if (!CircuitRegistry.digestHex(key).equals(proof.getVerifierKeyDigest())) {
      return invalid("verifier_key_digest " + proof.getVerifierKeyDigest() + " is not the key of version " + version
          + " (" + CircuitRegistry.digestHex(key) + ")");
    }
    BatchPublicInputs pi = proof.getPublicInputs();
    if (pi.getBatchNumber() != proof.getHeader().getBatchNumber()) {
      return invalid("public_inputs.batch_number " + Long.toUnsignedString(pi.getBatchNumber())
          + " is not header.batch_number " + Long.toUnsignedString(proof.getHeader().getBatchNumber()));
    }
    if (!pi.getPrevRoot().equals(proof.getHeader().getPrevStateRoot())) {
      return invalid("public_inputs.prev_root is not header.prev_state_root");
    }
    if (Long.compareUnsigned(pi.getBatchNumber(), Goldilocks.P) >= 0) {
      return invalid("public_inputs.batch_number: not a canonical field element");
    }
    long[] values = new long[1 + 4 * DIGEST_NAMES.length];
    values[0] = pi.getBatchNumber();
    List<Digest> digests = List.of(pi.getPrevRoot(), pi.getNewRoot(), pi.getDepositsHash(), pi.getTransfersHash(),
        pi.getWithdrawalsHash());
    for (int i = 0; i < digests.size(); i++) {
      if (digests.get(i).getElementsCount() != 4) {
        return invalid("public_inputs." + DIGEST_NAMES[i] + ".elements: expected 4, got "
            + digests.get(i).getElementsCount());
      }
      for (int e = 0; e < 4; e++) {
        long v = digests.get(i).getElements(e);
        if (Long.compareUnsigned(v, Goldilocks.P) >= 0) {
          return invalid("public_inputs." + DIGEST_NAMES[i] + ".elements[" + e + "]: not a canonical field element");
        }
        values[1 + 4 * i + e] = v;
      }
    }
    Verification verdict = Verifier.verify(key, proof.getProof().toByteArray(), values);
    if (verdict instanceof Verification.Rejected rejected) {
      return invalid(rejected.reason());
    }
    return new ProofVerdict.Valid(pi);
  }

  private static ProofVerdict invalid(String reason) {
    return new ProofVerdict.Invalid(reason);
  }
}
