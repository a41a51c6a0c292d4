package dev.zkcluster.proof.challenger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2;
import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChallengerTest {
    /** The class javadoc's semantics, written out with lists. */
    private static final class LiteralModel {
        final long[] state = new long[12];
        final List<Long> inputs = new ArrayList<>();
        final Deque<Long> outputs = new ArrayDeque<>();

        void observe(long x) {
            outputs.clear();
            inputs.add(Goldilocks.canonical(x));
            if (inputs.size() == 8) {
                duplex();
            }
        }

        long challenge() {
            if (!inputs.isEmpty() || outputs.isEmpty()) {
                duplex();
            }
            return outputs.removeFirst();
        }

        void duplex() {
            for (int i = 0; i < inputs.size(); i++) {
                state[i] = inputs.get(i);
            }
            inputs.clear();
            Poseidon2.permute(state);
            outputs.clear();
            for (int i = 0; i < 8; i++) {
                outputs.addLast(state[i]);
            }
        }
    }

    private static long[] script(Challenger challenger, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20; i++) {
            challenger.observe(random.nextLong());
        }
        return challenger.challenges(11);
    }

    @Test
    void sameObservationsGiveSameChallenges() {
        assertArrayEquals(script(new Challenger(), 41), script(new Challenger(), 41));
        assertFalse(Arrays.equals(script(new Challenger(), 41), script(new Challenger(), 42)));
    }

    @Test
    void observationOrderMatters() {
        Challenger ab = new Challenger();
        ab.observe(1);
        ab.observe(2);
        Challenger ba = new Challenger();
        ba.observe(2);
        ba.observe(1);
        assertNotEquals(ab.challenge(), ba.challenge());
    }

    @Test
    void observingAfterAChallengeChangesTheNextChallenge() {
        Challenger plain = new Challenger();
        plain.observe(5);
        plain.challenge();
        Challenger more = plain.copy();
        more.observe(0);
        assertNotEquals(plain.challenge(), more.challenge());
    }

    @Test
    void copyContinuesIdentically() {
        SplittableRandom random = new SplittableRandom(43);
        Challenger original = new Challenger();
        for (int i = 0; i < 13; i++) {
            original.observe(random.nextLong());
        }
        original.challenge();
        Challenger fork = original.copy();
        for (Challenger c : new Challenger[] {original, fork}) {
            c.observe(99);
            c.observe(new Digest(1, 2, 3, 4));
        }
        assertArrayEquals(original.challenges(20), fork.challenges(20));
        assertEquals(original.extChallenge(), fork.extChallenge());
    }

    @Test
    void copyIsIndependentOfTheOriginal() {
        Challenger original = new Challenger();
        original.observe(7);
        Challenger fork = original.copy();
        fork.observe(8);
        Challenger reference = new Challenger();
        reference.observe(7);
        assertEquals(reference.challenge(), original.challenge());
    }

    @Test
    void agreesWithLiteralModelOnRandomScripts() {
        SplittableRandom random = new SplittableRandom(44);
        for (int run = 0; run < 50; run++) {
            Challenger challenger = new Challenger();
            LiteralModel model = new LiteralModel();
            for (int step = 0; step < 200; step++) {
                if (random.nextInt(3) > 0) {
                    long x = random.nextInt(4) == 0 ? -1L - random.nextInt(1 << 20) : random.nextLong();
                    challenger.observe(x);
                    model.observe(x);
                } else {
                    assertEquals(model.challenge(), challenger.challenge(), "run " + run + " step " + step);
                }
            }
        }
    }

    @Test
    void compositeObservationsAreTheirElementsInOrder() {
        Digest d = new Digest(11, 12, 13, 14);
        MerkleCap cap = new MerkleCap(List.of(d, new Digest(21, 22, 23, 24)));
        Challenger composite = new Challenger();
        composite.observe(d);
        composite.observe(cap);
        composite.observe(new Ext2(31, 32));
        Challenger flat = new Challenger();
        flat.observe(new long[] {11, 12, 13, 14, 11, 12, 13, 14, 21, 22, 23, 24, 31, 32});
        assertArrayEquals(flat.challenges(9), composite.challenges(9));
    }

    @Test
    void extChallengeIsTwoBaseChallengesInOrder() {
        Challenger a = new Challenger();
        a.observe(3);
        Challenger b = a.copy();
        long c0 = b.challenge();
        long c1 = b.challenge();
        assertEquals(new Ext2(c0, c1), a.extChallenge());
    }

    @Test
    void challengesAfterEightObservationsAreTheDuplexedRateInIndexOrder() {
        Challenger challenger = new Challenger();
        long[] state = new long[12];
        for (int i = 0; i < 8; i++) {
            challenger.observe(100 + i);
            state[i] = 100 + i;
        }
        Poseidon2.permute(state);
        assertArrayEquals(Arrays.copyOf(state, 8), challenger.challenges(8));
        // The ninth squeeze permutes again with no input.
        Poseidon2.permute(state);
        assertEquals(state[0], challenger.challenge());
    }

    @Test
    void challengesAreCanonical() {
        Challenger challenger = new Challenger();
        challenger.observe(-1L);
        for (long c : challenger.challenges(100)) {
            assertTrue(Long.compareUnsigned(c, Goldilocks.P) < 0);
        }
    }

    @Test
    void challengeIndexIsTheLowBitsOfTheChallenge() {
        Challenger a = new Challenger();
        a.observe(17);
        Challenger b = a.copy();
        assertEquals(b.challenge() & 0xFFF, a.challengeIndex(12));
    }
}
