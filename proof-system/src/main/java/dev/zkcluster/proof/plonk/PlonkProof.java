package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriInstance;
import dev.zkcluster.proof.fri.FriOpeningBatch;
import dev.zkcluster.proof.fri.FriPolynomialRef;
import dev.zkcluster.proof.fri.FriProof;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import java.util.ArrayList;
import java.util.List;

/**
 * A PLONK proof: the circuit digest it was made for, the caps of the three oracles the prover commits (the fourth,
 * constants and sigmas, is in the verifier key), the claimed openings, and the batched FRI proof.
 *
 * @param openingsAtZeta every column of every oracle at ζ, in {@link OracleLayout} order, as flat pairs (c0, c1)
 * @param openingsAtNextZeta each Z_k at g·ζ, as flat pairs
 */
public record PlonkProof(
        Digest circuitDigest,
        MerkleCap wiresCap,
        MerkleCap zsPartialsCap,
        MerkleCap quotientCap,
        long[] openingsAtZeta,
        long[] openingsAtNextZeta,
        FriProof fri) {

    public PlonkProof {
        openingsAtZeta = openingsAtZeta.clone();
        openingsAtNextZeta = openingsAtNextZeta.clone();
    }

    @Override
    public long[] openingsAtZeta() {
        return openingsAtZeta.clone();
    }

    @Override
    public long[] openingsAtNextZeta() {
        return openingsAtNextZeta.clone();
    }

    /** Opened value i at ζ. */
    public Ext2 atZeta(int i) {
        return Ext2.fromPairs(openingsAtZeta, i);
    }

    /** Z_k at g·ζ. */
    public Ext2 atNextZeta(int k) {
        return Ext2.fromPairs(openingsAtNextZeta, k);
    }

    /**
     * The batched opening statement both sides hand to FRI: batch 0 opens every column of the four oracles at ζ,
     * batch 1 opens the Z_k at g·ζ, with g the generator of H.
     */
    static FriInstance openingInstance(
            OracleLayout layout, int degreeBits, Ext2 zeta, long[] atZeta, long[] atNextZeta) {
        List<FriPolynomialRef> all = new ArrayList<>();
        List<Ext2> allValues = new ArrayList<>();
        int i = 0;
        for (int o = 0; o < 4; o++) {
            for (int c = 0; c < layout.width(o); c++) {
                all.add(new FriPolynomialRef(o, c));
                allValues.add(Ext2.fromPairs(atZeta, i++));
            }
        }
        List<FriPolynomialRef> zs = new ArrayList<>();
        List<Ext2> zsValues = new ArrayList<>();
        for (int k = 0; k < layout.numChallenges(); k++) {
            zs.add(new FriPolynomialRef(OracleLayout.ZS_PARTIALS, layout.zColumn(k)));
            zsValues.add(Ext2.fromPairs(atNextZeta, k));
        }
        Ext2 nextZeta = zeta.scale(Goldilocks.primitiveRootOfUnity(degreeBits));
        return new FriInstance(degreeBits, layout.widths(),
                List.of(new FriOpeningBatch(zeta, all, allValues), new FriOpeningBatch(nextZeta, zs, zsValues)));
    }
}
