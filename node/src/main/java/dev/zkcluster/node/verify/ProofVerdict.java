package dev.zkcluster.node.verify;

import dev.zkcluster.protocol.v1.BatchPublicInputs;

/** The outcome of checking a BatchProof: valid, with the public inputs it proves, or invalid with the reason. */
public sealed interface ProofVerdict {

  record Valid(BatchPublicInputs publicInputs) implements ProofVerdict {}

  record Invalid(String reason) implements ProofVerdict {}
}
