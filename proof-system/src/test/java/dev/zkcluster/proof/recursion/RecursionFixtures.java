package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;

/** Small child circuits and their proofs for the recursion tests. */
final class RecursionFixtures {
    /** The standard shape with 4 grinding bits, so test proofs grind in microseconds. */
    static final CircuitConfig FAST = CircuitConfig.standard().withFri(new FriConfig(3, 4, 28, 4, 4, 5));
    static final ProvingBackend CPU = new CpuProvingBackend();

    private RecursionFixtures() {}

    record Child(ProvingKey key, WitnessVector witness, PlonkProof proof) {
        VerifierKey verifierKey() {
            return key.verifierKey();
        }

        long[] publicInputs() {
            return witness.publicInputs();
        }
    }

    /** A chain of {@code permutations} Poseidon2 rows from (x, y, 0, …); x, y and the first output are public. */
    static CircuitData poseidonChainCircuit(CircuitConfig config, int permutations, List<Target> inputs) {
        CircuitBuilder b = new CircuitBuilder(config);
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        inputs.add(x);
        inputs.add(y);
        List<Target> state = new ArrayList<>();
        state.add(x);
        state.add(y);
        while (state.size() < 12) {
            state.add(b.zero());
        }
        for (int i = 0; i < permutations; i++) {
            state = b.permute(state);
        }
        b.registerPublicInput(x);
        b.registerPublicInput(y);
        b.registerPublicInput(state.get(0));
        return b.build();
    }

    static Child poseidonChild(CircuitConfig config, int permutations, long x, long y) {
        List<Target> inputs = new ArrayList<>();
        CircuitData data = poseidonChainCircuit(config, permutations, inputs);
        WitnessVector witness = WitnessGeneration.generate(data,
                new PartialWitness().set(inputs.get(0), x).set(inputs.get(1), y));
        ProvingKey key = ProvingKey.setup(data, CPU);
        return new Child(key, witness, Prover.prove(key, witness, CPU).proof());
    }
}
