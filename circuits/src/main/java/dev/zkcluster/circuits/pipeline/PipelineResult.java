package dev.zkcluster.circuits.pipeline;

import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.proof.plonk.VerifierKey;
import java.util.List;

/**
 * A proven batch: its public inputs, the final proof (the compression round's) and its verifier key, and each round's
 * jobs and time.
 */
public record PipelineResult(
        BatchPublicInputs publicInputs, JobProof finalProof, VerifierKey finalKey, List<RoundReport> rounds) {
    public PipelineResult {
        rounds = List.copyOf(rounds);
    }
}
