package dev.zkcluster.actors.cluster;

import java.time.Duration;

/** How long a lease of a round's job lasts, and how many leases a job gets before it fails. */
public record RoundPolicy(Duration timeout, int maxAttempts) {
    public RoundPolicy {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a lease timeout must be positive, got " + timeout);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, got " + maxAttempts);
        }
    }
}
