package dev.zkcluster.bench.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeConfig;
import dev.zkcluster.protocol.v1.BatchInput;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The cluster's own overhead, with a device that proves nothing, on one node with every role.
 *
 * <ul>
 *   <li>{@link #throughput}: jobs per second through the full entity path (intake, batch, job, queue, witness
 *       stage, lease, round, final proof), four {@code 0.1.0-small} batches of 66 jobs at once, eight worker slots.
 *       Each of these batches carries 768 transactions, and intake checks every one of them against the rules
 *       (the accounts' Merkle paths are hashed, the state tree is not updated per op).
 *   <li>{@link #throughputLightIntake}: the same path with sixteen 13-job {@code 0.1.0-tiny} batches of five
 *       transactions at once, so that the orchestration itself, not intake's execution, dominates.
 *   <li>{@link #idleBatch}: one 11-job {@code 0.1.0-tiny} batch at a time on an idle cluster; the tear-down prints
 *       the scheduling latency (a job's {@code queued} transition to its worker starting it), p50 and p99.
 * </ul>
 * {@code db} is {@code h2} (embedded file) or {@code postgres} (127.0.0.1:5432, a fresh database, dropped after).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 10, time = 10)
@Measurement(iterations = 5, time = 10)
public class OrchestrationBench {
    private static final int BATCHES_PER_OP = 4;
    private static final int JOBS_PER_SMALL_BATCH = 66; // 48 basic, 12 leaf, 3 node, tip, scheduler, compression
    private static final int LIGHT_BATCHES_PER_OP = 16;
    private static final int JOBS_PER_TINY_BATCH = 13; // 4 basic, 3 leaf, 3 node, tip, scheduler, compression
    private static final long LIGHT_FIRST = 10_000;
    private static final long TINY_FIRST = 100_000;

    @Param({"h2", "postgres"})
    public String db;

    private Node node;
    private ProvingService service;
    private Path dir;
    private String database;
    private final List<BatchInput> small = new ArrayList<>();
    private final List<BatchInput> tiny = new ArrayList<>();
    private final List<BatchInput> light = new ArrayList<>();
    private int nextLight;
    private int nextSmall;
    private int nextTiny;
    private final Map<String, Long> queuedMillis = new ConcurrentHashMap<>();
    // a batch's done or failed transition, from the event stream
    private final Map<Long, CompletableFuture<Void>> finished = new ConcurrentHashMap<>();
    private AutoCloseable events;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) throws Exception {
        dir = Files.createTempDirectory("zk-orchestration");
        String extra = "";
        Config application = ConfigFactory.defaultApplication();
        if (db.equals("postgres")) {
            database = "zk_bench_" + Long.toHexString(System.nanoTime());
            sql("CREATE DATABASE " + database);
            extra = "zkcluster.db.url = \"jdbc:postgresql://127.0.0.1:5432/" + database + "\"\n";
            application = ConfigFactory.parseResources("postgres.conf");
        }
        Config config = ConfigFactory.parseString(extra + String.join("\n",
                "zkcluster.data-dir = \"" + dir + "\"",
                "zkcluster.http.host = 127.0.0.1",
                "zkcluster.http.port = " + freePort(),
                "zkcluster.cluster.port = " + freePort(),
                "zkcluster.prover.concurrency = 8",
                "zkcluster.prover-dispatcher.thread-pool-executor.fixed-pool-size = 8",
                "zkcluster.jobs.poll-interval = 1s",
                "kamon.modules.status-page.enabled = false",
                "pekko.loglevel = WARNING"));
        node = Node.start(NodeConfig.load(config, application), NoOpRunner.factory());
        service = node.provingService();
        // only the batches this trial's case submits: generating them all takes minutes on two cores
        String method = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        // enough for every warm-up and measured iteration of this run at up to 600 jobs/s (idleBatch: 50 batches/s)
        long seconds = params.getWarmup().getCount() * params.getWarmup().getTime().convertTo(TimeUnit.SECONDS)
                + params.getMeasurement().getCount() * params.getMeasurement().getTime().convertTo(TimeUnit.SECONDS);
        switch (method) {
            case "throughput" -> generate(small, batchesFor(seconds, JOBS_PER_SMALL_BATCH), 1_000, "0.1.0-small",
                    40, 256, 256, 256);
            case "throughputLightIntake" -> generate(light, batchesFor(seconds, JOBS_PER_TINY_BATCH), LIGHT_FIRST,
                    "0.1.0-tiny", 6, 1, 3, 1);
            case "idleBatch" -> generate(tiny, (int) (seconds * 50), TINY_FIRST, "0.1.0-tiny", 6, 1, 3, 1);
            default -> throw new IllegalStateException("no batches for " + method);
        }
        events = service.subscribe(e -> {
            if (e.kind().equals("job") && e.state().equals("queued") && e.detail().isEmpty()) {
                queuedMillis.putIfAbsent(e.id(), e.atMillis());
            } else if (e.kind().equals("batch") && (e.state().equals("done") || e.state().equals("failed"))) {
                finishedFuture(e.batchNumber()).complete(null);
            }
        });
    }

    private static int batchesFor(long seconds, int jobsPerBatch) {
        return (int) (seconds * 600 / jobsPerBatch) + 2 * LIGHT_BATCHES_PER_OP;
    }

    // count batches numbered from first, each with its own seed
    private static void generate(List<BatchInput> into, int count, long first, String version, int accounts,
            int deposits, int transfers, int withdrawals) {
        for (int i = 0; i < count; i++) {
            into.add(BatchMessages.toProto(BatchGenerator.generate(
                    new BatchSpec(first + i, version, accounts, deposits, transfers, withdrawals, i))));
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        events.close();
        List<Long> latencies = new ArrayList<>();
        NoOpRunner.STARTED_MILLIS.forEach((job, started) -> {
            Long queued = queuedMillis.get(job);
            if (queued != null && Long.parseLong(job.substring(0, job.indexOf('-'))) >= TINY_FIRST) {
                latencies.add(started - queued);
            }
        });
        if (!latencies.isEmpty()) {
            Collections.sort(latencies);
            System.out.printf("%nscheduling latency (%s, idle cluster, %d jobs): p50 %d ms, p99 %d ms, max %d ms%n",
                    db, latencies.size(), latencies.get(latencies.size() / 2),
                    latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1), latencies.get(latencies.size() - 1));
        }
        node.system().terminate();
        node.system().getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
        if (database != null) {
            sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void sql(String statement) throws java.sql.SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "");
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCHES_PER_OP * JOBS_PER_SMALL_BATCH)
    public void throughput() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < BATCHES_PER_OP; i++) {
            BatchInput b = small.get(nextSmall++);
            service.submit(b).toCompletableFuture().join();
            numbers.add(b.getHeader().getBatchNumber());
        }
        numbers.forEach(n -> awaitDone(n, JOBS_PER_SMALL_BATCH));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(LIGHT_BATCHES_PER_OP * JOBS_PER_TINY_BATCH)
    public void throughputLightIntake() {
        List<Long> numbers = new ArrayList<>();
        for (int i = 0; i < LIGHT_BATCHES_PER_OP; i++) {
            BatchInput b = light.get(nextLight++);
            service.submit(b).toCompletableFuture().join();
            numbers.add(b.getHeader().getBatchNumber());
        }
        numbers.forEach(n -> awaitDone(n, JOBS_PER_TINY_BATCH));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void idleBatch() {
        BatchInput b = tiny.get(nextTiny++);
        service.submit(b).toCompletableFuture().join();
        awaitDone(b.getHeader().getBatchNumber(), JOBS_PER_TINY_BATCH);
    }

    private void awaitDone(long n, int expected) {
        while (true) {
            Optional<ProvingService.BatchStatus> s = service.status(n).toCompletableFuture().join();
            if (s.isPresent() && s.get().state().equals("done")) {
                int jobs = s.get().rounds().stream().mapToInt(ProvingService.RoundProgress::total).sum();
                if (jobs != expected) {
                    throw new IllegalStateException("batch " + n + " had " + jobs + " jobs, the benchmark counts "
                            + expected);
                }
                return;
            }
            if (s.isPresent() && s.get().state().equals("failed")) {
                throw new IllegalStateException("batch " + n + " failed: " + s.get().error());
            }
            // woken by the batch's transition, as a client of /v1/events would be; the status is asked again at
            // least every 100 ms in case an event was missed
            try {
                finishedFuture(n).get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private CompletableFuture<Void> finishedFuture(long n) {
        return finished.computeIfAbsent(n, k -> new CompletableFuture<>());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
