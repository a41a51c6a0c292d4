package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact shape of a FRI proof for one configuration, degree and set of initial oracles: every count in it.
 * The codec decodes against a shape, so untrusted bytes can never make it allocate more than this, and the
 * verifier checks a proof against it before reading anything.
 *
 * @param numQueries query rounds
 * @param oracles per initial oracle: its row width and Merkle path length
 * @param layers per reduction step: its arity bits, cap size and Merkle path length
 * @param finalPolyLength coefficients of the final polynomial
 */
public record FriProofShape(int numQueries, List<OracleShape> oracles, List<LayerShape> layers, int finalPolyLength) {
    /** An initial oracle: {@code width} base-field values a row, proofs of {@code siblings} digests. */
    public record OracleShape(int width, int capSize, int siblings) {}

    /** A reduction layer: leaves of 2^arityBits extension values, a cap of capSize digests, paths of siblings digests. */
    public record LayerShape(int arityBits, int capSize, int siblings) {}

    public FriProofShape {
        oracles = List.copyOf(oracles);
        layers = List.copyOf(layers);
    }

    /**
     * The shape for a codeword (or combined openings) of degree below 2^degreeBits, with initial oracles of the given
     * widths committed on the same LDE (no oracles for a plain low-degree test).
     */
    public static FriProofShape of(FriConfig config, int degreeBits, List<Integer> oracleWidths) {
        int logN = degreeBits + config.rateBits();
        int oracleCap = config.capHeight(logN);
        List<OracleShape> oracles = new ArrayList<>(oracleWidths.size());
        for (int width : oracleWidths) {
            if (width < 1) {
                throw new IllegalArgumentException("an oracle has at least one column, got " + width);
            }
            oracles.add(new OracleShape(width, 1 << oracleCap, logN - oracleCap));
        }
        List<LayerShape> layers = new ArrayList<>();
        for (int arityBits : config.reductionArityBits(degreeBits)) {
            int leafBits = logN - arityBits;
            int cap = config.capHeight(leafBits);
            layers.add(new LayerShape(arityBits, 1 << cap, leafBits - cap));
            logN = leafBits;
        }
        return new FriProofShape(config.numQueries(), oracles, layers, 1 << config.finalPolyBits(degreeBits));
    }

    /** The number of bytes {@link FriProofCodec} writes for a proof of this shape. */
    public long encodedSize() {
        long caps = 1;
        for (LayerShape layer : layers) {
            caps += 2 + (long) layer.capSize * FriProofCodec.DIGEST_BYTES;
        }
        long round = 1 + 1;
        for (OracleShape oracle : oracles) {
            round += 4 + 8L * oracle.width + 1 + (long) oracle.siblings * FriProofCodec.DIGEST_BYTES;
        }
        for (LayerShape layer : layers) {
            round += 2 + (16L << layer.arityBits) + 1 + (long) layer.siblings * FriProofCodec.DIGEST_BYTES;
        }
        long finalPoly = 4 + 16L * finalPolyLength;
        long queries = 2 + round * numQueries;
        return FriProofCodec.HEADER_BYTES + 4 * 4 + caps + finalPoly + 8 + queries;
    }

    /** Null if the proof has exactly this shape, otherwise what differs. */
    public String mismatch(FriProof proof) {
        if (proof.layerCaps().size() != layers.size()) {
            return "expected " + layers.size() + " layer caps, got " + proof.layerCaps().size();
        }
        for (int i = 0; i < layers.size(); i++) {
            if (proof.layerCaps().get(i).size() != layers.get(i).capSize) {
                return "layer " + i + " cap has " + proof.layerCaps().get(i).size() + " digests, expected "
                        + layers.get(i).capSize;
            }
        }
        if (proof.finalPoly().length != 2 * finalPolyLength) {
            return "final polynomial has " + proof.finalPoly().length / 2 + " coefficients, expected " + finalPolyLength;
        }
        if (proof.queryRounds().size() != numQueries) {
            return "expected " + numQueries + " query rounds, got " + proof.queryRounds().size();
        }
        for (int q = 0; q < numQueries; q++) {
            String reason = mismatch(proof.queryRounds().get(q));
            if (reason != null) {
                return "query " + q + ": " + reason;
            }
        }
        return null;
    }

    private String mismatch(FriQueryRound round) {
        if (round.oracleOpenings().size() != oracles.size()) {
            return "expected " + oracles.size() + " oracle openings, got " + round.oracleOpenings().size();
        }
        for (int o = 0; o < oracles.size(); o++) {
            FriOracleOpening opening = round.oracleOpenings().get(o);
            OracleShape shape = oracles.get(o);
            if (opening.row().length != shape.width) {
                return "oracle " + o + " row has " + opening.row().length + " values, expected " + shape.width;
            }
            if (opening.proof().siblings().size() != shape.siblings) {
                return "oracle " + o + " path has " + opening.proof().siblings().size() + " siblings, expected "
                        + shape.siblings;
            }
        }
        if (round.layerOpenings().size() != layers.size()) {
            return "expected " + layers.size() + " layer openings, got " + round.layerOpenings().size();
        }
        for (int i = 0; i < layers.size(); i++) {
            FriLayerOpening opening = round.layerOpenings().get(i);
            LayerShape shape = layers.get(i);
            if (opening.values().length != 2 << shape.arityBits) {
                return "layer " + i + " leaf has " + opening.values().length / 2 + " values, expected "
                        + (1 << shape.arityBits);
            }
            if (opening.proof().siblings().size() != shape.siblings) {
                return "layer " + i + " path has " + opening.proof().siblings().size() + " siblings, expected "
                        + shape.siblings;
            }
        }
        return null;
    }

    /** Null if every oracle cap has the size this shape expects. */
    String capMismatch(List<MerkleCap> oracleCaps) {
        if (oracleCaps.size() != oracles.size()) {
            return "expected " + oracles.size() + " oracle caps, got " + oracleCaps.size();
        }
        for (int o = 0; o < oracles.size(); o++) {
            if (oracleCaps.get(o).size() != oracles.get(o).capSize) {
                return "oracle " + o + " cap has " + oracleCaps.get(o).size() + " digests, expected "
                        + oracles.get(o).capSize;
            }
        }
        return null;
    }
}
