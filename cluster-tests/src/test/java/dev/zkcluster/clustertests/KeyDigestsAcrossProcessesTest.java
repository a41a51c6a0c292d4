package dev.zkcluster.clustertests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.registry.ProtocolVersion;
import dev.zkcluster.circuits.registry.VerifierKeyDecoding;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key digests are identical across two runs: {@code zkcluster keys export} in a separate JVM and a registry in this
 * one derive every key of a version independently, and the exported files agree byte for byte (the encoding ends
 * with the circuit digest, so equal files mean equal digests). Two processes rule out anything a single JVM shares
 * between two builds: static caches, identity hash codes, map iteration order of one run. The tiny version keeps it
 * to a minute or two; the circuits are the same code at every capacity.
 */
@Tag("slow")
class KeyDigestsAcrossProcessesTest {
    private static final ProtocolVersion VERSION = ProtocolVersion.V0_1_0_TINY;

    @Test
    void aSeparateProcessExportsTheSameKeysByteForByte(@TempDir Path dir) throws Exception {
        Path other = dir.resolve("other");
        Path log = dir.resolve("export.log");
        Process export = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), "dev.zkcluster.node.Main",
                "keys", "export", other.toString(), "--protocol-version", VERSION.version())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = export.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            export.destroyForcibly();
        }
        assertEquals(0, finished ? export.exitValue() : -1, () -> output(log));

        Path here = dir.resolve("here");
        CircuitRegistry registry = new CircuitRegistry(VERSION, new CpuProvingBackend());
        registry.exportKeys(here);
        List<CircuitKey> keys = registry.allKeys();
        assertEquals(12, keys.size(), "3 basic, 3 leaf, 3 node, tip, scheduler, compression");
        for (CircuitKey key : keys) {
            VerifierKeyDecoding theirs = CircuitRegistry.importKey(other, key);
            VerifierKeyDecoding ours = CircuitRegistry.importKey(here, key);
            assertEquals(
                    CircuitRegistry.digestHex(assertInstanceOf(VerifierKeyDecoding.Decoded.class, ours).key()),
                    CircuitRegistry.digestHex(assertInstanceOf(VerifierKeyDecoding.Decoded.class, theirs).key()),
                    key.storePath());
            assertArrayEquals(Files.readAllBytes(here.resolve(key.storePath())),
                    Files.readAllBytes(other.resolve(key.storePath())), key.storePath());
        }
    }

    private static String output(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
