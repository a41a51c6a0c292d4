package dev.zkcluster.circuits.pipeline;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.proof.plonk.witness.WitnessVector;

/**
 * One job's witness, ready to prove: the circuit, the job's place in the tree (depth, sequence), the full witness
 * vector, and the public inputs the proof will state (as {@link JobProof} carries them).
 */
public record JobWitness(CircuitKey circuit, int depth, int sequence, WitnessVector vector, long[] publicInputs) {}
