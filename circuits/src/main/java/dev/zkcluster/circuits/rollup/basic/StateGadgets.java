package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.recursion.MerkleProofGadget;
import java.util.ArrayList;
import java.util.List;

/** The in-circuit state-tree rules shared by the basic circuits: leaf digests, path roots, gated checks. */
final class StateGadgets {
    private static final long MINUS_ONE = Goldilocks.neg(1);

    private final CircuitBuilder b;

    StateGadgets(CircuitBuilder builder) {
        this.b = builder;
    }

    CircuitBuilder builder() {
        return b;
    }

    List<Target> virtualDigest() {
        List<Target> out = new ArrayList<>(Digest.ELEMENTS);
        for (int i = 0; i < Digest.ELEMENTS; i++) {
            out.add(b.addVirtualTarget());
        }
        return out;
    }

    List<List<Target>> virtualPath() {
        List<List<Target>> path = new ArrayList<>(SparseMerkleTree.DEPTH);
        for (int level = 0; level < SparseMerkleTree.DEPTH; level++) {
            path.add(virtualDigest());
        }
        return path;
    }

    /**
     * 1 when x = 0, else 0, exactly: with the hint v = 1/x (or 0), t = 1 − x·v and x·t = 0 force t = 0 for x ≠ 0
     * and t = 1 for x = 0.
     */
    Target isZero(Target x, String where) {
        Target inverse = inverseHint(x, where);
        Target t = b.arithmetic(MINUS_ONE, x, inverse, 1, b.one());
        b.assertEqual(b.mul(x, t), b.zero());
        return t;
    }

    /** An unconstrained hint holding 1/x, or 0 when x = 0. */
    Target inverseHint(Target x, String where) {
        Target inverse = b.addVirtualTarget();
        b.addGenerator(new InverseOrZeroGenerator(x, inverse, where));
        return inverse;
    }

    /** Index bits of a leaf position, little-endian; constrains the index below 2^32. */
    List<Target> indexBits(Target index) {
        return b.splitBits(index, SparseMerkleTree.DEPTH);
    }

    /** 1 when all four public-key elements are 0; shared by a leaf's before and after digests. */
    Target pubkeyIsZero(List<Target> pubkey, String where) {
        Target all = isZero(pubkey.get(0), where);
        for (int i = 1; i < Digest.ELEMENTS; i++) {
            all = b.mul(all, isZero(pubkey.get(i), where));
        }
        return all;
    }

    /** The leaf digest of (balance, nonce, pubkey): [0, 0, 0, 0] when all are 0, else hashNoPad of the six. */
    List<Target> leafDigest(Target balance, Target nonce, List<Target> pubkey, Target pubkeyZero, String where) {
        Target empty = b.mul(b.mul(isZero(balance, where), isZero(nonce, where)), pubkeyZero);
        List<Target> encoding = new ArrayList<>(6);
        encoding.add(balance);
        encoding.add(nonce);
        encoding.addAll(pubkey);
        List<Target> hash = b.hashNoPad(encoding);
        List<Target> out = new ArrayList<>(Digest.ELEMENTS);
        // h − empty·h
        for (Target h : hash) {
            out.add(b.arithmetic(MINUS_ONE, empty, h, 1, h));
        }
        return out;
    }

    /** The root reached from a leaf through a 32-sibling path; bits are the index bits, little-endian. */
    List<Target> rootFromPath(List<Target> bits, List<Target> leaf, List<List<Target>> path) {
        return MerkleProofGadget.rootFromPath(b, leaf, bits, path);
    }

    /** active·(x − y) = 0: the equality holds wherever the slot is active. */
    void assertEqualIfActive(Target active, Target x, Target y) {
        b.assertEqual(b.mul(active, b.sub(x, y)), b.zero());
    }

    void assertEqualIfActive(Target active, List<Target> x, List<Target> y) {
        for (int i = 0; i < x.size(); i++) {
            assertEqualIfActive(active, x.get(i), y.get(i));
        }
    }

    /** active ? x : y for an active bit already constrained boolean. */
    List<Target> selectIfActive(Target active, List<Target> x, List<Target> y) {
        List<Target> out = new ArrayList<>(x.size());
        for (int i = 0; i < x.size(); i++) {
            out.add(b.mulAdd(active, b.sub(x.get(i), y.get(i)), y.get(i)));
        }
        return out;
    }

    /** h ← twoToOne(h, hashNoPad(encoding)), kept only where the slot is active. */
    List<Target> appendOp(Target active, List<Target> running, List<Target> encoding) {
        return selectIfActive(active, b.twoToOne(running, b.hashNoPad(encoding)), running);
    }

    void rangeCheckValue(Target value) {
        b.rangeCheck(value, AccountState.VALUE_BITS);
    }
}
