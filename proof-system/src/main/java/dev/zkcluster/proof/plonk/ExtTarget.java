package dev.zkcluster.proof.plonk;

/** An element c0 + c1·X of the quadratic extension held in two targets. */
public record ExtTarget(Target c0, Target c1) {}
