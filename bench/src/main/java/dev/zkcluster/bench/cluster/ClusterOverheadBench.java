package dev.zkcluster.bench.cluster;

import com.typesafe.config.ConfigFactory;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.pipeline.LocalPipeline;
import dev.zkcluster.circuits.pipeline.PipelineResult;
import dev.zkcluster.circuits.pipeline.RoundReport;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeConfig;
import dev.zkcluster.node.http.GatewaySettings;
import dev.zkcluster.node.verify.BatchProofVerifier;
import dev.zkcluster.node.verify.ExportedKeys;
import dev.zkcluster.node.verify.ProofVerdict;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.plonk.Verification;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchProof;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's overhead on real work: one rollup batch proved by the in-process pipeline ({@link LocalPipeline}),
 * and the same batch proved by a single node with every role (intake, entities, H2 journal, witness streaming,
 * object store, one CPU worker), each in a fresh JVM of the same heap, one after the other in one run. Both sides
 * include every round up to compression and check the final proof. It prints wall time and process CPU time per
 * side and their ratios; CPU time is the steadier figure on a machine with other load.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.zkcluster.bench.cluster.ClusterOverheadBench \
 *     [--transfers 1000] [--deposits 8] [--withdrawals 8] [--accounts 256] [--version 0.1.0] [--seed 1]
 *     [--heap 6g] [--order inprocess,cluster]
 * </pre>
 *
 * <p>{@code --side inprocess} or {@code --side cluster} runs one side in this JVM (what the forked children do).
 */
public final class ClusterOverheadBench {
    private static final String RESULT = "RESULT ";

    private ClusterOverheadBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String side = options.get("side");
        if (side == null) {
            compare(args, options);
        } else if (side.equals("inprocess")) {
            inProcess(options);
        } else if (side.equals("cluster")) {
            cluster(options);
        } else {
            throw new IllegalArgumentException("--side: inprocess or cluster, got " + side);
        }
        System.exit(0);
    }

    private static void compare(String[] args, Map<String, String> options) throws Exception {
        String heap = options.getOrDefault("heap", "6g");
        Map<String, double[]> results = new LinkedHashMap<>();
        for (String side : options.getOrDefault("order", "inprocess,cluster").split(",")) {
            List<String> command = new ArrayList<>(List.of(
                    ProcessHandle.current().info().command().orElse("java"), "-Xmx" + heap,
                    "-cp", System.getProperty("java.class.path"), ClusterOverheadBench.class.getName()));
            command.addAll(List.of(args));
            command.addAll(List.of("--side", side));
            System.out.println("== " + side + ": " + String.join(" ", command.subList(0, 2)) + " ...");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    System.out.println("  " + line);
                    if (line.startsWith(RESULT)) {
                        String[] f = line.substring(RESULT.length()).split(" ");
                        results.put(f[0], new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2])});
                    }
                }
            }
            if (process.waitFor() != 0 || !results.containsKey(side)) {
                throw new IllegalStateException(side + " side failed (exit " + process.exitValue() + ")");
            }
        }
        double[] local = results.get("inprocess");
        double[] cluster = results.get("cluster");
        System.out.println();
        System.out.println("| side | wall (s) | process CPU (s) |");
        System.out.println("|---|---|---|");
        results.forEach((s, r) -> System.out.printf("| %s | %.1f | %.1f |%n", s, r[0], r[1]));
        if (local != null && cluster != null) {
            System.out.printf("| cluster / in-process | %.3f | %.3f |%n", cluster[0] / local[0], cluster[1] / local[1]);
        }
    }

    private static Batch batch(Map<String, String> options, ProtocolVersion version) {
        return BatchGenerator.generate(new BatchSpec(
                Long.parseLong(options.getOrDefault("batch-number", "1")), version.version(),
                Integer.parseInt(options.getOrDefault("accounts", "256")),
                Integer.parseInt(options.getOrDefault("deposits", "8")),
                Integer.parseInt(options.getOrDefault("transfers", "1000")),
                Integer.parseInt(options.getOrDefault("withdrawals", "8")),
                Long.parseLong(options.getOrDefault("seed", "1"))));
    }

    private static ProtocolVersion version(Map<String, String> options) {
        String name = options.getOrDefault("version", ProtocolVersion.V0_1_0.version());
        return ProtocolVersion.named(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown protocol version " + name));
    }

    private static void inProcess(Map<String, String> options) {
        ProtocolVersion version = version(options);
        Batch batch = batch(options, version);
        CpuProvingBackend cpu = new CpuProvingBackend();
        LocalPipeline pipeline = new LocalPipeline(new CircuitRegistry(version, cpu), cpu, line -> {});
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        PipelineResult result = pipeline.prove(batch);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        for (RoundReport round : result.rounds()) {
            System.out.printf("round %-14s %3d jobs %8.1f s%n", round.round(), round.jobs(),
                    round.time().toNanos() / 1e9);
        }
        boolean valid = Verifier.verify(result.finalKey(), result.finalProof().proof(),
                result.finalProof().publicInputs()) instanceof Verification.Accepted;
        if (!valid) {
            throw new IllegalStateException("the in-process final proof does not verify");
        }
        System.out.printf("final proof verifies%n%sinprocess %.3f %.3f%n", RESULT, wall, cpuSeconds);
    }

    private static void cluster(Map<String, String> options) throws Exception {
        ProtocolVersion version = version(options);
        BatchInput input = BatchMessages.toProto(batch(options, version));
        long number = input.getHeader().getBatchNumber();
        Path dir = Files.createTempDirectory("zk-overhead");
        NodeConfig config = NodeConfig.load(ConfigFactory.parseMap(Map.of(
                "zkcluster.data-dir", dir.toString(),
                "zkcluster.http.host", "127.0.0.1",
                "zkcluster.http.port", freePort(),
                "zkcluster.cluster.host", "127.0.0.1",
                "zkcluster.cluster.port", freePort(),
                "zkcluster.cluster.seed-nodes", List.of(),
                "kamon.modules.status-page.enabled", false,
                "pekko.loglevel", "WARNING")));
        long bootStart = System.nanoTime();
        Node node = Node.start(config);
        ProvingService service = node.provingService();
        System.out.printf("node started in %.1f s%n", (System.nanoTime() - bootStart) / 1e9);
        try {
            long cpu0 = processCpuNanos();
            long start = System.nanoTime();
            submit(service, input);
            ProvingService.BatchStatus status = awaitDone(service, number);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            status.timingsMillis().forEach((round, ms) -> System.out.printf("round %-14s %8.1f s%n", round, ms / 1e3));
            BatchProof proof = service.finalProof(number).toCompletableFuture().get(1, TimeUnit.MINUTES).orElseThrow();
            ProofVerdict verdict = new BatchProofVerifier(
                    new ExportedKeys(GatewaySettings.from(config.config()).keysDir())).verify(proof);
            if (!(verdict instanceof ProofVerdict.Valid)) {
                throw new IllegalStateException("the cluster's final proof does not verify: " + verdict);
            }
            System.out.printf("final proof verifies%n%scluster %.3f %.3f%n", RESULT, wall, cpuSeconds);
        } finally {
            node.system().terminate();
            node.system().getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    // the node takes intake once its cluster and shards are up; until then a submission may be refused
    private static void submit(ProvingService service, BatchInput input) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            try {
                service.submit(input).toCompletableFuture().get(30, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the node did not take the batch", e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static ProvingService.BatchStatus awaitDone(ProvingService service, long number) throws Exception {
        String last = "";
        while (true) {
            Optional<ProvingService.BatchStatus> s = service.status(number).toCompletableFuture()
                    .get(1, TimeUnit.MINUTES);
            if (s.isPresent()) {
                ProvingService.BatchStatus status = s.get();
                if (status.state().equals("done")) {
                    return status;
                }
                if (status.state().equals("failed")) {
                    throw new IllegalStateException("batch failed: " + status.error().orElse(""));
                }
                String progress = status.rounds().stream()
                        .map(r -> r.name() + " " + r.proven() + "/" + r.total()).toList().toString();
                if (!progress.equals(last)) {
                    System.out.println("progress " + progress);
                    last = progress;
                }
            }
            Thread.sleep(1_000);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
