package dev.zkcluster.proof.fri;

/** One committed polynomial: column {@code column} of initial oracle {@code oracle}. */
public record FriPolynomialRef(int oracle, int column) {}
