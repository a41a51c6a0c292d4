package dev.zkcluster.bench;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.recursion.Aggregation;
import dev.zkcluster.proof.recursion.ChildKeyTargets;
import dev.zkcluster.proof.recursion.CircuitAlgebra;
import dev.zkcluster.proof.recursion.Compression;
import dev.zkcluster.proof.recursion.PlonkProofTargets;
import dev.zkcluster.proof.recursion.PlonkVerifierGadget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recursion under the standard configuration, and compression under the shrink configuration.
 *
 * <p>{@code proveAggregate}: the time to prove an N-to-1 aggregate (witness generation and proof) of Poseidon2-chain
 * children of 2^12 rows. Its setup prints the rows of the verifier circuit for one child proof and the aggregation
 * circuit's size.
 *
 * <p>{@code compress}: the time of the compression chain ({@link Compression}, {@link FriConfig#shrink()}) over a
 * standard proof of a 2^14-row Poseidon2-chain circuit (the size of the rollup's scheduler circuit at
 * {@code 0.1.0-tiny}). Its setup prints the chain and the encoded lengths of the wrapped and the shrunk proof.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RecursionBench {
    private static final ProvingBackend BACKEND = new CpuProvingBackend();

    /** A Poseidon2 chain from a public x with its last state's first element public, padded to 2^degreeBits rows. */
    record Chain(CircuitData circuit, Target x) {
        static Chain of(CircuitConfig config, int degreeBits) {
            CircuitBuilder b = new CircuitBuilder(config);
            Target x = b.addVirtualTarget();
            List<Target> state = new ArrayList<>(Collections.nCopies(12, b.zero()));
            state.set(0, x);
            for (int i = 0; i < (1 << degreeBits) - 4; i++) {
                state = b.permute(state);
            }
            b.registerPublicInput(x);
            b.registerPublicInput(state.get(0));
            return new Chain(b.build(), x);
        }

        WitnessVector witness(long value) {
            return WitnessGeneration.generate(circuit, new PartialWitness().set(x, value));
        }
    }

    /** Rows the in-circuit verifier of one proof under {@code key} takes, before padding to a power of two. */
    static int verifierRows(CircuitConfig config, VerifierKey key) {
        CircuitBuilder b = new CircuitBuilder(config);
        PlonkProofTargets proof = PlonkProofTargets.allocate(b, key);
        List<Target> publicInputs = new ArrayList<>();
        for (int i = 0; i < key.numPublicInputs(); i++) {
            publicInputs.add(b.addVirtualTarget());
        }
        PlonkVerifierGadget.verify(new CircuitAlgebra(b), ChildKeyTargets.constant(b, key), proof, publicInputs);
        return b.numRows();
    }

    @State(Scope.Benchmark)
    public static class Aggregate {
        @Param({"2", "8"})
        public int children;

        private Aggregation aggregation;
        private ProvingKey aggregateKey;
        private PartialWitness inputs;

        @Setup(Level.Trial)
        public void setUp() {
            CircuitConfig config = CircuitConfig.standard();
            Chain child = Chain.of(config, 12);
            ProvingKey childKey = ProvingKey.setup(child.circuit(), BACKEND);
            List<PlonkProof> proofs = new ArrayList<>();
            List<long[]> publicInputs = new ArrayList<>();
            for (int i = 0; i < children; i++) {
                WitnessVector w = child.witness(i + 1);
                proofs.add(Prover.prove(childKey, w, BACKEND).proof());
                publicInputs.add(w.publicInputs());
            }
            aggregation = Aggregation.sameKey(config, childKey.verifierKey(), children, Aggregation.NO_LINKS,
                    Aggregation.Exposure.hashOfAll());
            aggregateKey = ProvingKey.setup(aggregation.circuit(), BACKEND);
            inputs = aggregation.witness(proofs, publicInputs);
            System.out.println("verifier circuit for one proof of a 2^" + child.circuit().degreeBits()
                    + "-row child: " + verifierRows(config, childKey.verifierKey()) + " rows");
            System.out.println(children + "-to-1 aggregation of 2^" + child.circuit().degreeBits()
                    + "-row children: 2^" + aggregation.circuit().degreeBits() + " rows");
        }
    }

    @State(Scope.Benchmark)
    public static class Shrink {
        private Compression chain;
        private PlonkProof proof;
        private long[] publicInputs;

        @Setup(Level.Trial)
        public void setUp() {
            Chain child = Chain.of(CircuitConfig.standard(), 14);
            ProvingKey childKey = ProvingKey.setup(child.circuit(), BACKEND);
            WitnessVector w = child.witness(7);
            proof = Prover.prove(childKey, w, BACKEND).proof();
            publicInputs = w.publicInputs();
            chain = Compression.plan(childKey.verifierKey(),
                    CircuitConfig.standard().withFri(FriConfig.shrink()), BACKEND);
            PlonkProof shrunk = chain.compress(proof, publicInputs, BACKEND).proof();
            if (!Verifier.verify(chain.outputKey(), shrunk, publicInputs).isAccepted()) {
                throw new IllegalStateException("the shrunk proof does not verify");
            }
            StringBuilder steps = new StringBuilder();
            for (Compression.Step step : chain.steps()) {
                steps.append(" 2^").append(step.verifierKey().degreeBits()).append(" rows;");
            }
            System.out.println("compression of a 2^" + child.circuit().degreeBits() + "-row standard proof (its "
                    + "verifier takes " + verifierRows(CircuitConfig.standard(), childKey.verifierKey()) + " rows): "
                    + chain.steps().size() + " step(s):" + steps + " wrapped proof "
                    + PlonkProofCodec.encode(proof).length + " B, shrunk proof "
                    + PlonkProofCodec.encode(shrunk).length + " B");
        }
    }

    @Benchmark
    public PlonkProof proveAggregate(Aggregate s) {
        WitnessVector witness = WitnessGeneration.generate(s.aggregation.circuit(), s.inputs);
        return Prover.prove(s.aggregateKey, witness, BACKEND).proof();
    }

    @Benchmark
    public PlonkProof compress(Shrink s) {
        return s.chain.compress(s.proof, s.publicInputs, BACKEND).proof();
    }
}
