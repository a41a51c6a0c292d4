package dev.zkcluster.circuits.pipeline;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.proof.plonk.PlonkProof;

/** One job's proof with the public inputs it proves, and the job's place in the tree (depth, sequence). */
public record JobProof(CircuitKey circuit, int depth, int sequence, PlonkProof proof, long[] publicInputs) {}
