package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.merkle.MerkleTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The FRI prover. Transcript, after whatever the caller observed before:
 * <ol>
 *   <li>openings only: observe every claimed value (batch order, then polynomial order), squeeze α;
 *   <li>per reduction step: observe the layer's cap, squeeze β;
 *   <li>observe the final polynomial's coefficients, lowest first, each as (c0, c1);
 *   <li>observe the proof-of-work nonce, squeeze the response (see {@link FriProofOfWork});
 *   <li>squeeze numQueries indices, each a challenge reduced to its low log2(LDE size) bits.
 * </ol>
 * The caller must already have observed the initial oracles' caps; the opening points come from its transcript. The
 * folds and the layer trees run on a {@link ProvingBackend}.
 */
public final class FriProver {
    private FriProver() {}

    /**
     * Proves that a codeword is close to a polynomial of degree below 2^degreeBits.
     *
     * @param codeword flat extension pairs on the coset 7·⟨ω⟩ of size 2^(degreeBits + rateBits), in bit-reversed
     *     order; the first reduction layer commits to it
     */
    public static FriProof proveLowDegree(FriConfig config, int degreeBits, long[] codeword, Challenger challenger) {
        return proveLowDegree(config, degreeBits, codeword, challenger, new CpuProvingBackend());
    }

    /** {@link #proveLowDegree} with the folds and layer trees on the given backend. */
    public static FriProof proveLowDegree(
            FriConfig config, int degreeBits, long[] codeword, Challenger challenger, ProvingBackend backend) {
        return prove(config, degreeBits, codeword, List.of(), challenger, backend, (layer, folded) -> folded);
    }

    /** Proves the claimed openings of an instance whose oracles the caller has committed and observed. */
    public static FriProof proveOpenings(
            FriConfig config, FriInstance instance, List<FriOracle> oracles, Challenger challenger) {
        return proveOpenings(config, instance, oracles, challenger, new CpuProvingBackend());
    }

    /** {@link #proveOpenings} with the folds and layer trees on the given backend. */
    public static FriProof proveOpenings(FriConfig config, FriInstance instance, List<FriOracle> oracles,
            Challenger challenger, ProvingBackend backend) {
        int logN = instance.degreeBits() + config.rateBits();
        requireOracles(config, instance, oracles, logN);
        if (instance.hasPointInDomain(logN)) {
            throw new IllegalArgumentException("an opening point lies on the LDE coset of size 2^" + logN);
        }
        for (FriOpeningBatch batch : instance.batches()) {
            for (Ext2 value : batch.values()) {
                challenger.observe(value);
            }
        }
        Ext2 alpha = challenger.extChallenge();
        long[] combined = FriCombination.codeword(instance, oracles, alpha, logN, backend);
        return prove(config, instance.degreeBits(), combined, oracles, challenger, backend, (layer, folded) -> folded);
    }

    /** What the prover commits in place of each folded codeword; only tests replace it, to play a cheating prover. */
    @FunctionalInterface
    interface FoldedCodewords {
        long[] commit(int layer, long[] folded);
    }

    static FriProof prove(
            FriConfig config,
            int degreeBits,
            long[] codeword,
            List<FriOracle> oracles,
            Challenger challenger,
            ProvingBackend backend,
            FoldedCodewords foldedCodewords) {
        if (degreeBits < 0 || degreeBits > config.maxDegreeBits()) {
            throw new IllegalArgumentException("degree bits " + degreeBits + " outside [0, " + config.maxDegreeBits() + "]");
        }
        int ldeBits = degreeBits + config.rateBits();
        if (codeword.length != 2 << ldeBits) {
            throw new IllegalArgumentException(
                    "codeword has " + codeword.length / 2 + " values, the LDE of 2^" + degreeBits + " has " + (1 << ldeBits));
        }
        int[] arities = config.reductionArityBits(degreeBits);
        List<MerkleTree> layers = new ArrayList<>(arities.length);
        long[] current = codeword;
        int logN = ldeBits;
        long shift = FriDomain.SHIFT;
        for (int arityBits : arities) {
            long[][] leafColumns = leafColumns(current, arityBits);
            MerkleTree tree = MerkleTree.fromColumnsAndLevels(
                    leafColumns, backend.merkleLevels(leafColumns, config.capHeight()));
            challenger.observe(tree.cap());
            Ext2 beta = challenger.extChallenge();
            current = foldedCodewords.commit(
                    layers.size(), backend.friFold(current, logN, shift, arityBits, beta.c0(), beta.c1()));
            layers.add(tree);
            logN -= arityBits;
            shift = FriDomain.shiftAfter(shift, arityBits);
        }
        long[] finalPoly = FriFolding.interpolate(current, logN, shift, config.finalPolyBits(degreeBits));
        challenger.observe(finalPoly);

        long nonce = FriProofOfWork.grind(challenger, config.powBits());
        challenger.observe(nonce);
        challenger.challenge();

        List<FriQueryRound> rounds = new ArrayList<>(config.numQueries());
        for (int q = 0; q < config.numQueries(); q++) {
            rounds.add(openQuery(challenger.challengeIndex(ldeBits), oracles, layers, arities));
        }
        List<MerkleCap> caps = layers.stream().map(MerkleTree::cap).toList();
        return new FriProof(caps, finalPoly, nonce, rounds);
    }

    private static FriQueryRound openQuery(int index, List<FriOracle> oracles, List<MerkleTree> layers, int[] arities) {
        List<FriOracleOpening> oracleOpenings = new ArrayList<>(oracles.size());
        for (FriOracle oracle : oracles) {
            oracleOpenings.add(new FriOracleOpening(oracle.row(index), oracle.tree().prove(index)));
        }
        List<FriLayerOpening> layerOpenings = new ArrayList<>(layers.size());
        int position = index;
        for (int i = 0; i < layers.size(); i++) {
            int leaf = position >>> arities[i];
            layerOpenings.add(new FriLayerOpening(layers.get(i).leaf(leaf), layers.get(i).prove(leaf)));
            position = leaf;
        }
        return new FriQueryRound(oracleOpenings, layerOpenings);
    }

    /**
     * Leaf m holds the 2^arityBits values (flat pairs) of positions m·2^a .. (m+1)·2^a − 1, one coset; as columns,
     * column j holds element j of every leaf.
     */
    private static long[][] leafColumns(long[] codeword, int arityBits) {
        int width = 2 << arityBits;
        int leaves = codeword.length / width;
        long[][] columns = new long[width][leaves];
        for (int m = 0; m < leaves; m++) {
            for (int j = 0; j < width; j++) {
                columns[j][m] = codeword[m * width + j];
            }
        }
        return columns;
    }

    private static void requireOracles(FriConfig config, FriInstance instance, List<FriOracle> oracles, int logN) {
        if (oracles.size() != instance.oracleWidths().size()) {
            throw new IllegalArgumentException(
                    oracles.size() + " oracles given, the instance has " + instance.oracleWidths().size());
        }
        for (int o = 0; o < oracles.size(); o++) {
            FriOracle oracle = oracles.get(o);
            if (oracle.width() != instance.oracleWidths().get(o) || oracle.tree().leafCount() != 1 << logN
                    || oracle.tree().capHeight() != config.capHeight(logN)) {
                throw new IllegalArgumentException("oracle " + o + " has " + oracle.width() + " columns of "
                        + oracle.tree().leafCount() + " values with cap height " + oracle.tree().capHeight()
                        + "; the instance needs " + instance.oracleWidths().get(o) + " columns of " + (1 << logN)
                        + " values with cap height " + config.capHeight(logN));
            }
        }
    }
}
