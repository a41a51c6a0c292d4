package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.backend.QuotientInputs;
import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.fri.FriInstance;
import dev.zkcluster.proof.fri.FriProof;
import dev.zkcluster.proof.fri.FriProver;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.ProvingKey.Commitment;
import dev.zkcluster.proof.plonk.permutation.GrandProduct;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.poly.Horner;
import dev.zkcluster.proof.poly.Lde;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The PLONK prover. It is deterministic: the same key and witness give the same proof, every challenge comes from
 * the Fiat–Shamir transcript. NTTs, LDEs, Merkle trees, the quotient and FRI folding run only through the
 * {@link ProvingBackend}.
 *
 * <p>Transcript (one {@link Challenger}, from the zero state), in this exact order:
 * <ol>
 *   <li>observe the circuit digest (4 elements), then the public-input hash hashNoPad(public inputs) (4 elements);
 *   <li>observe the wires cap; squeeze β_0 .. β_(c−1), then γ_0 .. γ_(c−1) (c = numChallenges, base field);
 *   <li>observe the Z/partial-products cap; squeeze α_0 .. α_(c−1) (base field);
 *   <li>observe the quotient cap; squeeze ζ as an extension challenge (c0 then c1). Rule: while ζ lies in the base
 *       field (c1 = 0), squeeze ζ again. A ζ outside the base field is neither in H nor on the LDE coset, so
 *       Z_H(ζ) ≠ 0, ζ ≠ 1 and no FRI denominator x − ζ or x − g·ζ vanishes;
 *   <li>FRI ({@link FriProver#proveOpenings}): observe every claimed opening (all columns at ζ in {@link OracleLayout}
 *       order, then each Z_k at g·ζ), squeeze the FRI combination α, then the FRI commit phase, grinding and
 *       queries.
 * </ol>
 */
public final class Prover {
    private Prover() {}

    /** Checks the witness against every constraint (throwing on a violation), then proves. */
    public static ProverOutput prove(ProvingKey key, WitnessVector witness, ProvingBackend backend) {
        long start = System.nanoTime();
        ConstraintChecker.checkOrThrow(key.circuit(), witness);
        return proveChecked(key, witness, backend, start, System.nanoTime() - start);
    }

    /** Proves without checking the witness first; tests use it to make proofs of false statements. */
    static ProverOutput proveUnchecked(ProvingKey key, WitnessVector witness, ProvingBackend backend) {
        return proveChecked(key, witness, backend, System.nanoTime(), 0);
    }

    private static ProverOutput proveChecked(
            ProvingKey key, WitnessVector witness, ProvingBackend backend, long start, long checkNanos) {
        CircuitData circuit = key.circuit();
        CircuitConfig config = circuit.config();
        FriConfig fri = config.fri();
        int degreeBits = circuit.degreeBits();
        int n = circuit.numRows();
        int challenges = config.numChallenges();
        OracleLayout layout = key.verifierKey().layout();
        if (witness.numWires() != config.numWires() || witness.numRows() != n
                || witness.publicInputs().length != circuit.publicInputs().size()) {
            throw new IllegalArgumentException("witness of " + witness.numWires() + " wires × " + witness.numRows()
                    + " rows with " + witness.publicInputs().length + " public inputs does not fit the circuit ("
                    + config.numWires() + " × " + n + ", " + circuit.publicInputs().size() + " public inputs)");
        }
        KernelClock kernels = new KernelClock(backend);
        Challenger challenger = new Challenger();
        long[] piHash = Poseidon2Hash.hashNoPad(witness.publicInputs()).toArray();
        challenger.observe(circuit.circuitDigest());
        challenger.observe(piHash);

        long t0 = System.nanoTime();
        long[][] wireCoefficients = new long[config.numWires()][];
        for (int w = 0; w < wireCoefficients.length; w++) {
            wireCoefficients[w] = witness.wires()[w].clone();
        }
        kernels.inverseNtt(wireCoefficients);
        Commitment wires = Commitment.of(wireCoefficients, config, kernels);
        MerkleCap wiresCap = wires.oracle().tree().cap();
        challenger.observe(wiresCap);

        long t1 = System.nanoTime();
        long[] betas = challenger.challenges(challenges);
        long[] gammas = challenger.challenges(challenges);
        long[][] zsPartials = new long[layout.width(OracleLayout.ZS_PARTIALS)][];
        IntStream.range(0, challenges).parallel().forEach(k -> {
            GrandProduct product = PermutationArgument.grandProduct(witness.wires(), circuit.sigmas(),
                    circuit.cosetShifts(), degreeBits, config.permutationChunkSize(), betas[k], gammas[k]);
            zsPartials[layout.zColumn(k)] = product.z();
            for (int c = 0; c < layout.numPartials(); c++) {
                zsPartials[layout.partialColumn(k, c)] = product.partials()[c];
            }
        });
        kernels.inverseNtt(zsPartials);
        Commitment zs = Commitment.of(zsPartials, config, kernels);
        MerkleCap zsCap = zs.oracle().tree().cap();
        challenger.observe(zsCap);

        long t2 = System.nanoTime();
        long[] alphas = challenger.challenges(challenges);
        long[][] quotientValues = kernels.quotientValues(new QuotientInputs(circuit.gates(), config, degreeBits,
                key.constantsSigmasOracle().ldeColumns(), wires.oracle().ldeColumns(), zs.oracle().ldeColumns(),
                betas, gammas, alphas, piHash));
        long[][] quotientCoefficients = kernels.cosetInterpolate(quotientValues, Lde.DEFAULT_SHIFT);
        // t_k(X) = Σ_i t_{k,i}(X)·X^(n·i): chunk i holds coefficients [i·n, (i + 1)·n)
        long[][] chunks = new long[layout.width(OracleLayout.QUOTIENT)][];
        for (int k = 0; k < challenges; k++) {
            for (int i = 0; i < config.quotientDegreeFactor(); i++) {
                chunks[layout.quotientColumn(k, i)] = Arrays.copyOfRange(quotientCoefficients[k], i * n, (i + 1) * n);
            }
        }
        Commitment quotient = Commitment.of(chunks, config, kernels);
        MerkleCap quotientCap = quotient.oracle().tree().cap();
        challenger.observe(quotientCap);

        long t3 = System.nanoTime();
        Ext2 zeta = drawZeta(challenger);
        Ext2 nextZeta = zeta.scale(Goldilocks.primitiveRootOfUnity(degreeBits));
        long[][][] coefficients = {key.constantsSigmasCoefficients(), wireCoefficients, zsPartials, chunks};
        long[] atZeta = new long[2 * layout.openingsAtZeta()];
        IntStream.range(0, 4).forEach(o -> {
            int offset = layout.offset(o);
            IntStream.range(0, layout.width(o)).parallel().forEach(c ->
                    Horner.evaluate(coefficients[o][c], zeta).toPairs(atZeta, offset + c));
        });
        long[] atNextZeta = new long[2 * layout.openingsAtNextZeta()];
        for (int k = 0; k < challenges; k++) {
            Horner.evaluate(zsPartials[layout.zColumn(k)], nextZeta).toPairs(atNextZeta, k);
        }

        long t4 = System.nanoTime();
        FriInstance instance = PlonkProof.openingInstance(layout, degreeBits, zeta, atZeta, atNextZeta);
        FriProof friProof = FriProver.proveOpenings(fri, instance,
                List.of(key.constantsSigmasOracle(), wires.oracle(), zs.oracle(), quotient.oracle()), challenger,
                kernels);
        long t5 = System.nanoTime();

        PlonkProof proof = new PlonkProof(Digest.of(circuit.circuitDigest()), wiresCap, zsCap, quotientCap, atZeta,
                atNextZeta, friProof);
        ProofTiming timing = new ProofTiming(checkNanos, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4,
                t5 - start, kernels.nanos());
        return new ProverOutput(proof, timing);
    }

    /** ζ by the transcript rule: an extension challenge, squeezed again while it lies in the base field. */
    static Ext2 drawZeta(Challenger challenger) {
        Ext2 zeta = challenger.extChallenge();
        while (zeta.c1() == 0) {
            zeta = challenger.extChallenge();
        }
        return zeta;
    }
}
