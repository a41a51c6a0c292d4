package dev.zkcluster.proof.merkle;

import dev.zkcluster.proof.hash.Digest;
import java.util.List;

/**
 * The commitment to a Merkle tree: the 2^h digests of its level h below the root (h = 0 is the root alone).
 * A proof for leaf i ends at entry {@code i >> (log2(leaves) − h)}.
 */
public record MerkleCap(List<Digest> digests) {
    public MerkleCap {
        digests = List.copyOf(digests);
        int n = digests.size();
        if (n == 0 || (n & (n - 1)) != 0) {
            throw new IllegalArgumentException("a Merkle cap has a power-of-two number of digests, got " + n);
        }
    }

    public int size() {
        return digests.size();
    }

    /** log2 of the number of digests. */
    public int height() {
        return Integer.numberOfTrailingZeros(digests.size());
    }

    public Digest get(int i) {
        return digests.get(i);
    }
}
