package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;

/** A batch or job transition, published cluster-wide for live views. */
public record Transition(String kind, long batch, String id, String state, long atMillis, String detail)
        implements CborSerializable {}
