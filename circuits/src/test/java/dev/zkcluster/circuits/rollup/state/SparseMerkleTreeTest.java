package dev.zkcluster.circuits.rollup.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree.WitnessFit;
import org.junit.jupiter.api.Test;

class SparseMerkleTreeTest {

    // the test's own empty-subtree chain: e₀ = 0, e_{k+1} = twoToOne(e_k, e_k)
    private static Digest emptyAt(int level) {
        Digest d = Digest.ZERO;
        for (int k = 0; k < level; k++) {
            d = Poseidon2Hash.twoToOne(d, d);
        }
        return d;
    }

    // the root of the subtree of the given height over leaves given by index within it, computed top-down
    private static Digest naiveRoot(int height, Map<Long, Digest> leaves) {
        if (leaves.isEmpty()) {
            return emptyAt(height);
        }
        if (height == 0) {
            return leaves.values().iterator().next();
        }
        Map<Long, Digest> left = new HashMap<>();
        Map<Long, Digest> right = new HashMap<>();
        long half = 1L << (height - 1);
        leaves.forEach((i, d) -> (i < half ? left : right).put(i < half ? i : i - half, d));
        return Poseidon2Hash.twoToOne(naiveRoot(height - 1, left), naiveRoot(height - 1, right));
    }

    private static Digest randomDigest(Random random) {
        return new Digest(random.nextInt(), random.nextInt(), random.nextInt(), random.nextInt() & 0x7fffffff);
    }

    @Test
    void emptyRootIsTheEmptySubtreeAtDepth32() {
        assertEquals(emptyAt(32), new SparseMerkleTree().root());
        assertEquals(emptyAt(32), SparseMerkleTree.emptySubtree(32));
    }

    @Test
    void rootAgreesWithATopDownRecomputationFromAllLeaves() {
        Random random = new Random(3);
        SparseMerkleTree tree = new SparseMerkleTree();
        Map<Long, Digest> leaves = new HashMap<>();
        for (int k = 0; k < 40; k++) {
            // clustered and far-apart indices, so shared and disjoint paths both occur
            long index = k % 2 == 0 ? random.nextInt(16) : random.nextLong() >>> 32;
            Digest leaf = randomDigest(random);
            tree.setLeaf(index, leaf);
            leaves.put(index, leaf);
        }
        assertEquals(naiveRoot(32, leaves), tree.root());
    }

    @Test
    void everyPathVerifiesAgainstTheRootAndAnAlteredOneDoesNot() {
        Random random = new Random(4);
        SparseMerkleTree tree = new SparseMerkleTree();
        List<Long> indices = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            long index = random.nextLong() >>> 32;
            indices.add(index);
            tree.setLeaf(index, randomDigest(random));
        }
        indices.add(0xFFFF_FFFFL);
        for (long index : indices) {
            List<Digest> path = tree.path(index);
            assertTrue(SparseMerkleTree.verifyPath(tree.root(), index, tree.leaf(index), path));
            // an empty leaf between empty neighbours is the one case where the position does not matter
            if (!tree.leaf(index).equals(Digest.ZERO)) {
                assertFalse(SparseMerkleTree.verifyPath(tree.root(), index ^ 1, tree.leaf(index), path));
            }
            List<Digest> altered = new ArrayList<>(path);
            altered.set(31, Poseidon2Hash.twoToOne(path.get(31), path.get(31)));
            assertFalse(SparseMerkleTree.verifyPath(tree.root(), index, tree.leaf(index), altered));
        }
    }

    @Test
    void bitIOfTheIndexMakesTheRunningNodeTheRightChild() {
        SparseMerkleTree tree = new SparseMerkleTree();
        Digest leaf = new Digest(1, 2, 3, 4);
        tree.setLeaf(1, leaf);
        Digest expected = Poseidon2Hash.twoToOne(Digest.ZERO, leaf);
        for (int level = 1; level < 32; level++) {
            expected = Poseidon2Hash.twoToOne(expected, emptyAt(level));
        }
        assertEquals(expected, tree.root());
    }

    @Test
    void updatingALeafBackToEmptyRestoresTheEmptyRoot() {
        SparseMerkleTree tree = new SparseMerkleTree();
        tree.set(77, new AccountState(5, 1, new Digest(9, 9, 9, 9)));
        assertNotEquals(emptyAt(32), tree.root());
        tree.set(77, AccountState.EMPTY);
        assertEquals(emptyAt(32), tree.root());
    }

    @Test
    void aPartialViewFromWitnessPathsTracksTheFullTree() {
        Random random = new Random(5);
        SparseMerkleTree full = new SparseMerkleTree();
        for (int k = 0; k < 30; k++) {
            full.setLeaf(random.nextLong() >>> 32, randomDigest(random));
        }
        long a = 12345;
        long b = 12344;
        full.setLeaf(a, randomDigest(random));
        SparseMerkleTree partial = new SparseMerkleTree();
        assertEquals(WitnessFit.ADDED, partial.addWitness(full.root(), a, full.leaf(a), full.path(a)));
        assertEquals(WitnessFit.ADDED, partial.addWitness(full.root(), b, full.leaf(b), full.path(b)));
        assertEquals(full.root(), partial.root());
        Digest update = randomDigest(random);
        full.setLeaf(b, update);
        partial.setLeaf(b, update);
        assertEquals(full.root(), partial.root());
        assertEquals(full.path(a), partial.path(a));
    }

    @Test
    void aWitnessContradictingAnEarlierOneIsRefused() {
        SparseMerkleTree full = new SparseMerkleTree();
        full.setLeaf(8, new Digest(1, 1, 1, 1));
        full.setLeaf(9, new Digest(2, 2, 2, 2));
        SparseMerkleTree partial = new SparseMerkleTree();
        assertEquals(WitnessFit.ADDED, partial.addWitness(full.root(), 8, full.leaf(8), full.path(8)));
        Digest before = partial.root();
        // leaf 9 claimed with another value: its path's sibling (leaf 8) agrees, but it does not reach the root
        assertEquals(WitnessFit.OTHER_ROOT, partial.addWitness(full.root(), 9, new Digest(3, 3, 3, 3), full.path(9)));
        // a path that reaches the root it is given, but not the one the view already holds
        SparseMerkleTree other = new SparseMerkleTree();
        other.setLeaf(9, new Digest(3, 3, 3, 3));
        assertEquals(WitnessFit.CONTRADICTS, partial.addWitness(other.root(), 9, other.leaf(9), other.path(9)));
        assertEquals(before, partial.root());
        assertEquals(full.leaf(8), partial.leaf(8));
    }

    @Test
    void witnessPathsOfManyLeavesAddUpToTheFullTreeWhateverTheirOrder() {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            SparseMerkleTree full = new SparseMerkleTree();
            List<Long> indices = new ArrayList<>();
            int leaves = 1 + random.nextInt(40);
            for (int k = 0; k < leaves; k++) {
                // clustered indices, so that paths share long stretches, and a few far apart
                long index = k % 4 == 0 ? random.nextLong() >>> 32 : 1000 + random.nextInt(64);
                if (!indices.contains(index)) {
                    indices.add(index);
                    full.setLeaf(index, randomDigest(random));
                }
            }
            java.util.Collections.shuffle(indices, random);
            SparseMerkleTree partial = new SparseMerkleTree();
            for (long index : indices) {
                List<Digest> path = full.path(index);
                // a wrong leaf, or a wrong sibling at any level, never reaches the root and leaves the view as it was
                Digest rootBefore = partial.root();
                assertEquals(WitnessFit.OTHER_ROOT,
                        partial.addWitness(full.root(), index, randomDigest(random), path));
                List<Digest> altered = new ArrayList<>(path);
                int level = random.nextInt(SparseMerkleTree.DEPTH);
                altered.set(level, randomDigest(random));
                assertEquals(WitnessFit.OTHER_ROOT, partial.addWitness(full.root(), index, full.leaf(index), altered),
                        "sibling at level " + level);
                assertEquals(rootBefore, partial.root());
                assertEquals(WitnessFit.ADDED, partial.addWitness(full.root(), index, full.leaf(index), path));
                assertEquals(full.root(), partial.root());
            }
            for (long index : indices) {
                assertEquals(full.path(index), partial.path(index));
            }
            // updates on the view track the full tree
            long index = indices.get(0);
            Digest update = randomDigest(random);
            full.setLeaf(index, update);
            partial.setLeaf(index, update);
            assertEquals(full.root(), partial.root());
        }
    }
}
