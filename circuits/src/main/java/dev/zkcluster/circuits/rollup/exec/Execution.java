package dev.zkcluster.circuits.rollup.exec;

/** The executor's verdict: a valid batch's results, or the first rule it breaks. */
public sealed interface Execution {

    record Executed(ExecutedBatch batch) implements Execution {}

    record Rejected(BatchViolation violation) implements Execution {}
}
