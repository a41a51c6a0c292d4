package dev.zkcluster.proof.hash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Poseidon2Test {
    private static final long P = Goldilocks.P;

    @Test
    void reproducesEveryTestVectorOfTheSharedFile() {
        List<long[][]> vectors = Poseidon2VectorFile.load().testVectors();
        assertFalse(vectors.isEmpty(), "the vector file has no test vectors");
        for (long[][] v : vectors) {
            long[] state = v[0].clone();
            Poseidon2.permute(state);
            assertArrayEquals(v[1], state);
        }
    }

    @Test
    void initialRoundConstantsEqualTheSharedFile() {
        assertArrayEquals(Poseidon2VectorFile.load().array("external_initial_round_constants"),
                Poseidon2.externalInitialRoundConstants());
    }

    @Test
    void finalRoundConstantsEqualTheSharedFile() {
        assertArrayEquals(Poseidon2VectorFile.load().array("external_final_round_constants"),
                Poseidon2.externalFinalRoundConstants());
    }

    @Test
    void internalRoundConstantsEqualTheSharedFile() {
        assertArrayEquals(Poseidon2VectorFile.load().array("internal_round_constants"),
                Poseidon2.internalRoundConstants());
    }

    @Test
    void internalDiagonalEqualsTheSharedFileAndItsStatedMeaning() {
        long[] diagonal = Poseidon2.internalDiagonal();
        assertArrayEquals(Poseidon2VectorFile.load().array("internal_diagonal"), diagonal);
        // The permutation applies D as (−2, 1, 2, 1/2, 3, 4, −1/2, −3, −4, 1/4, −1/4, 1/8) by shifts and adds.
        long half = Goldilocks.inverse(2);
        long quarter = Goldilocks.inverse(4);
        long[] meaning = {
            Goldilocks.neg(2), 1, 2, half, 3, 4, Goldilocks.neg(half), Goldilocks.neg(3), Goldilocks.neg(4),
            quarter, Goldilocks.neg(quarter), Goldilocks.inverse(8)
        };
        assertArrayEquals(meaning, diagonal);
    }

    @Test
    void agreesWithLiteralReferenceOnRandomStates() {
        Poseidon2Reference reference = new Poseidon2Reference(Poseidon2VectorFile.load());
        SplittableRandom random = new SplittableRandom(0x5EED_0001L);
        for (int n = 0; n < 2000; n++) {
            long[] state = new long[12];
            for (int i = 0; i < 12; i++) {
                state[i] = Goldilocks.canonical(random.nextLong());
            }
            long[] expected = reference.permute(state);
            Poseidon2.permute(state);
            assertArrayEquals(expected, state, "random state #" + n);
        }
    }

    @Test
    void agreesWithLiteralReferenceOnExtremeStates() {
        Poseidon2Reference reference = new Poseidon2Reference(Poseidon2VectorFile.load());
        long[] extremes = {0, 1, 2, P - 1, P - 2, 1L << 63, (1L << 32) - 1, 1L << 32};
        SplittableRandom random = new SplittableRandom(0x5EED_0002L);
        for (int n = 0; n < 500; n++) {
            long[] state = new long[12];
            for (int i = 0; i < 12; i++) {
                state[i] = n < extremes.length ? extremes[n] : extremes[random.nextInt(extremes.length)];
            }
            long[] expected = reference.permute(state);
            Poseidon2.permute(state);
            assertArrayEquals(expected, state, "extreme state #" + n);
        }
    }

    @Test
    void nonCanonicalInputsPermuteLikeTheirReductions() {
        SplittableRandom random = new SplittableRandom(0x5EED_0003L);
        for (int n = 0; n < 1000; n++) {
            long[] raw = new long[12];
            long[] reduced = new long[12];
            for (int i = 0; i < 12; i++) {
                // Values in [p, 2^64) are non-canonical; mix them with ordinary ones.
                raw[i] = random.nextBoolean() ? P + random.nextLong(-P) : random.nextLong();
                reduced[i] = Goldilocks.canonical(raw[i]);
            }
            Poseidon2.permute(raw);
            Poseidon2.permute(reduced);
            assertArrayEquals(reduced, raw, "state #" + n);
        }
    }

    @Test
    void outputIsCanonical() {
        SplittableRandom random = new SplittableRandom(0x5EED_0004L);
        long[] state = new long[12];
        for (int n = 0; n < 2000; n++) {
            for (int i = 0; i < 12; i++) {
                state[i] = n % 2 == 0 ? random.nextLong() : -1L - random.nextInt(1 << 16);
            }
            Poseidon2.permute(state);
            for (long x : state) {
                assertTrue(Long.compareUnsigned(x, P) < 0, "non-canonical output " + Long.toUnsignedString(x));
            }
        }
    }

    @Test
    void permutationIsNotTheIdentityOnZero() {
        long[] state = new long[12];
        Poseidon2.permute(state);
        assertEquals(12, state.length);
        assertFalse(java.util.Arrays.equals(new long[12], state));
    }
}
