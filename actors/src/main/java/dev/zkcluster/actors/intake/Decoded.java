package dev.zkcluster.actors.intake;

import dev.zkcluster.circuits.rollup.batch.Batch;

/** The outcome of reading a batch input: the domain batch, or the first field that is malformed. */
public sealed interface Decoded {

    record Accepted(Batch batch) implements Decoded {}

    record Refused(FieldError error) implements Decoded {}
}
