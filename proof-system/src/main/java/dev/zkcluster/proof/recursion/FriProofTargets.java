package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.fri.FriLayerOpening;
import dev.zkcluster.proof.fri.FriOracleOpening;
import dev.zkcluster.proof.fri.FriProof;
import dev.zkcluster.proof.fri.FriProofShape;
import dev.zkcluster.proof.fri.FriQueryRound;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.merkle.MerkleProof;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/**
 * A FRI proof as witness targets of a recursive verifier, laid out by a {@link FriProofShape}. Digests and caps are
 * lists of 4-target digests.
 */
public record FriProofTargets(
        FriProofShape shape,
        List<List<List<Target>>> layerCaps,
        List<ExtTarget> finalPoly,
        Target powNonce,
        List<Query> queries) {

    /** One query round: each oracle's row and path, then each layer's leaf values and path. */
    public record Query(
            List<List<Target>> oracleRows,
            List<List<List<Target>>> oraclePaths,
            List<List<ExtTarget>> layerValues,
            List<List<List<Target>>> layerPaths) {}

    public static FriProofTargets allocate(CircuitBuilder b, FriProofShape shape) {
        List<List<List<Target>>> caps = new ArrayList<>();
        for (FriProofShape.LayerShape layer : shape.layers()) {
            caps.add(digests(b, layer.capSize()));
        }
        List<ExtTarget> finalPoly = exts(b, shape.finalPolyLength());
        List<Query> queries = new ArrayList<>();
        for (int q = 0; q < shape.numQueries(); q++) {
            List<List<Target>> rows = new ArrayList<>();
            List<List<List<Target>>> oraclePaths = new ArrayList<>();
            for (FriProofShape.OracleShape oracle : shape.oracles()) {
                rows.add(targets(b, oracle.width()));
                oraclePaths.add(digests(b, oracle.siblings()));
            }
            List<List<ExtTarget>> values = new ArrayList<>();
            List<List<List<Target>>> layerPaths = new ArrayList<>();
            for (FriProofShape.LayerShape layer : shape.layers()) {
                values.add(exts(b, 1 << layer.arityBits()));
                layerPaths.add(digests(b, layer.siblings()));
            }
            queries.add(new Query(rows, oraclePaths, values, layerPaths));
        }
        return new FriProofTargets(shape, caps, finalPoly, b.addVirtualTarget(), queries);
    }

    /** Sets every target from a proof, which must have this shape. */
    public void set(PartialWitness w, FriProof proof) {
        String mismatch = shape.mismatch(proof);
        if (mismatch != null) {
            throw new IllegalArgumentException("the FRI proof does not fit the recursive verifier: " + mismatch);
        }
        for (int i = 0; i < layerCaps.size(); i++) {
            setCap(w, layerCaps.get(i), proof.layerCaps().get(i));
        }
        long[] coeffs = proof.finalPoly();
        for (int i = 0; i < finalPoly.size(); i++) {
            w.set(finalPoly.get(i), coeffs[2 * i], coeffs[2 * i + 1]);
        }
        w.set(powNonce, proof.powNonce());
        for (int q = 0; q < queries.size(); q++) {
            Query query = queries.get(q);
            FriQueryRound round = proof.queryRounds().get(q);
            for (int o = 0; o < query.oracleRows().size(); o++) {
                FriOracleOpening opening = round.oracleOpenings().get(o);
                setAll(w, query.oracleRows().get(o), opening.row());
                setPath(w, query.oraclePaths().get(o), opening.proof());
            }
            for (int l = 0; l < query.layerValues().size(); l++) {
                FriLayerOpening opening = round.layerOpenings().get(l);
                long[] v = opening.values();
                List<ExtTarget> targets = query.layerValues().get(l);
                for (int i = 0; i < targets.size(); i++) {
                    w.set(targets.get(i), v[2 * i], v[2 * i + 1]);
                }
                setPath(w, query.layerPaths().get(l), opening.proof());
            }
        }
    }

    static List<Target> targets(CircuitBuilder b, int n) {
        List<Target> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(b.addVirtualTarget());
        }
        return out;
    }

    static List<ExtTarget> exts(CircuitBuilder b, int n) {
        List<ExtTarget> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ExtTarget(b.addVirtualTarget(), b.addVirtualTarget()));
        }
        return out;
    }

    static List<List<Target>> digests(CircuitBuilder b, int n) {
        List<List<Target>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(targets(b, Digest.ELEMENTS));
        }
        return out;
    }

    static void setAll(PartialWitness w, List<Target> targets, long[] values) {
        if (targets.size() != values.length) {
            throw new IllegalArgumentException(values.length + " values for " + targets.size() + " targets");
        }
        for (int i = 0; i < values.length; i++) {
            w.set(targets.get(i), values[i]);
        }
    }

    static void setCap(PartialWitness w, List<List<Target>> targets, MerkleCap cap) {
        if (targets.size() != cap.size()) {
            throw new IllegalArgumentException("a cap of " + cap.size() + " digests for " + targets.size());
        }
        for (int i = 0; i < cap.size(); i++) {
            setAll(w, targets.get(i), cap.get(i).toArray());
        }
    }

    static void setPath(PartialWitness w, List<List<Target>> targets, MerkleProof path) {
        if (targets.size() != path.siblings().size()) {
            throw new IllegalArgumentException("a path of " + path.siblings().size() + " for " + targets.size());
        }
        for (int i = 0; i < targets.size(); i++) {
            setAll(w, targets.get(i), path.siblings().get(i).toArray());
        }
    }
}
