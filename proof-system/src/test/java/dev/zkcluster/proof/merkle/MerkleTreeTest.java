package dev.zkcluster.proof.merkle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    private static long[][] randomColumns(SplittableRandom random, int width, int leaves) {
        long[][] columns = new long[width][leaves];
        for (long[] column : columns) {
            for (int i = 0; i < leaves; i++) {
                column[i] = Goldilocks.canonical(random.nextLong());
            }
        }
        return columns;
    }

    private static long[][] transpose(long[][] columns) {
        long[][] rows = new long[columns[0].length][columns.length];
        for (int c = 0; c < columns.length; c++) {
            for (int i = 0; i < rows.length; i++) {
                rows[i][c] = columns[c][i];
            }
        }
        return rows;
    }

    // The tree by its definition: hash each row, then pair up level by level until 2^h digests are left.
    private static List<Digest> literalCap(long[][] rows, int capHeight) {
        List<Digest> level = new ArrayList<>();
        for (long[] row : rows) {
            level.add(Poseidon2Hash.hashNoPad(row));
        }
        while (level.size() > (1 << capHeight)) {
            List<Digest> up = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                up.add(Poseidon2Hash.twoToOne(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return level;
    }

    @Test
    void everyLeafProofVerifiesAgainstTheCap() {
        SplittableRandom random = new SplittableRandom(21);
        for (int logLeaves = 0; logLeaves <= 7; logLeaves++) {
            for (int capHeight : new int[] {0, 1, 2, 4, 6}) {
                long[][] columns = randomColumns(random, 1 + random.nextInt(20), 1 << logLeaves);
                MerkleTree tree = MerkleTree.fromColumns(columns, capHeight);
                MerkleCap cap = tree.cap();
                assertEquals(1 << Math.min(capHeight, logLeaves), cap.size());
                for (int i = 0; i < tree.leafCount(); i++) {
                    MerkleProof proof = tree.prove(i);
                    assertEquals(logLeaves - tree.capHeight(), proof.siblings().size());
                    assertTrue(MerkleProof.verify(tree.leaf(i), i, cap, proof),
                            "leaf " + i + " of 2^" + logLeaves + ", cap height " + capHeight);
                }
            }
        }
    }

    @Test
    void capEqualsTheLiteralDefinition() {
        SplittableRandom random = new SplittableRandom(22);
        long[][] columns = randomColumns(random, 13, 64);
        for (int capHeight : new int[] {0, 3, 4, 6, 9}) {
            assertEquals(literalCap(transpose(columns), Math.min(capHeight, 6)),
                    MerkleTree.fromColumns(columns, capHeight).cap().digests());
        }
    }

    @Test
    void treeSmallerThanTheCapHasTheLeafDigestsAsCapAndEmptyProofs() {
        SplittableRandom random = new SplittableRandom(23);
        long[][] columns = randomColumns(random, 9, 4);
        MerkleTree tree = MerkleTree.fromColumns(columns);
        assertEquals(2, tree.capHeight());
        for (int i = 0; i < 4; i++) {
            assertEquals(Poseidon2Hash.hashNoPad(tree.leaf(i)), tree.cap().get(i));
            assertTrue(tree.prove(i).siblings().isEmpty());
        }
    }

    @Test
    void defaultCapHeightIsFour() {
        MerkleTree tree = MerkleTree.fromColumns(randomColumns(new SplittableRandom(24), 3, 256));
        assertEquals(4, tree.capHeight());
        assertEquals(16, tree.cap().size());
    }

    @Test
    void changedLeafValueFailsVerification() {
        SplittableRandom random = new SplittableRandom(25);
        MerkleTree tree = MerkleTree.fromColumns(randomColumns(random, 10, 128), 2);
        for (int i = 0; i < tree.leafCount(); i += 7) {
            long[] leaf = tree.leaf(i);
            int at = random.nextInt(leaf.length);
            leaf[at] = Goldilocks.add(leaf[at], 1);
            assertFalse(MerkleProof.verify(leaf, i, tree.cap(), tree.prove(i)), "leaf " + i);
        }
    }

    @Test
    void changedSiblingFailsVerification() {
        SplittableRandom random = new SplittableRandom(26);
        MerkleTree tree = MerkleTree.fromColumns(randomColumns(random, 10, 128), 2);
        int index = 77;
        List<Digest> siblings = tree.prove(index).siblings();
        for (int level = 0; level < siblings.size(); level++) {
            for (int element = 0; element < 4; element++) {
                List<Digest> tampered = new ArrayList<>(siblings);
                long[] d = siblings.get(level).toArray();
                d[element] = Goldilocks.add(d[element], 1);
                tampered.set(level, Digest.of(d));
                assertFalse(MerkleProof.verify(tree.leaf(index), index, tree.cap(), new MerkleProof(tampered)),
                        "level " + level + " element " + element);
            }
        }
    }

    @Test
    void wrongIndexFailsVerification() {
        SplittableRandom random = new SplittableRandom(27);
        MerkleTree tree = MerkleTree.fromColumns(randomColumns(random, 5, 64), 2);
        int index = 21;
        long[] leaf = tree.leaf(index);
        MerkleProof proof = tree.prove(index);
        for (int other : new int[] {20, 22, 5, 53, 63, 0, 64, 1 << 20, -1, -21}) {
            assertFalse(MerkleProof.verify(leaf, other, tree.cap(), proof), "index " + other);
        }
    }

    @Test
    void proofForAnotherTreeFailsVerification() {
        SplittableRandom random = new SplittableRandom(28);
        MerkleTree tree = MerkleTree.fromColumns(randomColumns(random, 6, 32), 1);
        MerkleTree other = MerkleTree.fromColumns(randomColumns(random, 6, 32), 1);
        for (int i = 0; i < 32; i++) {
            assertFalse(MerkleProof.verify(tree.leaf(i), i, tree.cap(), other.prove(i)), "other tree's proof " + i);
            assertFalse(MerkleProof.verify(other.leaf(i), i, tree.cap(), other.prove(i)), "other tree's leaf " + i);
        }
    }

    @Test
    void proofFromATreeWithOneChangedLeafFailsOnlyWhereItsPathChanged() {
        SplittableRandom random = new SplittableRandom(33);
        long[][] columns = randomColumns(random, 6, 32);
        MerkleTree tree = MerkleTree.fromColumns(columns, 1);
        long[][] changed = new long[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            changed[c] = columns[c].clone();
        }
        changed[2][30] = Goldilocks.add(changed[2][30], 1);
        MerkleTree other = MerkleTree.fromColumns(changed, 1);
        // Every other leaf under leaf 30's cap entry has a changed node among its siblings; leaf 30 itself does not.
        for (int i = 16; i < 32; i++) {
            if (i == 30) {
                assertTrue(MerkleProof.verify(tree.leaf(i), i, tree.cap(), other.prove(i)));
                continue;
            }
            assertFalse(MerkleProof.verify(tree.leaf(i), i, tree.cap(), other.prove(i)), "leaf " + i);
        }
        assertTrue(MerkleProof.verify(tree.leaf(3), 3, tree.cap(), other.prove(3)));
    }

    @Test
    void truncatedOrExtendedProofFailsVerification() {
        SplittableRandom random = new SplittableRandom(29);
        MerkleTree tree = MerkleTree.fromColumns(randomColumns(random, 4, 64), 2);
        List<Digest> siblings = tree.prove(9).siblings();
        List<Digest> longer = new ArrayList<>(siblings);
        longer.add(Digest.ZERO);
        assertFalse(MerkleProof.verify(tree.leaf(9), 9, tree.cap(), new MerkleProof(siblings.subList(0, 3))));
        assertFalse(MerkleProof.verify(tree.leaf(9), 9, tree.cap(), new MerkleProof(longer)));
    }

    @Test
    void columnAndRowConstructionsGiveTheSameTree() {
        SplittableRandom random = new SplittableRandom(30);
        for (int width : new int[] {1, 4, 5, 8, 32, 135}) {
            long[][] columns = randomColumns(random, width, 64);
            long[][] rows = transpose(columns);
            MerkleTree byColumns = MerkleTree.fromColumns(columns, 3);
            MerkleTree byRows = MerkleTree.fromRows(rows, 3);
            assertEquals(byColumns.cap(), byRows.cap(), "width " + width);
            assertEquals(byColumns.prove(17), byRows.prove(17));
            assertArrayEquals(byColumns.leaf(17), byRows.leaf(17));
            assertArrayEquals(rows[17], byColumns.leaf(17));
        }
    }

    @Test
    void parallelBuildEqualsSequentialBuild() {
        SplittableRandom random = new SplittableRandom(31);
        long[][] columns = randomColumns(random, 17, 1 << 12);
        ForkJoinPool single = new ForkJoinPool(1);
        ForkJoinPool four = new ForkJoinPool(4);
        try {
            MerkleTree sequential = MerkleTree.fromColumns(columns, 4, single);
            MerkleTree parallel = MerkleTree.fromColumns(columns, 4, four);
            assertEquals(sequential.cap(), parallel.cap());
            assertEquals(sequential.cap(), MerkleTree.fromColumns(columns, 4).cap());
            assertEquals(sequential.cap(), four.submit(() -> MerkleTree.fromColumns(columns, 4, four).cap()).join());
            assertEquals(literalCap(transpose(columns), 4), parallel.cap().digests());
            for (int i = 0; i < columns[0].length; i += 97) {
                assertEquals(sequential.prove(i), parallel.prove(i));
            }
        } finally {
            single.shutdown();
            four.shutdown();
        }
    }

    @Test
    void rejectsLeafCountThatIsNotAPowerOfTwo() {
        long[][] columns = new long[3][12];
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.fromColumns(columns));
        assertThrows(IllegalArgumentException.class, () -> MerkleTree.fromRows(new long[0][]));
    }

    @Test
    void differentTreesHaveDifferentCaps() {
        SplittableRandom random = new SplittableRandom(32);
        assertNotEquals(MerkleTree.fromColumns(randomColumns(random, 3, 32)).cap(),
                MerkleTree.fromColumns(randomColumns(random, 3, 32)).cap());
    }
}
