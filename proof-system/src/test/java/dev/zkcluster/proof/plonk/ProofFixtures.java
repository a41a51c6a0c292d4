package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;

/** Circuits, witnesses and proofs for the prover and verifier tests. */
final class ProofFixtures {
    /** The standard circuit shape with 4 grinding bits instead of 16, so tests prove in milliseconds. */
    static final CircuitConfig FAST = CircuitConfig.standard().withFri(new FriConfig(3, 4, 28, 4, 4, 5));
    static final ProvingBackend CPU = new CpuProvingBackend();

    private ProofFixtures() {}

    record Proved(ProvingKey key, WitnessVector witness, PlonkProof proof) {
        VerifierKey verifierKey() {
            return key.verifierKey();
        }

        long[] publicInputs() {
            return witness.publicInputs();
        }

        Verification verify() {
            return Verifier.verify(verifierKey(), proof, publicInputs());
        }
    }

    static Proved prove(CircuitData circuit, WitnessVector witness) {
        ProvingKey key = ProvingKey.setup(circuit, CPU);
        return new Proved(key, witness, Prover.prove(key, witness, CPU).proof());
    }

    static Proved proveUnchecked(CircuitData circuit, WitnessVector witness) {
        ProvingKey key = ProvingKey.setup(circuit, CPU);
        return new Proved(key, witness, Prover.proveUnchecked(key, witness, CPU).proof());
    }

    static Proved everyGate(long seed) {
        TestCircuits.Instance instance = TestCircuits.everyGate(FAST, seed);
        return prove(instance.data(), instance.witness());
    }

    /** A chain of Poseidon2 permutations from the state (x, y, 0, …), the first output registered public. */
    static TestCircuits.Instance poseidonChain(CircuitConfig config, int permutations, long x, long y) {
        CircuitBuilder b = new CircuitBuilder(config);
        Target tx = b.addVirtualTarget();
        Target ty = b.addVirtualTarget();
        List<Target> state = new ArrayList<>();
        state.add(tx);
        state.add(ty);
        while (state.size() < 12) {
            state.add(b.zero());
        }
        for (int i = 0; i < permutations; i++) {
            state = b.permute(state);
        }
        b.registerPublicInput(state.get(0));
        CircuitData data = b.build();
        return new TestCircuits.Instance(data,
                WitnessGeneration.generate(data, new PartialWitness().set(tx, x).set(ty, y)));
    }

    /** The largest Poseidon2 chain that fits 2^degreeBits rows. */
    static TestCircuits.Instance poseidonChainOfDegree(CircuitConfig config, int degreeBits) {
        // besides the chain: a constant row, the public-input gate and the one-input hash (no permutation)
        return poseidonChain(config, (1 << degreeBits) - 2, 3, 4);
    }

    static long minusOne() {
        return Goldilocks.neg(1);
    }
}
