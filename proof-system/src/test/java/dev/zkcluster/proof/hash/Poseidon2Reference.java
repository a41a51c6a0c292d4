package dev.zkcluster.proof.hash;

import dev.zkcluster.proof.field.Goldilocks;

/**
 * A literal transcription of the vector file's "structure", with canonical Goldilocks operations and a general
 * multiplication by each diagonal entry. Constants come from the file, not from the class under test.
 */
final class Poseidon2Reference {
    private final long[] initial;
    private final long[] fin;
    private final long[] internal;
    private final long[] diagonal;

    Poseidon2Reference(Poseidon2VectorFile file) {
        this.initial = file.array("external_initial_round_constants");
        this.fin = file.array("external_final_round_constants");
        this.internal = file.array("internal_round_constants");
        this.diagonal = file.array("internal_diagonal");
    }

    long[] permute(long[] input) {
        long[] s = new long[12];
        for (int i = 0; i < 12; i++) {
            s[i] = Goldilocks.canonical(input[i]);
        }
        external(s);
        for (int r = 0; r < 4; r++) {
            full(s, initial, r);
        }
        for (int r = 0; r < 22; r++) {
            s[0] = pow7(Goldilocks.add(s[0], internal[r]));
            long total = 0;
            for (long x : s) {
                total = Goldilocks.add(total, x);
            }
            for (int i = 0; i < 12; i++) {
                s[i] = Goldilocks.add(Goldilocks.mul(s[i], diagonal[i]), total);
            }
        }
        for (int r = 0; r < 4; r++) {
            full(s, fin, r);
        }
        return s;
    }

    private static void full(long[] s, long[] constants, int r) {
        for (int i = 0; i < 12; i++) {
            s[i] = pow7(Goldilocks.add(s[i], constants[12 * r + i]));
        }
        external(s);
    }

    private static final long[][] M4 = {{2, 3, 1, 1}, {1, 2, 3, 1}, {1, 1, 2, 3}, {3, 1, 1, 2}};

    private static void external(long[] s) {
        long[] t = new long[12];
        for (int k = 0; k < 12; k += 4) {
            for (int row = 0; row < 4; row++) {
                long acc = 0;
                for (int col = 0; col < 4; col++) {
                    acc = Goldilocks.add(acc, Goldilocks.mul(M4[row][col], s[k + col]));
                }
                t[k + row] = acc;
            }
        }
        for (int i = 0; i < 12; i++) {
            int k = i % 4;
            long sum = Goldilocks.add(Goldilocks.add(t[k], t[4 + k]), t[8 + k]);
            s[i] = Goldilocks.add(t[i], sum);
        }
    }

    private static long pow7(long x) {
        return Goldilocks.exp(x, 7);
    }
}
