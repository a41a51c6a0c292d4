package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.List;

/**
 * A FRI proof, in transcript order: the cap of each reduction layer, the final polynomial, the proof-of-work nonce,
 * and one query round per query index. Arrays are copied in and must not be changed through the accessors.
 *
 * @param layerCaps the cap of the committed codeword of each reduction step, first step first
 * @param finalPoly the final polynomial's coefficients as flat extension pairs (c0, c1), lowest degree first
 * @param powNonce the proof-of-work witness, a canonical field element
 * @param queryRounds one round per query, in the order the indices were drawn
 */
public record FriProof(List<MerkleCap> layerCaps, long[] finalPoly, long powNonce, List<FriQueryRound> queryRounds) {
    public FriProof {
        layerCaps = List.copyOf(layerCaps);
        finalPoly = finalPoly.clone();
        queryRounds = List.copyOf(queryRounds);
    }
}
