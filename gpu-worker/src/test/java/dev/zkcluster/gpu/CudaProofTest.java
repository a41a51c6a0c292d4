package dev.zkcluster.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole PLONK proof on the CUDA backend: it verifies, and its bytes are the CPU backend's. Needs a CUDA device. */
class CudaProofTest {

    @Test
    void proofOnTheGpuVerifiesAndEqualsTheCpuProof() {
        CudaDriver.Probe probe = CudaDriver.probe();
        assumeTrue(probe.hasDevices(), "no CUDA device: " + probe.problem());
        // a Poseidon2 chain filling 2^12 rows, standard shape with 4 grinding bits so the test stays quick
        CircuitConfig config = CircuitConfig.standard().withFri(new FriConfig(3, 4, 28, 4, 4, 5));
        CircuitBuilder b = new CircuitBuilder(config);
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        List<Target> state = new ArrayList<>(List.of(x, y));
        while (state.size() < 12) {
            state.add(b.zero());
        }
        for (int i = 0; i < (1 << 12) - 2; i++) {
            state = b.permute(state);
        }
        b.registerPublicInput(state.get(0));
        CircuitData circuit = b.build();
        WitnessVector witness = WitnessGeneration.generate(circuit, new PartialWitness().set(x, 3).set(y, 4));

        CpuProvingBackend cpu = new CpuProvingBackend();
        try (CudaProvingBackend gpu = CudaProvingBackend.open(0, 0)) {
            ProvingKey cpuKey = ProvingKey.setup(circuit, cpu);
            ProvingKey gpuKey = ProvingKey.setup(circuit, gpu);
            byte[] cpuProof = PlonkProofCodec.encode(Prover.prove(cpuKey, witness, cpu).proof());
            byte[] gpuProof = PlonkProofCodec.encode(Prover.prove(gpuKey, witness, gpu).proof());
            assertArrayEquals(cpuProof, gpuProof, "the CUDA backend's proof bytes differ from the CPU backend's");

            Verification verdict = Verifier.verify(cpuKey.verifierKey(), gpuProof, witness.publicInputs());
            assertTrue(verdict.isAccepted(), verdict.toString());
            byte[] flipped = gpuProof.clone();
            flipped[flipped.length / 2] ^= 1;
            assertFalse(Verifier.verify(cpuKey.verifierKey(), flipped, witness.publicInputs()).isAccepted(),
                    "a flipped bit of the GPU proof must be rejected");
        }
    }
}
