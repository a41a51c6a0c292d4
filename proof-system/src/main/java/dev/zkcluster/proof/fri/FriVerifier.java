package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.merkle.MerkleProof;
import java.util.ArrayList;
import java.util.List;

/**
 * The FRI verifier. It replays the transcript of {@link FriProver} on its own challenger, then checks for each query:
 * every Merkle path, that each layer's opened coset holds the value the previous step folded to (for openings, that
 * the first layer holds the combination of the opened rows), and that the last folded value is the final polynomial
 * at the query's final point. Every failure is a {@link FriVerification.Rejected} with the reason; nothing throws.
 */
public final class FriVerifier {
    private FriVerifier() {}

    /** Checks a proof from {@link FriProver#proveLowDegree}: the codeword under the first layer cap has low degree. */
    public static FriVerification verifyLowDegree(FriConfig config, int degreeBits, FriProof proof, Challenger challenger) {
        if (degreeBits < 0 || degreeBits > config.maxDegreeBits()) {
            return reject("degree bits " + degreeBits + " outside [0, " + config.maxDegreeBits() + "]");
        }
        FriProofShape shape = FriProofShape.of(config, degreeBits, List.of());
        return verify(config, degreeBits, shape, proof, challenger, null);
    }

    /** Checks a proof from {@link FriProver#proveOpenings} against the oracles' caps and the claimed values. */
    public static FriVerification verifyOpenings(
            FriConfig config,
            FriInstance instance,
            List<MerkleCap> oracleCaps,
            FriProof proof,
            Challenger challenger) {
        int degreeBits = instance.degreeBits();
        if (degreeBits < 0 || degreeBits > config.maxDegreeBits()) {
            return reject("degree bits " + degreeBits + " outside [0, " + config.maxDegreeBits() + "]");
        }
        FriProofShape shape = FriProofShape.of(config, degreeBits, instance.oracleWidths());
        String capMismatch = shape.capMismatch(oracleCaps);
        if (capMismatch != null) {
            return reject(capMismatch);
        }
        if (instance.hasPointInDomain(degreeBits + config.rateBits())) {
            return reject("an opening point lies on the LDE coset");
        }
        return verify(config, degreeBits, shape, proof, challenger, new Openings(instance, oracleCaps));
    }

    /** The statement of an opening proof: what was opened, and the caps of the oracles it was opened from. */
    private record Openings(FriInstance instance, List<MerkleCap> caps) {}

    private static FriVerification verify(
            FriConfig config, int degreeBits, FriProofShape shape, FriProof proof, Challenger challenger, Openings openings) {
        String mismatch = shape.mismatch(proof);
        if (mismatch != null) {
            return reject("proof shape: " + mismatch);
        }
        Ext2 alpha = null;
        if (openings != null) {
            for (FriOpeningBatch batch : openings.instance().batches()) {
                for (Ext2 value : batch.values()) {
                    challenger.observe(value);
                }
            }
            alpha = challenger.extChallenge();
        }
        int layerCount = shape.layers().size();
        Ext2[] betas = new Ext2[layerCount];
        for (int i = 0; i < layerCount; i++) {
            challenger.observe(proof.layerCaps().get(i));
            betas[i] = challenger.extChallenge();
        }
        challenger.observe(proof.finalPoly());
        if (Long.compareUnsigned(proof.powNonce(), Goldilocks.P) >= 0) {
            return reject("proof-of-work nonce is not a canonical field element");
        }
        challenger.observe(proof.powNonce());
        if (!FriProofOfWork.accepts(challenger.challenge(), config.powBits())) {
            return reject("proof-of-work response has fewer than " + config.powBits() + " leading zero bits");
        }
        int ldeBits = degreeBits + config.rateBits();
        for (int q = 0; q < config.numQueries(); q++) {
            int index = challenger.challengeIndex(ldeBits);
            String reason = checkQuery(shape, proof, proof.queryRounds().get(q), index, ldeBits, betas, openings, alpha);
            if (reason != null) {
                return reject("query " + q + " (index " + index + "): " + reason);
            }
        }
        return FriVerification.accepted();
    }

    private static String checkQuery(
            FriProofShape shape,
            FriProof proof,
            FriQueryRound round,
            int index,
            int ldeBits,
            Ext2[] betas,
            Openings openings,
            Ext2 alpha) {
        // The value the next layer must hold at the query's position; unknown for a plain codeword's first layer.
        Ext2 expected = null;
        if (openings != null) {
            List<long[]> rows = new ArrayList<>(openings.caps().size());
            for (int o = 0; o < openings.caps().size(); o++) {
                FriOracleOpening opening = round.oracleOpenings().get(o);
                if (!MerkleProof.verify(opening.row(), index, openings.caps().get(o), opening.proof())) {
                    return "oracle " + o + " row does not open its cap";
                }
                rows.add(opening.row());
            }
            long x = FriDomain.point(ldeBits, FriDomain.SHIFT, index);
            expected = FriCombination.value(openings.instance(), rows, alpha, x);
            if (expected == null) {
                return "query point is an opening point";
            }
        }
        int position = index;
        int logN = ldeBits;
        long shift = FriDomain.SHIFT;
        for (int i = 0; i < betas.length; i++) {
            int arityBits = shape.layers().get(i).arityBits();
            FriLayerOpening opening = round.layerOpenings().get(i);
            int leaf = position >>> arityBits;
            if (!MerkleProof.verify(opening.values(), leaf, proof.layerCaps().get(i), opening.proof())) {
                return "layer " + i + " leaf does not open its cap";
            }
            int slot = position & ((1 << arityBits) - 1);
            if (expected != null && !expected.equals(new Ext2(opening.values()[2 * slot], opening.values()[2 * slot + 1]))) {
                return i == 0 && openings != null
                        ? "layer 0 does not hold the combination of the opened rows"
                        : "layer " + i + " does not hold the value folded from layer " + (i - 1);
            }
            long x0Inv = FriDomain.pointInverse(logN, shift, leaf << arityBits);
            expected = FriFolding.foldCoset(opening.values(), 0, arityBits, x0Inv, betas[i]);
            position = leaf;
            logN -= arityBits;
            shift = FriDomain.shiftAfter(shift, arityBits);
        }
        if (expected != null) {
            long x = FriDomain.point(logN, shift, position);
            if (!FriFolding.evaluate(proof.finalPoly(), x).equals(expected)) {
                return "final polynomial does not match the last folded value";
            }
        }
        return null;
    }

    private static FriVerification reject(String reason) {
        return new FriVerification.Rejected(reason);
    }
}
