package dev.zkcluster.circuits.pipeline;

import java.time.Duration;

/** What one round of a pipeline run took: its name, its job count and its wall time. */
public record RoundReport(String round, int jobs, Duration time) {}
