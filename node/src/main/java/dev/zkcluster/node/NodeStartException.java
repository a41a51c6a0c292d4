package dev.zkcluster.node;

/** The node could not start (a port in use, a bad setting); the message says which. */
public final class NodeStartException extends RuntimeException {

  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
