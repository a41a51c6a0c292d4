package dev.zkcluster.proof.plonk;

/** A proof with the time breakdown of making it. */
public record ProverOutput(PlonkProof proof, ProofTiming timing) {}
