package dev.zkcluster.circuits.pipeline;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.rollup.aggregation.ChainAggregation;
import dev.zkcluster.circuits.rollup.aggregation.RecursionTip;
import dev.zkcluster.circuits.rollup.aggregation.SchedulerCircuit;
import dev.zkcluster.circuits.rollup.basic.BasicCircuit;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.BasicInstance;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.ExecutedBatch;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.PlonkProof;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.recursion.Aggregation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Proves a batch in one process, round by round. Each job-level step ({@link #proveBasic}, {@link
 * #proveAggregation}, {@link #proveTip}, {@link #proveScheduler}, {@link #proveCompression}) stands alone, so a
 * cluster worker can run one job with the same code. Each step is witness generation ({@code witnessX}, which checks
 * the job's inputs and gives a {@link JobWitness}) followed by {@link #prove(JobWitness)}; the cluster runs the two
 * halves on different nodes.
 *
 * <p>Tree shape, from the op counts only: per kind, {@code b = max(1, ceil(ops / capacity))} basic jobs, then
 * {@code ceil(b / fanIn)} leaf jobs, then exactly {@code nodeDepths} node depths of {@code ceil(previous / fanIn)}
 * jobs each (a depth with one child still runs, so the tip always sees the same circuits), then tip, scheduler and
 * compression. The compression proof is the batch's final proof.
 *
 * <p>Memory: {@link #prove} releases each circuit's proving state (see {@link CircuitRegistry}) once its jobs are
 * done, unless it was held before the run, so a batch holds one circuit's state at a time besides the prover's own
 * per-job buffers. The job-level steps leave what they use held, for a worker that proves many jobs of one circuit
 * (the witness steps the circuit object only, {@link CircuitRegistry#circuit}; {@link #prove(JobWitness)} its proving
 * state too); it releases them through the registry.
 */
public final class LocalPipeline {
    private final CircuitRegistry registry;
    private final ProvingBackend backend;
    private final Consumer<String> progress;

    public LocalPipeline(CircuitRegistry registry, ProvingBackend backend, Consumer<String> progress) {
        this.registry = registry;
        this.backend = backend;
        this.progress = progress;
    }

    public CircuitRegistry registry() {
        return registry;
    }

    /** Round 0: one basic instance. */
    public JobProof proveBasic(BasicInstance instance) {
        return prove(witnessBasic(instance));
    }

    /** The witness of a basic job; {@link #prove(JobWitness)} proves it. */
    public JobWitness witnessBasic(BasicInstance instance) {
        CircuitKey key = registry.basicKey(instance.kind());
        BasicCircuit circuit = (BasicCircuit) registry.circuit(key);
        return new JobWitness(key, 0, instance.sequence(), WitnessGeneration.generate(circuit.data(),
                circuit.witness(instance)), BasicCircuit.publicInputs(instance));
    }

    /**
     * Round 1 (depth 0, children are basic proofs) or round 2 (depth d ≥ 1, children are proofs of depth d − 1):
     * up to fanIn consecutive proofs of one kind. Children that are not of the expected circuit or do not chain
     * are refused before any proving.
     */
    public JobProof proveAggregation(int round, OpKind kind, int depth, int sequence, List<JobProof> children) {
        return prove(witnessAggregation(round, kind, depth, sequence, children));
    }

    /** The witness of an aggregation job, after the same checks as {@link #proveAggregation}. */
    public JobWitness witnessAggregation(int round, OpKind kind, int depth, int sequence, List<JobProof> children) {
        CircuitKey key;
        CircuitKey childKey;
        if (round == CircuitKey.LEAF && depth == 0) {
            key = registry.leafKey(kind);
            childKey = registry.basicKey(kind);
        } else if (round == CircuitKey.NODE && depth >= 1) {
            key = registry.nodeKey(kind, depth);
            childKey = depth == 1 ? registry.leafKey(kind) : registry.nodeKey(kind, depth - 1);
        } else {
            throw new IllegalArgumentException("no chain aggregation in round " + round + " at depth " + depth);
        }
        String job = key + " #" + sequence;
        int fanIn = registry.workload().fanIn();
        if (children.isEmpty() || children.size() > fanIn) {
            throw new AggregationRefused(job + ": takes 1 to " + fanIn + " children, got " + children.size());
        }
        List<PlonkProof> proofs = new ArrayList<>();
        List<long[]> inputs = new ArrayList<>();
        for (JobProof child : children) {
            if (!child.circuit().equals(childKey)) {
                throw new AggregationRefused(job + ": expects children of " + childKey + ", got " + child.circuit());
            }
            proofs.add(child.proof());
            inputs.add(child.publicInputs());
        }
        String broken = ChainAggregation.brokenLink(inputs);
        if (broken != null) {
            throw new AggregationRefused(job + ": children do not chain: " + broken);
        }
        // the circuit is fetched (built if needed) only once the children are accepted
        ChainAggregation circuit = (ChainAggregation) registry.circuit(key);
        return new JobWitness(key, depth, sequence, WitnessGeneration.generate(circuit.circuit(),
                circuit.witness(proofs, inputs)), ChainAggregation.publicInputs(inputs));
    }

    /** Round 3: the top proof of each kind, in kind order. */
    public JobProof proveTip(List<JobProof> topPerKind) {
        return prove(witnessTip(topPerKind));
    }

    /** The witness of the tip job, after the same checks as {@link #proveTip}. */
    public JobWitness witnessTip(List<JobProof> topPerKind) {
        List<PlonkProof> proofs = new ArrayList<>();
        List<long[]> inputs = new ArrayList<>();
        OpKind[] kinds = OpKind.values();
        if (topPerKind.size() != kinds.length) {
            throw new AggregationRefused("tip: expects one proof per kind, got " + topPerKind.size());
        }
        for (int k = 0; k < kinds.length; k++) {
            JobProof child = topPerKind.get(k);
            if (!child.circuit().equals(registry.topKey(kinds[k]))) {
                throw new AggregationRefused("tip: child " + k + " must be of " + registry.topKey(kinds[k])
                        + ", got " + child.circuit());
            }
            proofs.add(child.proof());
            inputs.add(child.publicInputs());
        }
        String broken = RecursionTip.brokenLink(inputs);
        if (broken != null) {
            throw new AggregationRefused("tip: " + broken);
        }
        RecursionTip tip = (RecursionTip) registry.circuit(registry.tipKey());
        return new JobWitness(registry.tipKey(), 0, 0, WitnessGeneration.generate(tip.circuit(),
                tip.witness(proofs, inputs)), RecursionTip.publicInputs(inputs));
    }

    /** Round 4: binds the tip to the batch number; compression then makes its proof small. */
    public JobProof proveScheduler(long batchNumber, JobProof tip) {
        return prove(witnessScheduler(batchNumber, tip));
    }

    /** The witness of the scheduler job, after the same checks as {@link #proveScheduler}. */
    public JobWitness witnessScheduler(long batchNumber, JobProof tip) {
        if (!tip.circuit().equals(registry.tipKey())) {
            throw new AggregationRefused("scheduler: expects a proof of " + registry.tipKey() + ", got "
                    + tip.circuit());
        }
        if (Long.compareUnsigned(batchNumber, Goldilocks.P) >= 0) {
            throw new IllegalArgumentException("batch number " + Long.toUnsignedString(batchNumber)
                    + " does not fit one field element");
        }
        SchedulerCircuit scheduler = (SchedulerCircuit) registry.circuit(registry.schedulerKey());
        WitnessVector vector = WitnessGeneration.generate(scheduler.circuit(),
                scheduler.witness(batchNumber, tip.proof(), tip.publicInputs()));
        long[] inputs = new long[SchedulerCircuit.NUM_PUBLIC_INPUTS];
        inputs[0] = batchNumber;
        System.arraycopy(tip.publicInputs(), 0, inputs, 1, RecursionTip.NUM_PUBLIC_INPUTS);
        return new JobWitness(registry.schedulerKey(), 0, 0, vector, inputs);
    }

    /**
     * Round 5: re-proves the scheduler proof under the compression circuit (the shrink FRI parameters), with the same
     * 21 public inputs; the result is the batch's final proof, under {@link CircuitRegistry#finalKey()}. A proof of
     * another circuit is refused before anything is built, and a scheduler proof that does not verify for its public
     * inputs fails witness generation.
     */
    public JobProof proveCompression(JobProof scheduler) {
        return prove(witnessCompression(scheduler));
    }

    /** The witness of the compression job, after the same checks as {@link #proveCompression}. */
    public JobWitness witnessCompression(JobProof scheduler) {
        if (!scheduler.circuit().equals(registry.schedulerKey())) {
            throw new AggregationRefused("compression: expects a proof of " + registry.schedulerKey() + ", got "
                    + scheduler.circuit());
        }
        Aggregation compression = (Aggregation) registry.circuit(registry.compressionKey());
        WitnessVector vector = WitnessGeneration.generate(compression.circuit(),
                compression.witness(List.of(scheduler.proof()), List.of(scheduler.publicInputs().clone())));
        return new JobWitness(registry.compressionKey(), 0, 0, vector, scheduler.publicInputs().clone());
    }

    /**
     * Proves a job from its witness (made here or on another node from the same circuits): the proof is the one the
     * matching {@code proveX} step gives. The circuit's proving state is held until released, as the steps do.
     */
    public JobProof prove(JobWitness witness) {
        PlonkProof proof = Prover.prove(registry.provingKey(witness.circuit()), witness.vector(), backend).proof();
        progress.accept("  proved " + witness.circuit());
        return new JobProof(witness.circuit(), witness.depth(), witness.sequence(), proof,
                witness.publicInputs());
    }

    /** Executes the batch and proves every round; an invalid batch or a version mismatch is refused. */
    public PipelineResult prove(Batch batch) {
        String version = batch.header().protocolVersion();
        if (!version.equals(registry.version().version())) {
            throw new IllegalArgumentException("header.protocol_version: expected "
                    + registry.version().version() + ", got " + version);
        }
        ExecutorLimits limits = registry.workload().limitsWithin(ExecutorLimits.DEFAULT);
        Execution execution = new BatchExecutor(limits, registry.workload().capacity()).execute(batch);
        if (execution instanceof Execution.Rejected rejected) {
            throw new IllegalArgumentException("batch rejected: " + rejected.violation());
        }
        ExecutedBatch executed = ((Execution.Executed) execution).batch();
        List<RoundReport> rounds = new ArrayList<>();

        long start = System.nanoTime();
        Map<OpKind, List<JobProof>> level = new EnumMap<>(OpKind.class);
        int jobs = 0;
        for (OpKind kind : OpKind.values()) {
            List<JobProof> proofs = new ArrayList<>();
            boolean wasHeld = registry.isHeld(registry.basicKey(kind));
            for (BasicInstance instance : executed.instances().get(kind)) {
                proofs.add(proveBasic(instance));
                jobs++;
            }
            releaseUnlessHeld(registry.basicKey(kind), wasHeld);
            level.put(kind, proofs);
        }
        rounds.add(report("basic", jobs, start));

        start = System.nanoTime();
        level = aggregateLevel(CircuitKey.LEAF, 0, level);
        rounds.add(report("leaf", count(level), start));
        for (int d = 1; d <= registry.workload().nodeDepths(); d++) {
            start = System.nanoTime();
            level = aggregateLevel(CircuitKey.NODE, d, level);
            rounds.add(report("node depth " + d, count(level), start));
        }

        start = System.nanoTime();
        List<JobProof> tops = new ArrayList<>();
        for (OpKind kind : OpKind.values()) {
            tops.add(level.get(kind).get(0));
        }
        boolean tipHeld = registry.isHeld(registry.tipKey());
        JobProof tip = proveTip(tops);
        releaseUnlessHeld(registry.tipKey(), tipHeld);
        rounds.add(report("tip", 1, start));

        start = System.nanoTime();
        boolean schedulerHeld = registry.isHeld(registry.schedulerKey());
        JobProof scheduler = proveScheduler(batch.header().batchNumber(), tip);
        releaseUnlessHeld(registry.schedulerKey(), schedulerHeld);
        rounds.add(report("scheduler", 1, start));

        start = System.nanoTime();
        boolean compressionHeld = registry.isHeld(registry.compressionKey());
        JobProof fin = proveCompression(scheduler);
        releaseUnlessHeld(registry.compressionKey(), compressionHeld);
        rounds.add(report("compression", 1, start));
        return new PipelineResult(SchedulerCircuit.batchPublicInputs(fin.publicInputs()), fin,
                registry.verifierKey(registry.finalKey()), rounds);
    }

    private Map<OpKind, List<JobProof>> aggregateLevel(int round, int depth, Map<OpKind, List<JobProof>> below) {
        int fanIn = registry.workload().fanIn();
        Map<OpKind, List<JobProof>> above = new EnumMap<>(OpKind.class);
        for (OpKind kind : OpKind.values()) {
            List<JobProof> children = below.get(kind);
            List<JobProof> parents = new ArrayList<>();
            CircuitKey key = depth == 0 ? registry.leafKey(kind) : registry.nodeKey(kind, depth);
            boolean wasHeld = registry.isHeld(key);
            for (int from = 0, seq = 0; from < children.size(); from += fanIn, seq++) {
                List<JobProof> group = children.subList(from, Math.min(children.size(), from + fanIn));
                parents.add(proveAggregation(round, kind, depth, seq, group));
            }
            releaseUnlessHeld(key, wasHeld);
            above.put(kind, parents);
        }
        return above;
    }

    // a whole-batch run holds one circuit's proving state at a time; circuits held before the run stay held
    private void releaseUnlessHeld(CircuitKey key, boolean heldBefore) {
        if (!heldBefore) {
            registry.release(key);
        }
    }

    private static int count(Map<OpKind, List<JobProof>> level) {
        return level.values().stream().mapToInt(List::size).sum();
    }

    private RoundReport report(String round, int jobs, long startNanos) {
        RoundReport r = new RoundReport(round, jobs, Duration.ofNanos(System.nanoTime() - startNanos));
        progress.accept(String.format("%-13s %3d jobs  %8.1f s", r.round(), r.jobs(), r.time().toMillis() / 1e3));
        return r;
    }
}
