package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.fri.FriPolynomialRef;
import dev.zkcluster.proof.fri.FriProofShape;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.poly.BitReversal;
import java.util.ArrayList;
import java.util.List;

/**
 * In-circuit {@code FriVerifier.verifyOpenings}: the same transcript on a {@link RecursiveChallenger} (claimed
 * values, α, each layer cap then β, the final polynomial, the proof-of-work nonce and response, the query
 * indices), then per query: every oracle row hashed and opened against its cap, the combination
 * c(x) = Σ_b α^(k_b)·(Σ_j α^j·f_{b,j}(x) − Σ_j α^j·v_{b,j})/(x − z_b), each layer's leaf opened against its cap and
 * holding the value folded from the layer before (picked by random access on the slot bits), the coset folded at β
 * as a chain of 2-folds, and the last folded value equal to the final polynomial at the last point.
 */
public final class FriVerifierGadget {
    /** The coset shift of the initial LDE, the field's generator. */
    private static final long SHIFT = Goldilocks.GENERATOR;

    private FriVerifierGadget() {}

    /** One batch of the opening statement: polynomials opened at one point with claimed values, as targets. */
    public record OpeningBatch(ExtTarget point, List<FriPolynomialRef> polynomials, List<ExtTarget> values) {}

    /**
     * Constrains {@code proof} to be an accepted batched opening of the given oracles for the transcript state of
     * {@code challenger} (which must already have observed what the native verifier's challenger had).
     */
    public static void verifyOpenings(CircuitAlgebra alg, RecursiveChallenger challenger, FriConfig config,
            int degreeBits, List<OpeningBatch> batches, List<List<List<Target>>> oracleCaps, FriProofTargets proof) {
        CircuitBuilder b = alg.builder();
        FriProofShape shape = proof.shape();
        for (OpeningBatch batch : batches) {
            for (ExtTarget v : batch.values()) {
                challenger.observe(v);
            }
        }
        ExtTarget alpha = challenger.extChallenge();
        int layerCount = shape.layers().size();
        List<List<ExtTarget>> betaPowers = new ArrayList<>(layerCount);
        for (int i = 0; i < layerCount; i++) {
            challenger.observeCap(proof.layerCaps().get(i));
            ExtTarget beta = challenger.extChallenge();
            // β, β², β⁴, …: the chain of 2-folds of one arity-2^a step
            List<ExtTarget> powers = new ArrayList<>();
            powers.add(beta);
            for (int j = 1; j < shape.layers().get(i).arityBits(); j++) {
                powers.add(alg.square(powers.get(j - 1)));
            }
            betaPowers.add(powers);
        }
        for (ExtTarget c : proof.finalPoly()) {
            challenger.observe(c);
        }
        challenger.observe(proof.powNonce());
        ChallengeBits.assertLeadingZeros(b, challenger.challenge(), config.powBits());

        // per batch: α^(k_b) and the query-independent Σ_j α^j·v_{b,j}
        List<ExtTarget> batchScale = new ArrayList<>();
        List<ExtTarget> claimed = new ArrayList<>();
        int k = 0;
        for (OpeningBatch batch : batches) {
            batchScale.add(power(alg, alpha, k));
            claimed.add(horner(alg, batch.values(), alpha));
            k += batch.values().size();
        }

        int ldeBits = degreeBits + config.rateBits();
        for (int q = 0; q < shape.numQueries(); q++) {
            List<Target> indexBits = ChallengeBits.lowBits(b, challenger.challenge(), ldeBits);
            checkQuery(alg, shape, batches, oracleCaps, proof, proof.queries().get(q), indexBits, ldeBits, alpha,
                    betaPowers, batchScale, claimed);
        }
    }

    private static void checkQuery(CircuitAlgebra alg, FriProofShape shape, List<OpeningBatch> batches,
            List<List<List<Target>>> oracleCaps, FriProofTargets proof, FriProofTargets.Query query,
            List<Target> indexBits, int ldeBits, ExtTarget alpha, List<List<ExtTarget>> betaPowers,
            List<ExtTarget> batchScale, List<ExtTarget> claimed) {
        CircuitBuilder b = alg.builder();
        for (int o = 0; o < oracleCaps.size(); o++) {
            List<Target> leaf = b.hashNoPad(query.oracleRows().get(o));
            MerkleProofGadget.verify(b, leaf, indexBits, oracleCaps.get(o), query.oraclePaths().get(o));
        }
        Target x = point(b, indexBits, 0, ldeBits, SHIFT, false);
        ExtTarget xExt = alg.fromBase(x);
        ExtTarget expected = null;
        for (int bi = 0; bi < batches.size(); bi++) {
            OpeningBatch batch = batches.get(bi);
            List<ExtTarget> opened = new ArrayList<>(batch.polynomials().size());
            for (FriPolynomialRef ref : batch.polynomials()) {
                opened.add(alg.fromBase(query.oracleRows().get(ref.oracle()).get(ref.column())));
            }
            // α^(k_b)·(Σ_j α^j·f_j(x) − Σ_j α^j·v_j)/(x − z_b)
            ExtTarget numerator = alg.sub(horner(alg, opened, alpha), claimed.get(bi));
            ExtTarget term = alg.mul(alg.div(numerator, alg.sub(xExt, batch.point())), batchScale.get(bi));
            expected = expected == null ? term : alg.add(expected, term);
        }

        List<Target> bits = indexBits;
        int logN = ldeBits;
        long shift = SHIFT;
        for (int i = 0; i < shape.layers().size(); i++) {
            int arityBits = shape.layers().get(i).arityBits();
            List<ExtTarget> values = query.layerValues().get(i);
            List<Target> flat = new ArrayList<>(2 * values.size());
            for (ExtTarget v : values) {
                flat.add(v.c0());
                flat.add(v.c1());
            }
            List<Target> leafBits = bits.subList(arityBits, bits.size());
            MerkleProofGadget.verify(b, b.hashNoPad(flat), leafBits, proof.layerCaps().get(i),
                    query.layerPaths().get(i));
            Target slot = ChallengeBits.recompose(b, bits.subList(0, arityBits));
            List<Target> c0s = new ArrayList<>(values.size());
            List<Target> c1s = new ArrayList<>(values.size());
            for (ExtTarget v : values) {
                c0s.add(v.c0());
                c1s.add(v.c1());
            }
            b.assertEqual(b.randomAccess(slot, c0s), expected.c0());
            b.assertEqual(b.randomAccess(slot, c1s), expected.c1());
            // 1/x0 for the coset's first point, the point at position leaf·2^a
            Target x0Inv = point(b, bits, arityBits, logN, Goldilocks.inverse(shift), true);
            expected = foldCoset(alg, values, arityBits, x0Inv, betaPowers.get(i));
            bits = leafBits;
            logN -= arityBits;
            for (int j = 0; j < arityBits; j++) {
                shift = Goldilocks.square(shift);
            }
        }
        Target finalX = point(b, bits, 0, logN, shift, false);
        ExtTarget finalValue = horner(alg, proof.finalPoly(), alg.fromBase(finalX));
        b.assertEqual(finalValue, expected);
    }

    /**
     * shift·ω^(±rev(p)) for the position p whose little-endian bits are {@code bits}, those below {@code fromBit}
     * taken as 0, on the coset of size 2^logN in bit-reversed order: one arithmetic op a bit,
     * acc ← (c_j − 1)·p_j·acc + acc with c_j = ω^(±2^(logN − 1 − j)).
     */
    static Target point(CircuitBuilder b, List<Target> bits, int fromBit, int logN, long shift, boolean inverse) {
        long root = Goldilocks.primitiveRootOfUnity(logN);
        if (inverse) {
            root = Goldilocks.inverse(root);
        }
        Target acc = b.constant(shift);
        for (int j = fromBit; j < logN; j++) {
            long c = Goldilocks.exp(root, 1L << (logN - 1 - j));
            acc = b.arithmetic(Goldilocks.sub(c, 1), bits.get(j), acc, 1, acc);
        }
        return acc;
    }

    /**
     * Folds one coset's 2^a values at β as {@code FriFolding.foldCoset} does: a 2-folds pairing x and −x,
     * 2·f'(x²) = (f(x) + f(−x)) + β·(f(x) − f(−x))/x, then one scaling by 2^(−a).
     */
    static ExtTarget foldCoset(CircuitAlgebra alg, List<ExtTarget> values, int arityBits, Target x0Inv,
            List<ExtTarget> betaPowers) {
        CircuitBuilder b = alg.builder();
        int count = 1 << arityBits;
        List<ExtTarget> s = new ArrayList<>(values);
        // t[i] = 1/x_{2i} = x0^(−1)·η^(−rev_{a−1}(i))
        long etaInv = Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(arityBits));
        List<Target> t = new ArrayList<>(count / 2);
        for (int i = 0; i < count / 2; i++) {
            long c = Goldilocks.exp(etaInv, BitReversal.reverse(i, arityBits - 1));
            t.add(c == 1 ? x0Inv : b.scale(x0Inv, c));
        }
        int level = 0;
        while (count > 1) {
            int half = count / 2;
            for (int i = 0; i < half; i++) {
                ExtTarget u = s.get(2 * i);
                ExtTarget v = s.get(2 * i + 1);
                ExtTarget d = new ExtTarget(b.mul(b.sub(u.c0(), v.c0()), t.get(i)),
                        b.mul(b.sub(u.c1(), v.c1()), t.get(i)));
                s.set(i, alg.mulAdd(betaPowers.get(level), d, alg.add(u, v)));
            }
            for (int i = 0; i < half / 2; i++) {
                t.set(i, b.mul(t.get(2 * i), t.get(2 * i)));
            }
            count = half;
            level++;
        }
        return alg.scale(s.get(0), Goldilocks.inverse(1L << arityBits));
    }

    /** Σ_j c_j·x^j by Horner's rule from the last coefficient. */
    static ExtTarget horner(CircuitAlgebra alg, List<ExtTarget> coefficients, ExtTarget x) {
        ExtTarget acc = coefficients.get(coefficients.size() - 1);
        for (int j = coefficients.size() - 2; j >= 0; j--) {
            acc = alg.mulAdd(acc, x, coefficients.get(j));
        }
        return acc;
    }

    /** a^e for a constant exponent, by square-and-multiply. */
    static ExtTarget power(CircuitAlgebra alg, ExtTarget a, long e) {
        ExtTarget result = alg.constant(Ext2.ONE);
        ExtTarget base = a;
        for (long rest = e; rest > 0; rest >>>= 1) {
            if ((rest & 1) == 1) {
                result = alg.mul(result, base);
            }
            if (rest > 1) {
                base = alg.square(base);
            }
        }
        return result;
    }
}
