package dev.zkcluster.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.zkcluster.actors.api.ProvingService;
import dev.zkcluster.actors.cluster.JobRunner;
import dev.zkcluster.actors.intake.BatchMessages;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.node.Node;
import dev.zkcluster.node.NodeConfig;
import dev.zkcluster.protocol.v1.BatchInput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * Several nodes in this JVM on loopback: distinct ports, one shared data directory (so one H2 journal and one
 * object store, as a shared database and file system would give separate machines), fast house keeping, and
 * abrupt termination (no coordinated leave) when a test kills a node.
 */
final class TestCluster implements AutoCloseable {
    final Path dataDir;
    private final String common;
    private final Config application;
    private final List<Node> nodes = new ArrayList<>();
    private int seedPort = -1;

    TestCluster(Path dataDir, String commonHocon) {
        this(dataDir, commonHocon, ConfigFactory.defaultApplication());
    }

    /** As above, on a profile such as postgres.conf. */
    TestCluster(Path dataDir, String commonHocon, Config application) {
        this.dataDir = dataDir;
        this.common = commonHocon;
        this.application = application;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Config config(String roles, String extraHocon, int clusterPort) {
        if (seedPort < 0) {
            seedPort = clusterPort;
        }
        String hocon = String.join("\n",
                "zkcluster.data-dir = \"" + dataDir.toString().replace("\\", "/") + "\"",
                "zkcluster.roles = [" + roles + "]",
                "zkcluster.http.host = 127.0.0.1",
                "zkcluster.http.port = " + freePort(),
                "zkcluster.cluster.port = " + clusterPort,
                "zkcluster.cluster.seed-nodes = [\"pekko://zkcluster@127.0.0.1:" + seedPort + "\"]",
                "zkcluster.jobs.house-keeper-interval = 300ms",
                "zkcluster.jobs.poll-interval = 200ms",
                "kamon.modules.status-page.enabled = false",
                "pekko.coordinated-shutdown.run-by-actor-system-terminate = off",
                "pekko.cluster.split-brain-resolver.stable-after = 2s",
                "pekko.cluster.failure-detector.acceptable-heartbeat-pause = 2s",
                "pekko.cluster.jmx.enabled = off",
                "pekko.loglevel = WARNING",
                common,
                extraHocon);
        return ConfigFactory.parseString(hocon);
    }

    Node start(String roles, String extraHocon, JobRunner.Factory runners) {
        return start(roles, extraHocon, runners, freePort());
    }

    Node start(String roles, String extraHocon, JobRunner.Factory runners, int clusterPort) {
        Node node = Node.start(NodeConfig.load(config(roles, extraHocon, clusterPort), application), runners);
        nodes.add(node);
        return node;
    }

    /** Waits until {@code count} members are up, as the first live node sees it. */
    void awaitUp(int count) {
        await("cluster of " + count, Duration.ofSeconds(30), () -> {
            Node n = live().get(0);
            int up = 0;
            for (var m : Cluster.get(n.system()).state().getMembers()) {
                if (m.status() == MemberStatus.up()) {
                    up++;
                }
            }
            return up == count ? Optional.of(true) : Optional.empty();
        });
    }

    List<Node> live() {
        return nodes.stream().filter(n -> !n.system().getWhenTerminated().toCompletableFuture().isDone()).toList();
    }

    /** Terminates the node's actor system without leaving the cluster, as a crash would. */
    void kill(Node node) {
        node.system().terminate();
        node.system().getWhenTerminated().toCompletableFuture().orTimeout(30, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() {
        for (Node n : live()) {
            kill(n);
        }
    }

    /** A connection to the H2 journal that the cluster's nodes share under {@code dataDir}. */
    static Connection journal(Path dataDir) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.toString().replace("\\", "/")
                + "/journal/zkcluster;DATABASE_TO_UPPER=false", "", "");
    }

    static BatchInput batch(long number, String version, int deposits, int transfers, int withdrawals) {
        return BatchMessages.toProto(BatchGenerator.generate(
                new BatchSpec(number, version, 6, deposits, transfers, withdrawals, number * 31 + 7)));
    }

    static ProvingService.BatchStatus awaitState(ProvingService service, long batch, String state, Duration timeout) {
        return await("batch " + batch + " " + state, timeout, () -> {
            Optional<ProvingService.BatchStatus> s = service.status(batch).toCompletableFuture().join();
            if (s.isPresent() && s.get().state().equals("failed") && !state.equals("failed")) {
                fail("batch " + batch + " failed: " + s.get().error().orElse("?"));
            }
            return s.filter(x -> x.state().equals(state));
        });
    }

    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                Optional<T> v = probe.get();
                if (v.isPresent()) {
                    return v.get();
                }
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fail("timed out waiting for " + what + (last == null ? "" : "; last error: " + last));
    }
}
