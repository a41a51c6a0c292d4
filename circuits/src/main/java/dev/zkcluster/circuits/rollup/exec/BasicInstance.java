package dev.zkcluster.circuits.rollup.exec;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.proof.hash.Digest;
import java.util.List;

/**
 * The witness of one round-0 job: up to a circuit's capacity of consecutive ops of one kind, and the state root and
 * ops hash before and after them. A padding instance has no steps and equal in and out values.
 */
public record BasicInstance(
        OpKind kind,
        int sequence,
        Digest rootIn,
        Digest rootOut,
        Digest opsHashIn,
        Digest opsHashOut,
        List<OpStep> steps) {
    public BasicInstance {
        steps = List.copyOf(steps);
    }

    public int count() {
        return steps.size();
    }
}
