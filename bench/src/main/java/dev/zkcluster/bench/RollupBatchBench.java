package dev.zkcluster.bench;

import dev.zkcluster.circuits.pipeline.LocalPipeline;
import dev.zkcluster.circuits.pipeline.PipelineResult;
import dev.zkcluster.circuits.pipeline.RoundReport;
import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One whole batch through {@link LocalPipeline}, timed once: the total in-process time with the breakdown by round
 * and the job count per round, printed as a Markdown table. A single run of minutes does not fit JMH's iteration
 * model, so this is a plain main.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.zkcluster.bench.RollupBatchBench \
 *     [--transfers 1000] [--deposits 8] [--withdrawals 8] [--accounts 256] [--version 0.1.0] [--seed 1]
 *     [--setup-first]
 * </pre>
 *
 * <p>Each round's time includes building and setting up its circuits, because the pipeline builds a circuit on first
 * use and releases it after its jobs. {@code --setup-first} first derives every verifier key with a separate
 * registry and prints that time per circuit round, so the setup share of each round can be told apart.
 */
public final class RollupBatchBench {
    private RollupBatchBench() {}

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int transfers = Integer.parseInt(options.getOrDefault("transfers", "1000"));
        int deposits = Integer.parseInt(options.getOrDefault("deposits", "8"));
        int withdrawals = Integer.parseInt(options.getOrDefault("withdrawals", "8"));
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "256"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        String name = options.getOrDefault("version", ProtocolVersion.V0_1_0.version());
        ProtocolVersion version = ProtocolVersion.named(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol version " + name));

        Batch batch = BatchGenerator.generate(
                new BatchSpec(1, version.version(), accounts, deposits, transfers, withdrawals, seed));
        CpuProvingBackend cpu = new CpuProvingBackend();
        System.out.printf("batch: %d deposits, %d transfers, %d withdrawals, %d accounts; version %s (capacity %d, "
                + "fan-in %d); %d processors, max heap %d MiB%n", deposits, transfers, withdrawals,
                batch.accounts().size(), version.version(), version.workload().capacity(), version.workload().fanIn(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

        if (options.containsKey("setup-first")) {
            printSetup(new CircuitRegistry(version, cpu));
        }

        CircuitRegistry registry = new CircuitRegistry(version, cpu);
        LocalPipeline pipeline = new LocalPipeline(registry, cpu, line -> System.err.println(line));
        long start = System.nanoTime();
        PipelineResult result = pipeline.prove(batch);
        double total = (System.nanoTime() - start) / 1e9;

        System.out.println();
        System.out.println("| round | jobs | time (s) | share |");
        System.out.println("|---|---|---|---|");
        int jobs = 0;
        for (RoundReport round : result.rounds()) {
            double seconds = round.time().toNanos() / 1e9;
            jobs += round.jobs();
            System.out.printf("| %s | %d | %.1f | %.0f%% |%n", round.round(), round.jobs(), seconds,
                    100 * seconds / total);
        }
        System.out.printf("| **total** | %d | %.1f | |%n", jobs, total);
        boolean valid = Verifier.verify(result.finalKey(), result.finalProof().proof(),
                result.finalProof().publicInputs()) instanceof Verification.Accepted;
        System.out.printf("%nfinal proof of %s verifies: %b%n", result.finalProof().circuit(), valid);
        if (!valid) {
            System.exit(1);
        }
    }

    // derives each verifier key in turn (children first, so each time is one circuit's build and setup)
    private static void printSetup(CircuitRegistry registry) {
        Map<Integer, List<Double>> byRound = new TreeMap<>();
        for (CircuitKey key : registry.allKeys()) {
            long start = System.nanoTime();
            registry.verifierKey(key);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.err.printf("  set up %s in %.1f s%n", key, seconds);
            byRound.computeIfAbsent(key.round(), r -> new ArrayList<>()).add(seconds);
        }
        System.out.println();
        System.out.println("| circuit round | circuits | build + setup (s) |");
        System.out.println("|---|---|---|");
        double total = 0;
        for (Map.Entry<Integer, List<Double>> e : byRound.entrySet()) {
            double sum = e.getValue().stream().mapToDouble(Double::doubleValue).sum();
            total += sum;
            System.out.printf("| %d | %d | %.1f |%n", e.getKey(), e.getValue().size(), sum);
        }
        System.out.printf("| **total** | %d | %.1f |%n", registry.allKeys().size(), total);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String key = args[i].substring(2);
            if (key.equals("setup-first")) {
                options.put(key, "");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return options;
    }
}
