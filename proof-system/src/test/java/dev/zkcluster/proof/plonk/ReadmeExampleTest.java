package dev.zkcluster.proof.plonk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import org.junit.jupiter.api.Test;

/** The README's example, kept compiling and passing: build a circuit, prove, encode, verify. */
class ReadmeExampleTest {

    @Test
    void buildProveAndVerify() {
        // a circuit proving knowledge of x with x³ + x + 5 = out, where out is public
        CircuitBuilder builder = new CircuitBuilder(CircuitConfig.standard());
        Target x = builder.addVirtualTarget();
        Target cube = builder.mul(builder.mul(x, x), x);
        Target out = builder.add(builder.add(cube, x), builder.constant(5));
        builder.registerPublicInput(out);
        CircuitData circuit = builder.build();

        ProvingBackend backend = new CpuProvingBackend();
        ProvingKey provingKey = ProvingKey.setup(circuit, backend);
        WitnessVector witness = WitnessGeneration.generate(circuit, new PartialWitness().set(x, 3));
        ProverOutput output = Prover.prove(provingKey, witness, backend);
        byte[] proofBytes = PlonkProofCodec.encode(output.proof());

        VerifierKey verifierKey = provingKey.verifierKey();
        Verification verdict = Verifier.verify(verifierKey, proofBytes, new long[] {35});
        assertTrue(verdict.isAccepted(), verdict.toString());
    }
}
