package dev.zkcluster.proof.hash;

import dev.zkcluster.proof.field.Goldilocks;

/** A Poseidon2 hash output: 4 canonical Goldilocks elements. */
public record Digest(long e0, long e1, long e2, long e3) {
    public static final int ELEMENTS = 4;
    public static final Digest ZERO = new Digest(0, 0, 0, 0);

    public Digest {
        e0 = Goldilocks.canonical(e0);
        e1 = Goldilocks.canonical(e1);
        e2 = Goldilocks.canonical(e2);
        e3 = Goldilocks.canonical(e3);
    }

    /** Reads 4 elements starting at {@code offset}. */
    public static Digest of(long[] src, int offset) {
        return new Digest(src[offset], src[offset + 1], src[offset + 2], src[offset + 3]);
    }

    public static Digest of(long[] src) {
        if (src.length != ELEMENTS) {
            throw new IllegalArgumentException("a digest has 4 elements, got " + src.length);
        }
        return of(src, 0);
    }

    public long get(int i) {
        return switch (i) {
            case 0 -> e0;
            case 1 -> e1;
            case 2 -> e2;
            case 3 -> e3;
            default -> throw new IndexOutOfBoundsException("digest element " + i);
        };
    }

    public void copyTo(long[] dst, int offset) {
        dst[offset] = e0;
        dst[offset + 1] = e1;
        dst[offset + 2] = e2;
        dst[offset + 3] = e3;
    }

    public long[] toArray() {
        return new long[] {e0, e1, e2, e3};
    }

    @Override
    public String toString() {
        return String.format("0x%016x%016x%016x%016x", e0, e1, e2, e3);
    }
}
