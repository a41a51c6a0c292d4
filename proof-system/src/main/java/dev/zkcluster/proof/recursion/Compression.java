package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The compression step: re-proves a proof under a smaller-proof configuration (normally the circuit shape with
 * {@code FriConfig.shrink()}), as many times as that makes the proof smaller.
 *
 * <p>Each step is a wrapper circuit that verifies one proof under the previous key, fixed as constants, and exposes
 * that proof's public inputs unchanged as its own. So the compressed proof has the same public inputs as the
 * original, and it verifies under {@link #outputKey()} exactly when a valid original proof for those public inputs
 * was wrapped. The steps are fixed by {@link #plan} from the input key alone: a step is added while the encoded proof
 * under its key ({@link PlonkProofCodec#encodedSize}) is smaller than under the key it wraps, so every prover of the
 * same input key builds the same chain of circuits and keys.
 */
public final class Compression {
    /** One wrapper circuit and its proving key. */
    public record Step(Aggregation wrapper, ProvingKey key) {
        public VerifierKey verifierKey() {
            return key.verifierKey();
        }
    }

    /** The proof after every step; the last one is the compressed proof, under {@link #outputKey()}. */
    public record Compressed(List<PlonkProof> proofs, long[] publicInputs) {
        public PlonkProof proof() {
            return proofs.get(proofs.size() - 1);
        }
    }

    private final VerifierKey inputKey;
    private final List<Step> steps;

    private Compression(VerifierKey inputKey, List<Step> steps) {
        this.inputKey = inputKey;
        this.steps = List.copyOf(steps);
    }

    /**
     * Builds wrapper circuits of the given config over {@code inputKey}, one over the other, while each makes the proof
     * smaller, and commits the constants of each step kept. A candidate's proof size is known from its circuit alone,
     * so a candidate that would not shrink the proof is not set up.
     */
    public static Compression plan(VerifierKey inputKey, CircuitConfig config, ProvingBackend backend) {
        List<Step> steps = new ArrayList<>();
        VerifierKey current = inputKey;
        while (true) {
            Aggregation wrapper = wrapper(config, current);
            if (!shrinks(wrapper, current)) {
                return new Compression(inputKey, steps);
            }
            ProvingKey key = ProvingKey.setup(wrapper.circuit(), backend);
            steps.add(new Step(wrapper, key));
            current = key.verifierKey();
        }
    }

    /**
     * The circuit of one step: verify one proof under {@code childKey} and expose its public inputs unchanged. A
     * caller that keeps one circuit per key (a registry) builds its steps with this and {@link #shrinks}, the rule
     * {@link #plan} applies.
     */
    public static Aggregation wrapper(CircuitConfig config, VerifierKey childKey) {
        return Aggregation.sameKey(config, childKey, 1, Aggregation.NO_LINKS, (b, children) -> children.get(0));
    }

    /** Whether every proof of {@code wrapper} (a {@link #wrapper} over {@code childKey}) is smaller than the child's. */
    public static boolean shrinks(Aggregation wrapper, VerifierKey childKey) {
        return proofSize(wrapper.circuit()) < PlonkProofCodec.encodedSize(childKey);
    }

    /**
     * The encoded size of every proof of a circuit. The codec's size depends on the key's shape only (config, degree,
     * gates, public inputs, cap size), so a key with placeholder cap and digest gives it without committing anything.
     */
    public static long proofSize(CircuitData circuit) {
        FriConfig fri = circuit.config().fri();
        int capSize = 1 << fri.capHeight(circuit.degreeBits() + fri.rateBits());
        VerifierKey shape = new VerifierKey(circuit.config(), circuit.degreeBits(), circuit.gates(),
                circuit.publicInputs().size(), new MerkleCap(Collections.nCopies(capSize, Digest.ZERO)), Digest.ZERO);
        return PlonkProofCodec.encodedSize(shape);
    }

    public VerifierKey inputKey() {
        return inputKey;
    }

    public List<Step> steps() {
        return steps;
    }

    /** The key the compressed proof verifies under: the last step's, or the input key when no step shrinks. */
    public VerifierKey outputKey() {
        return steps.isEmpty() ? inputKey : steps.get(steps.size() - 1).verifierKey();
    }

    /**
     * Wraps a proof under the input key through every step. Witness generation fails (and nothing is proven) when the
     * proof does not verify for these public inputs.
     */
    public Compressed compress(PlonkProof proof, long[] publicInputs, ProvingBackend backend) {
        List<PlonkProof> proofs = new ArrayList<>();
        proofs.add(proof);
        PlonkProof current = proof;
        for (Step step : steps) {
            WitnessVector witness = WitnessGeneration.generate(step.wrapper().circuit(),
                    step.wrapper().witness(List.of(current), List.of(publicInputs.clone())));
            current = Prover.prove(step.key(), witness, backend).proof();
            proofs.add(current);
        }
        return new Compressed(List.copyOf(proofs), publicInputs.clone());
    }
}
