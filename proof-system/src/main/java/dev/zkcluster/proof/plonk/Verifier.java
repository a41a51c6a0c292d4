package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriInstance;
import dev.zkcluster.proof.fri.FriVerification;
import dev.zkcluster.proof.fri.FriVerifier;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.algebra.Ext2Algebra;
import dev.zkcluster.proof.plonk.algebra.GateVars;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.permutation.PermutationVars;
import java.util.List;

/**
 * The PLONK verifier. It reads only the verifier key, the proof and the public inputs, replays the transcript of
 * {@link Prover} on its own challenger, checks the vanishing identity at ζ for every challenge k,
 *
 * <pre>  Σ_j α_k^j·c_j(ζ) = Z_H(ζ)·Σ_i t_{k,i}(ζ)·ζ^(n·i),  </pre>
 *
 * with the constraints c_j evaluated by the same code as the prover's quotient, and then the batched FRI opening
 * that ties every claimed value to the committed oracles. Every failure is a {@link Verification.Rejected} with
 * its reason.
 */
public final class Verifier {
    private Verifier() {}

    /** Decodes untrusted proof bytes for the key's circuit and verifies them; a decoding error is a rejection. */
    public static Verification verify(VerifierKey key, byte[] proofBytes, long[] publicInputs) {
        PlonkProofDecoding decoding = PlonkProofCodec.decode(proofBytes, key);
        if (decoding instanceof PlonkProofDecoding.Rejected r) {
            return reject("undecodable proof (" + r.reason() + "): " + r.detail());
        }
        return verify(key, ((PlonkProofDecoding.Decoded) decoding).proof(), publicInputs);
    }

    public static Verification verify(VerifierKey key, PlonkProof proof, long[] publicInputs) {
        if (!proof.circuitDigest().equals(key.circuitDigest())) {
            return reject("the proof is for circuit " + proof.circuitDigest() + ", the key is for "
                    + key.circuitDigest());
        }
        if (publicInputs.length != key.numPublicInputs()) {
            return reject(publicInputs.length + " public inputs given, the circuit has " + key.numPublicInputs());
        }
        for (int i = 0; i < publicInputs.length; i++) {
            if (Long.compareUnsigned(publicInputs[i], Goldilocks.P) >= 0) {
                return reject("public input " + i + " is not a canonical field element");
            }
        }
        OracleLayout layout = key.layout();
        long[] atZeta = proof.openingsAtZeta();
        long[] atNextZeta = proof.openingsAtNextZeta();
        if (atZeta.length != 2 * layout.openingsAtZeta() || atNextZeta.length != 2 * layout.openingsAtNextZeta()) {
            return reject("the proof opens " + atZeta.length / 2 + " values at ζ and " + atNextZeta.length / 2
                    + " at g·ζ; the circuit needs " + layout.openingsAtZeta() + " and " + layout.openingsAtNextZeta());
        }
        if (!canonical(atZeta) || !canonical(atNextZeta)) {
            return reject("an opened value is not a canonical field element");
        }

        CircuitConfig config = key.config();
        int challenges = config.numChallenges();
        Challenger challenger = new Challenger();
        long[] piHash = Poseidon2Hash.hashNoPad(publicInputs).toArray();
        challenger.observe(key.circuitDigest());
        challenger.observe(piHash);
        challenger.observe(proof.wiresCap());
        long[] betas = challenger.challenges(challenges);
        long[] gammas = challenger.challenges(challenges);
        challenger.observe(proof.zsPartialsCap());
        long[] alphas = challenger.challenges(challenges);
        challenger.observe(proof.quotientCap());
        Ext2 zeta = Prover.drawZeta(challenger);

        String identity = checkVanishingIdentity(key, layout, proof, piHash, betas, gammas, alphas, zeta);
        if (identity != null) {
            return reject(identity);
        }

        FriInstance instance = PlonkProof.openingInstance(layout, key.degreeBits(), zeta, atZeta, atNextZeta);
        List<MerkleCap> caps = List.of(
                key.constantsSigmasCap(), proof.wiresCap(), proof.zsPartialsCap(), proof.quotientCap());
        FriVerification fri = FriVerifier.verifyOpenings(config.fri(), instance, caps, proof.fri(), challenger);
        if (fri instanceof FriVerification.Rejected r) {
            return reject("FRI opening: " + r.reason());
        }
        return new Verification.Accepted();
    }

    private static String checkVanishingIdentity(VerifierKey key, OracleLayout layout, PlonkProof proof,
            long[] piHash, long[] betas, long[] gammas, long[] alphas, Ext2 zeta) {
        Ext2Algebra alg = Ext2Algebra.INSTANCE;
        long n = key.numRows();
        Ext2 zetaN = zeta.exp(n);
        // Z_H(ζ) = ζ^n − 1 and L_1(ζ) = Z_H(ζ) / (n·(ζ − 1)); both denominators are non-zero for ζ outside F_p
        Ext2 zh = zetaN.sub(Ext2.ONE);
        Ext2 lagrangeFirst = zh.mul(zeta.sub(Ext2.ONE).scale(n).inverse());
        int wires = layout.offset(OracleLayout.WIRES);
        int quotient = layout.offset(OracleLayout.QUOTIENT);
        GateVars<Ext2> vars = new GateVars<>() {
            @Override
            public Ext2 wire(int index) {
                return proof.atZeta(wires + index);
            }

            @Override
            public Ext2 constant(int index) {
                return proof.atZeta(layout.offset(OracleLayout.CONSTANTS_SIGMAS) + index);
            }

            @Override
            public Ext2 publicInputHash(int index) {
                return Ext2.ofBase(piHash[index]);
            }
        };
        List<Ext2> constraints = VanishingConstraints.evaluate(alg, key.gates(), key.config(), vars,
                k -> permutationAt(proof, layout, zeta, lagrangeFirst, k),
                PermutationArgument.cosetShifts(key.config().numRoutedWires()), betas, gammas);
        for (int k = 0; k < key.config().numChallenges(); k++) {
            Ext2 combined = VanishingConstraints.combine(alg, constraints, alphas[k]);
            // Σ_i t_{k,i}(ζ)·(ζ^n)^i by Horner from the highest chunk
            Ext2 t = Ext2.ZERO;
            for (int i = key.config().quotientDegreeFactor() - 1; i >= 0; i--) {
                t = t.mul(zetaN).add(proof.atZeta(quotient + layout.quotientColumn(k, i)));
            }
            if (!combined.equals(zh.mul(t))) {
                return "the vanishing identity fails at ζ for challenge " + k
                        + ": the constraints do not equal Z_H(ζ) times the quotient";
            }
        }
        return null;
    }

    /** The permutation argument's values of challenge pair k at ζ, read from the openings. */
    private static PermutationVars<Ext2> permutationAt(
            PlonkProof proof, OracleLayout layout, Ext2 zeta, Ext2 lagrangeFirst, int k) {
        int wires = layout.offset(OracleLayout.WIRES);
        int zsPartials = layout.offset(OracleLayout.ZS_PARTIALS);
        return new PermutationVars<>() {
            @Override
            public Ext2 x() {
                return zeta;
            }

            @Override
            public Ext2 lagrangeFirst() {
                return lagrangeFirst;
            }

            @Override
            public Ext2 wire(int routedIndex) {
                return proof.atZeta(wires + routedIndex);
            }

            @Override
            public Ext2 sigma(int routedIndex) {
                return proof.atZeta(layout.sigmaColumn(routedIndex));
            }

            @Override
            public Ext2 z() {
                return proof.atZeta(zsPartials + layout.zColumn(k));
            }

            @Override
            public Ext2 zNext() {
                return proof.atNextZeta(k);
            }

            @Override
            public Ext2 partialProduct(int chunk) {
                return proof.atZeta(zsPartials + layout.partialColumn(k, chunk));
            }
        };
    }

    private static boolean canonical(long[] values) {
        for (long v : values) {
            if (Long.compareUnsigned(v, Goldilocks.P) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static Verification reject(String reason) {
        return new Verification.Rejected(reason);
    }
}
