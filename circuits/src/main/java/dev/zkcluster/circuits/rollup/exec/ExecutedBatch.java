package dev.zkcluster.circuits.rollup.exec;

import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import java.util.List;
import java.util.Map;

/** A valid batch: its public inputs, its round-0 witnesses per kind (in execution order), and its job plan. */
public record ExecutedBatch(BatchPublicInputs publicInputs, Map<OpKind, List<BasicInstance>> instances, JobPlan plan) {
    public ExecutedBatch {
        instances = Map.copyOf(instances);
    }
}
