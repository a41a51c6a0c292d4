package dev.zkcluster.circuits.pipeline;

/** An aggregation job whose children do not fit together: wrong circuit, or a broken root or ops-hash link. */
public final class AggregationRefused extends IllegalArgumentException {
    public AggregationRefused(String message) {
        super(message);
    }
}
