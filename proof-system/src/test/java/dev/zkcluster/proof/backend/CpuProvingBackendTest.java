package dev.zkcluster.proof.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriFolding;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.merkle.MerkleTree;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Horner;
import dev.zkcluster.proof.poly.Ntt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each CPU kernel equals a direct reference computation with the primitives. */
class CpuProvingBackendTest {
    private final CpuProvingBackend backend = new CpuProvingBackend();
    private final SplittableRandom random = new SplittableRandom(42);

    private long[][] randomColumns(int count, int length) {
        long[][] columns = new long[count][length];
        for (long[] column : columns) {
            for (int i = 0; i < length; i++) {
                column[i] = Goldilocks.canonical(random.nextLong());
            }
        }
        return columns;
    }

    @Test
    void forwardNttEqualsEvaluationAtTheRootsOfUnity() {
        long[][] coefficients = randomColumns(3, 64);
        long[][] values = copy(coefficients);
        backend.forwardNtt(values);
        long omega = Goldilocks.primitiveRootOfUnity(6);
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < 64; i++) {
                assertEquals(Horner.evaluate(coefficients[c], Goldilocks.exp(omega, i)), values[c][i]);
            }
        }
    }

    @Test
    void inverseNttUndoesForwardNtt() {
        long[][] coefficients = randomColumns(5, 256);
        long[][] values = copy(coefficients);
        backend.forwardNtt(values);
        backend.inverseNtt(values);
        assertArrayEquals(coefficients, values);
    }

    @Test
    void cosetLdeIsTheEvaluationAtBitReversedCosetPoints() {
        long[][] coefficients = randomColumns(4, 32);
        long[][] lde = backend.cosetLde(coefficients, 3, 7);
        long omega = Goldilocks.primitiveRootOfUnity(8);
        for (int c = 0; c < 4; c++) {
            assertEquals(256, lde[c].length);
            for (int p = 0; p < 256; p++) {
                long x = Goldilocks.mul(7, Goldilocks.exp(omega, BitReversal.reverse(p, 8)));
                assertEquals(Horner.evaluate(coefficients[c], x), lde[c][p], "column " + c + ", position " + p);
            }
        }
    }

    @Test
    void cosetInterpolateRecoversTheCoefficients() {
        long[][] coefficients = randomColumns(3, 128);
        long[][] lde = backend.cosetLde(coefficients, 2, 7);
        long[][] recovered = backend.cosetInterpolate(lde, 7);
        for (int c = 0; c < 3; c++) {
            for (int k = 0; k < recovered[c].length; k++) {
                assertEquals(k < 128 ? coefficients[c][k] : 0, recovered[c][k], "coefficient " + k);
            }
        }
    }

    @Test
    void merkleLevelsHashRowsAndPairsUpToTheCap() {
        long[][] columns = randomColumns(13, 64);
        long[][] levels = backend.merkleLevels(columns, 2);
        assertEquals(5, levels.length);
        long[] row = new long[13];
        for (int i = 0; i < 64; i++) {
            for (int c = 0; c < 13; c++) {
                row[c] = columns[c][i];
            }
            assertEquals(Poseidon2Hash.hashNoPad(row), Digest.of(levels[0], 4 * i));
        }
        for (int l = 1; l < levels.length; l++) {
            for (int i = 0; i < levels[l].length / 4; i++) {
                assertEquals(Poseidon2Hash.twoToOne(Digest.of(levels[l - 1], 8 * i), Digest.of(levels[l - 1], 8 * i + 4)),
                        Digest.of(levels[l], 4 * i));
            }
        }
        assertEquals(MerkleTree.fromColumns(columns, 2).cap(),
                MerkleTree.fromColumnsAndLevels(columns, levels).cap());
    }

    @Test
    void friFoldEqualsTheFoldingPrimitive() {
        long[] codeword = randomColumns(1, 2 << 10)[0];
        Ext2 beta = new Ext2(random.nextLong() >>> 1, random.nextLong() >>> 1);
        assertArrayEquals(FriFolding.foldCodeword(codeword, 10, 7, 4, beta),
                backend.friFold(codeword, 10, 7, 4, beta.c0(), beta.c1()));
    }

    @Test
    void forwardNttMatchesThePolyPackage() {
        long[][] coefficients = randomColumns(2, 1 << 12);
        long[][] viaBackend = copy(coefficients);
        backend.forwardNtt(viaBackend);
        for (int c = 0; c < 2; c++) {
            long[] direct = coefficients[c].clone();
            Ntt.forward(direct);
            assertArrayEquals(direct, viaBackend[c]);
        }
    }

    private static long[][] copy(long[][] columns) {
        long[][] out = new long[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c].clone();
        }
        return out;
    }
}
