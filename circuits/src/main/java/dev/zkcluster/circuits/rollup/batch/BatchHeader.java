package dev.zkcluster.circuits.rollup.batch;

import dev.zkcluster.proof.hash.Digest;

/** Names a batch and the state it starts from. */
public record BatchHeader(long batchNumber, String protocolVersion, Digest prevStateRoot, long timestamp) {}
