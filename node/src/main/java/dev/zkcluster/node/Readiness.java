package dev.zkcluster.node;

/** Whether the node can take work, and if not, why. */
public sealed interface Readiness {

  record Ready() implements Readiness {}

  record NotReady(String reason) implements Readiness {}
}
