package dev.zkcluster.proof.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Poseidon2HashTest {
    private static long[] randomElements(SplittableRandom random, int n) {
        long[] xs = new long[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Goldilocks.canonical(random.nextLong());
        }
        return xs;
    }

    // The documented sponge, written out: zero state; each chunk of up to 8 overwrites the front; permute.
    private static Digest literalSponge(long[] xs) {
        long[] state = new long[12];
        int i = 0;
        while (i < xs.length) {
            for (int j = 0; j < 8 && i < xs.length; j++, i++) {
                state[j] = xs[i];
            }
            Poseidon2.permute(state);
        }
        return new Digest(state[0], state[1], state[2], state[3]);
    }

    @Test
    void inputsOfAtMostFourElementsAreTheirOwnZeroPaddedDigest() {
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n <= 4; n++) {
            long[] xs = randomElements(random, n);
            long[] padded = Arrays.copyOf(xs, 4);
            assertArrayEquals(padded, Poseidon2Hash.hashNoPad(xs).toArray(), "length " + n);
        }
        assertEquals(Digest.ZERO, Poseidon2Hash.hashNoPad(new long[0]));
    }

    @Test
    void longerInputsAgreeWithLiteralSponge() {
        SplittableRandom random = new SplittableRandom(12);
        for (int n : new int[] {5, 7, 8, 9, 15, 16, 17, 24, 32, 135}) {
            long[] xs = randomElements(random, n);
            assertEquals(literalSponge(xs), Poseidon2Hash.hashNoPad(xs), "length " + n);
        }
    }

    @Test
    void partialLastChunkKeepsTheRestOfTheState() {
        long[] nine = new long[9];
        Arrays.fill(nine, 3);
        long[] state = new long[12];
        Arrays.fill(state, 0, 8, 3);
        Poseidon2.permute(state);
        state[0] = 3;
        Poseidon2.permute(state);
        assertArrayEquals(Arrays.copyOf(state, 4), Poseidon2Hash.hashNoPad(nine).toArray());
    }

    @Test
    void sliceVariantHashesTheSliceOnly() {
        SplittableRandom random = new SplittableRandom(13);
        long[] flat = randomElements(random, 100);
        for (int[] slice : new int[][] {{0, 3}, {10, 17}, {37, 32}, {99, 1}, {50, 0}}) {
            long[] copy = Arrays.copyOfRange(flat, slice[0], slice[0] + slice[1]);
            assertEquals(Poseidon2Hash.hashNoPad(copy), Poseidon2Hash.hashNoPad(flat, slice[0], slice[1]));
        }
    }

    @Test
    void nonCanonicalInputsHashLikeTheirReductions() {
        SplittableRandom random = new SplittableRandom(14);
        for (int n : new int[] {3, 9}) {
            long[] raw = new long[n];
            long[] reduced = new long[n];
            for (int i = 0; i < n; i++) {
                raw[i] = Goldilocks.P + random.nextLong(-Goldilocks.P);
                reduced[i] = Goldilocks.canonical(raw[i]);
            }
            assertEquals(Poseidon2Hash.hashNoPad(reduced), Poseidon2Hash.hashNoPad(raw));
        }
    }

    @Test
    void twoToOnePermutesBothDigestsThenZeros() {
        SplittableRandom random = new SplittableRandom(15);
        Digest a = Digest.of(randomElements(random, 4));
        Digest b = Digest.of(randomElements(random, 4));
        long[] state = new long[12];
        a.copyTo(state, 0);
        b.copyTo(state, 4);
        Poseidon2.permute(state);
        assertEquals(Digest.of(state, 0), Poseidon2Hash.twoToOne(a, b));
        assertNotEquals(Poseidon2Hash.twoToOne(a, b), Poseidon2Hash.twoToOne(b, a));
    }

    @Test
    void flatTwoToOneMatchesDigestForm() {
        SplittableRandom random = new SplittableRandom(16);
        long[] flat = randomElements(random, 16);
        long[] dst = new long[8];
        long[] scratch = randomElements(random, 12);
        Poseidon2Hash.twoToOne(flat, 8, 0, dst, 4, scratch);
        assertEquals(Poseidon2Hash.twoToOne(Digest.of(flat, 8), Digest.of(flat, 0)), Digest.of(dst, 4));
    }

    @Test
    void flatHashNoPadIgnoresDirtyScratchState() {
        SplittableRandom random = new SplittableRandom(17);
        long[] xs = randomElements(random, 21);
        long[] dst = new long[4];
        Poseidon2Hash.hashNoPad(xs, 0, xs.length, dst, 0, randomElements(random, 12));
        assertEquals(literalSponge(xs), Digest.of(dst, 0));
    }
}
