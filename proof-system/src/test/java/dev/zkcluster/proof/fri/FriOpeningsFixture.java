package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.merkle.MerkleTree;
import dev.zkcluster.proof.poly.BitReversal;
import dev.zkcluster.proof.poly.Horner;
import dev.zkcluster.proof.poly.Lde;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * A PLONK-like opening statement for tests: oracles of random base-field polynomials of degree below 2^degreeBits,
 * every polynomial opened at ζ and the last oracle's polynomials also at g·ζ, with ζ drawn after the caps.
 */
final class FriOpeningsFixture {
    final FriConfig config;
    final int degreeBits;
    final List<long[][]> coefficients = new ArrayList<>();
    final List<FriOracle> oracles = new ArrayList<>();
    final List<MerkleCap> caps = new ArrayList<>();
    final Ext2 zeta;
    final FriInstance instance;

    /** Oracles of the given widths holding random polynomials of degree below 2^degreeBits. */
    static FriOpeningsFixture random(FriConfig config, int degreeBits, long seed, int... widths) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<long[][]> oracles = new ArrayList<>();
        for (int width : widths) {
            oracles.add(randomColumns(rng, width, 1 << degreeBits));
        }
        return new FriOpeningsFixture(config, degreeBits, oracles);
    }

    /** One oracle of two polynomials of degree below 2^(degreeBits + extraBits), on the LDE for 2^degreeBits. */
    static FriOpeningsFixture withExcessDegree(FriConfig config, int degreeBits, long seed, int extraBits) {
        SplittableRandom rng = new SplittableRandom(seed);
        return new FriOpeningsFixture(
                config, degreeBits, List.<long[][]>of(randomColumns(rng, 2, 1 << (degreeBits + extraBits))));
    }

    private FriOpeningsFixture(FriConfig config, int degreeBits, List<long[][]> oracleCoefficients) {
        this.config = config;
        this.degreeBits = degreeBits;
        for (long[][] coeffs : oracleCoefficients) {
            int excess = Integer.numberOfTrailingZeros(coeffs[0].length) - degreeBits;
            addOracle(coeffs, config.rateBits() - excess);
        }
        this.zeta = transcript().extChallenge();
        this.instance = instanceAt(zeta);
    }

    private static long[][] randomColumns(SplittableRandom rng, int width, int length) {
        long[][] columns = new long[width][length];
        for (long[] column : columns) {
            for (int i = 0; i < length; i++) {
                column[i] = Goldilocks.canonical(rng.nextLong());
            }
        }
        return columns;
    }

    private void addOracle(long[][] coeffs, int rateBits) {
        long[][] lde = Lde.fromCoefficients(coeffs, rateBits, FriDomain.SHIFT, ForkJoinPool.commonPool());
        for (long[] column : lde) {
            BitReversal.permute(column);
        }
        MerkleTree tree = MerkleTree.fromColumns(lde, config.capHeight());
        coefficients.add(coeffs);
        oracles.add(new FriOracle(lde, tree));
        caps.add(tree.cap());
    }

    private FriInstance instanceAt(Ext2 z) {
        Ext2 gz = z.mul(Ext2.ofBase(Goldilocks.primitiveRootOfUnity(degreeBits)));
        List<FriPolynomialRef> atZeta = new ArrayList<>();
        for (int o = 0; o < oracles.size(); o++) {
            for (int c = 0; c < oracles.get(o).width(); c++) {
                atZeta.add(new FriPolynomialRef(o, c));
            }
        }
        int last = oracles.size() - 1;
        List<FriPolynomialRef> atNext = new ArrayList<>();
        for (int c = 0; c < oracles.get(last).width(); c++) {
            atNext.add(new FriPolynomialRef(last, c));
        }
        List<Integer> widths = oracles.stream().map(FriOracle::width).toList();
        return new FriInstance(degreeBits, widths, List.of(batch(z, atZeta), batch(gz, atNext)));
    }

    private FriOpeningBatch batch(Ext2 point, List<FriPolynomialRef> refs) {
        List<Ext2> values = refs.stream()
                .map(r -> Horner.evaluate(coefficients.get(r.oracle())[r.column()], point))
                .toList();
        return new FriOpeningBatch(point, refs, values);
    }

    /** The caller's transcript before FRI: every oracle cap observed. */
    Challenger transcript() {
        Challenger transcript = new Challenger();
        for (MerkleCap cap : caps) {
            transcript.observe(cap);
        }
        return transcript;
    }

    /** The transcript a party holds once ζ is drawn. */
    Challenger transcriptAfterZeta() {
        Challenger transcript = transcript();
        transcript.extChallenge();
        return transcript;
    }

    FriProof prove() {
        return FriProver.proveOpenings(config, instance, oracles, transcriptAfterZeta());
    }

    FriVerification verify(FriInstance claimed, List<MerkleCap> oracleCaps, FriProof proof) {
        return FriVerifier.verifyOpenings(config, claimed, oracleCaps, proof, transcriptAfterZeta());
    }

    FriVerification verify(FriProof proof) {
        return verify(instance, caps, proof);
    }

    /** The instance with one claimed value replaced. */
    FriInstance withValue(int batch, int index, Ext2 value) {
        List<FriOpeningBatch> batches = new ArrayList<>(instance.batches());
        FriOpeningBatch b = batches.get(batch);
        List<Ext2> values = new ArrayList<>(b.values());
        values.set(index, value);
        batches.set(batch, new FriOpeningBatch(b.point(), b.polynomials(), values));
        return new FriInstance(degreeBits, instance.oracleWidths(), batches);
    }
}
