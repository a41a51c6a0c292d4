package dev.zkcluster.proof.hash;

import java.util.Arrays;
import java.util.Objects;

/**
 * The sponge and the 2-to-1 compression over {@link Poseidon2}: rate 8, capacity 4, 4 output elements.
 *
 * <p>{@code hashNoPad(xs)}:
 * <ul>
 *   <li>If xs has at most 4 elements (the empty input included), the digest is xs itself, zero-padded to 4 and
 *       canonicalized; no permutation runs. The empty input hashes to (0, 0, 0, 0).
 *   <li>Otherwise the state starts at zero. For each chunk of 8 elements, in order, the chunk overwrites
 *       state[0..8) and the state is permuted. A last partial chunk of k &lt; 8 elements overwrites only
 *       state[0..k); state[k..12) keep their values; then the state is permuted. The digest is state[0..4).
 * </ul>
 * There is no padding, so the caller must fix the input length by context (as a Merkle leaf's row width is).
 *
 * <p>{@code twoToOne(a, b)} permutes (a0..a3, b0..b3, 0, 0, 0, 0) and returns state[0..4).
 */
public final class Poseidon2Hash {
    public static final int RATE = 8;
    public static final int CAPACITY = 4;
    public static final int WIDTH = Poseidon2.WIDTH;

    private Poseidon2Hash() {}

    public static Digest hashNoPad(long[] xs) {
        return hashNoPad(xs, 0, xs.length);
    }

    /** Hashes xs[offset, offset + length) without copying it. */
    public static Digest hashNoPad(long[] xs, int offset, int length) {
        long[] out = new long[Digest.ELEMENTS];
        hashNoPad(xs, offset, length, out, 0, new long[WIDTH]);
        return Digest.of(out, 0);
    }

    /**
     * Hashes xs[offset, offset + length) and writes the 4 digest elements to dst[dstOffset..]. {@code state} is
     * scratch space of 12 elements, so that a caller hashing many inputs allocates nothing.
     */
    public static void hashNoPad(long[] xs, int offset, int length, long[] dst, int dstOffset, long[] state) {
        Objects.checkFromIndexSize(offset, length, xs.length);
        if (length <= Digest.ELEMENTS) {
            for (int i = 0; i < Digest.ELEMENTS; i++) {
                dst[dstOffset + i] = i < length ? LazyField.canonical(xs[offset + i]) : 0;
            }
            return;
        }
        Arrays.fill(state, 0);
        for (int start = 0; start < length; start += RATE) {
            int k = Math.min(RATE, length - start);
            System.arraycopy(xs, offset + start, state, 0, k);
            Poseidon2.permute(state);
        }
        System.arraycopy(state, 0, dst, dstOffset, Digest.ELEMENTS);
    }

    public static Digest twoToOne(Digest a, Digest b) {
        long[] state = new long[WIDTH];
        a.copyTo(state, 0);
        b.copyTo(state, Digest.ELEMENTS);
        Poseidon2.permute(state);
        return Digest.of(state, 0);
    }

    /**
     * Compresses the digests at src[left..left+4) and src[right..right+4) into dst[dstOffset..dstOffset+4).
     * {@code state} is 12 elements of scratch space.
     */
    public static void twoToOne(long[] src, int left, int right, long[] dst, int dstOffset, long[] state) {
        System.arraycopy(src, left, state, 0, Digest.ELEMENTS);
        System.arraycopy(src, right, state, Digest.ELEMENTS, Digest.ELEMENTS);
        Arrays.fill(state, 2 * Digest.ELEMENTS, WIDTH, 0);
        Poseidon2.permute(state);
        System.arraycopy(state, 0, dst, dstOffset, Digest.ELEMENTS);
    }
}
