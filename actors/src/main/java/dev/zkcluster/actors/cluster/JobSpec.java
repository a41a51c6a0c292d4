package dev.zkcluster.actors.cluster;

import dev.zkcluster.persistence.CborSerializable;
import dev.zkcluster.persistence.blob.BlobKeys;
import java.util.List;

/**
 * Everything a worker needs to prove one job: where it sits in its batch's tree, and the object-store keys of its
 * children's proofs (empty for basic jobs, which read the batch input). Never the proof bytes themselves.
 */
public record JobSpec(long batch, TreeShape shape, TreeShape.Slot slot, int priority, List<String> children)
        implements CborSerializable {

    public JobSpec {
        children = List.copyOf(children);
    }

    public String version() {
        return shape.version();
    }

    public int round() {
        return shape.round(slot.level());
    }

    public String circuit() {
        return shape.circuit(slot.level(), slot.lane());
    }

    public int depth() {
        return shape.depth(slot.level());
    }

    public int seq() {
        return slot.seq();
    }

    /** {@code round:circuit}, the pair prover groups are made of. */
    public String pair() {
        return round() + ":" + circuit();
    }

    /** {@code {batch}-{round}-{circuit}-{depth}-{seq}}: the job entity's id. */
    public String id() {
        return id(batch, round(), circuit(), depth(), seq());
    }

    public static String id(long batch, int round, String circuit, int depth, int seq) {
        return Long.toUnsignedString(batch) + "-" + round + "-" + circuit + "-" + depth + "-" + seq;
    }

    /** Where this job's proof is written. */
    public String proofKey() {
        return BlobKeys.proof(batch, round(), circuit(), depth(), seq());
    }
}
