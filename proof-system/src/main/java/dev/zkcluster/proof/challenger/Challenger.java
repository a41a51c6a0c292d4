package dev.zkcluster.proof.challenger;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2;
import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Fiat–Shamir transcript: a duplex sponge over {@link Poseidon2} with rate 8 and capacity 4.
 *
 * <p>It holds a 12-element state (initially zero), an input buffer of up to 8 elements and an output buffer of up
 * to 8 elements with a read position. Exactly:
 * <ul>
 *   <li><b>observe(x)</b>: the output buffer is emptied; x (canonicalized) is appended to the input buffer. If the
 *       input buffer now holds 8 elements, a <i>duplex</i> runs.
 *   <li><b>duplex</b>: the k buffered inputs overwrite state[0..k) (state[k..12) keep their values), the input
 *       buffer is emptied, the state is permuted, and the output buffer becomes state[0..8) with the read position
 *       at 0.
 *   <li><b>challenge()</b>: if the input buffer is non-empty or the output buffer is exhausted, a duplex runs
 *       first (with k = 0 it is a bare permutation). Then the element at the read position is returned and the
 *       position advances. Outputs are thus read in increasing index order: state[0], state[1], ..., state[7].
 *   <li>Composite values are observed element by element: a {@link Digest} as e0..e3, a {@link MerkleCap} as its
 *       digests in order, an {@link Ext2} as c0 then c1. {@link #extChallenge()} reads c0 then c1.
 * </ul>
 * After a full input buffer duplexes, its 8 outputs are pending, so a challenge right after 8 observations does
 * not permute again.
 */
public final class Challenger {
    public static final int RATE = 8;

    private final long[] state;
    private final long[] input;
    private int inputCount;
    private final long[] output;
    private int outputCount;
    private int outputPosition;

    public Challenger() {
        this.state = new long[Poseidon2.WIDTH];
        this.input = new long[RATE];
        this.output = new long[RATE];
    }

    private Challenger(Challenger other) {
        this.state = other.state.clone();
        this.input = other.input.clone();
        this.inputCount = other.inputCount;
        this.output = other.output.clone();
        this.outputCount = other.outputCount;
        this.outputPosition = other.outputPosition;
    }

    /** An independent transcript in the same state; both continue identically under the same calls. */
    public Challenger copy() {
        return new Challenger(this);
    }

    public void observe(long element) {
        outputCount = 0;
        outputPosition = 0;
        input[inputCount++] = Goldilocks.canonical(element);
        if (inputCount == RATE) {
            duplex();
        }
    }

    public void observe(long[] elements) {
        observe(elements, 0, elements.length);
    }

    public void observe(long[] elements, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, elements.length);
        for (int i = 0; i < length; i++) {
            observe(elements[offset + i]);
        }
    }

    public void observe(Digest digest) {
        observe(digest.e0());
        observe(digest.e1());
        observe(digest.e2());
        observe(digest.e3());
    }

    public void observe(MerkleCap cap) {
        for (Digest d : cap.digests()) {
            observe(d);
        }
    }

    public void observe(Ext2 element) {
        observe(element.c0());
        observe(element.c1());
    }

    /** A canonical base-field challenge. */
    public long challenge() {
        if (inputCount > 0 || outputPosition == outputCount) {
            duplex();
        }
        return output[outputPosition++];
    }

    public long[] challenges(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("challenge count must be non-negative, got " + n);
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = challenge();
        }
        return out;
    }

    /** An extension-field challenge: two base challenges, c0 then c1. */
    public Ext2 extChallenge() {
        long c0 = challenge();
        long c1 = challenge();
        return new Ext2(c0, c1);
    }

    public Ext2[] extChallenges(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("challenge count must be non-negative, got " + n);
        }
        Ext2[] out = new Ext2[n];
        for (int i = 0; i < n; i++) {
            out[i] = extChallenge();
        }
        return out;
    }

    /** A challenge reduced to its low {@code bits} bits, e.g. a query index into a domain of size 2^bits. */
    public int challengeIndex(int bits) {
        if (bits < 0 || bits > 31) {
            throw new IllegalArgumentException("index bits must be in [0, 31], got " + bits);
        }
        return (int) (challenge() & ((1L << bits) - 1));
    }

    private void duplex() {
        System.arraycopy(input, 0, state, 0, inputCount);
        inputCount = 0;
        Poseidon2.permute(state);
        System.arraycopy(state, 0, output, 0, RATE);
        outputCount = RATE;
        outputPosition = 0;
    }

    @Override
    public String toString() {
        return "Challenger[state=" + Arrays.toString(state) + ", inputs=" + inputCount
                + ", outputsLeft=" + (outputCount - outputPosition) + "]";
    }
}
