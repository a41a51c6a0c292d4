package dev.zkcluster.node;

import org.apache.pekko.actor.CoordinatedShutdown;

/** The node was asked to stop by an operating-system signal (SIGTERM, SIGINT): a clean exit. */
public record SignalReason(String signal) implements CoordinatedShutdown.Reason {}
