package dev.zkcluster.circuits.rollup.batch;

import dev.zkcluster.proof.hash.Digest;

/** What the final batch proof attests to. */
public record BatchPublicInputs(
        long batchNumber,
        Digest prevRoot,
        Digest newRoot,
        Digest depositsHash,
        Digest transfersHash,
        Digest withdrawalsHash) {}
