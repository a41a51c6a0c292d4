package dev.zkcluster.proof.fri;

import java.util.List;

/**
 * Everything opened for one query index: the row of each initial oracle at that index, then the leaf of each
 * reduction layer on the index's path.
 */
public record FriQueryRound(List<FriOracleOpening> oracleOpenings, List<FriLayerOpening> layerOpenings) {
    public FriQueryRound {
        oracleOpenings = List.copyOf(oracleOpenings);
        layerOpenings = List.copyOf(layerOpenings);
    }
}
