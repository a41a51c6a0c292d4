package dev.zkcluster.bench;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.recursion.Aggregation;
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
 * Recursion under the standard configuration: the time to prove an N-to-1 aggregate (witness generation and proof)
 * of Poseidon2-chain children of 2^12 rows. The setup prints the aggregation circuit's rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RecursionBench {
    @Param({"2", "8"})
    public int children;

    private final ProvingBackend backend = new CpuProvingBackend();
    private Aggregation aggregation;
    private ProvingKey aggregateKey;
    private PartialWitness inputs;

    @Setup(Level.Trial)
    public void setUp() {
        CircuitConfig config = CircuitConfig.standard();
        CircuitBuilder b = new CircuitBuilder(config);
        Target x = b.addVirtualTarget();
        List<Target> state = new ArrayList<>(Collections.nCopies(12, b.zero()));
        state.set(0, x);
        for (int i = 0; i < (1 << 12) - 4; i++) {
            state = b.permute(state);
        }
        b.registerPublicInput(x);
        b.registerPublicInput(state.get(0));
        CircuitData child = b.build();
        ProvingKey childKey = ProvingKey.setup(child, backend);
        List<PlonkProof> proofs = new ArrayList<>();
        List<long[]> publicInputs = new ArrayList<>();
        for (int i = 0; i < children; i++) {
            WitnessVector w = WitnessGeneration.generate(child, new PartialWitness().set(x, i + 1));
            proofs.add(Prover.prove(childKey, w, backend).proof());
            publicInputs.add(w.publicInputs());
        }
        aggregation = Aggregation.sameKey(config, childKey.verifierKey(), children, Aggregation.NO_LINKS,
                Aggregation.Exposure.hashOfAll());
        aggregateKey = ProvingKey.setup(aggregation.circuit(), backend);
        inputs = aggregation.witness(proofs, publicInputs);
        System.out.println(children + "-to-1 aggregation of 2^" + child.degreeBits() + "-row children: 2^"
                + aggregation.circuit().degreeBits() + " rows");
    }

    @Benchmark
    public PlonkProof proveAggregate() {
        WitnessVector witness = WitnessGeneration.generate(aggregation.circuit(), inputs);
        return Prover.prove(aggregateKey, witness, backend).proof();
    }
}
