package dev.zkcluster.gpu;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Finds nvcc (PATH, then CUDA_HOME/bin) for the tests that compile the CUDA sources, and runs it. */
final class Nvcc {
    private Nvcc() {}

    /** The nvcc executable; the calling test is skipped, saying so, when there is none. */
    static Path require() {
        Path nvcc = find();
        assumeTrue(nvcc != null, "nvcc is not on the PATH (nor under CUDA_HOME/bin): CUDA sources not compiled here");
        return nvcc;
    }

    static Path find() {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        String cudaHome = System.getenv("CUDA_HOME");
        if (cudaHome != null) {
            dirs.add(cudaHome + File.separator + "bin");
        }
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "nvcc");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The module's directory (surefire runs tests there). */
    static Path moduleDir() {
        Path dir = Path.of(System.getProperty("user.dir"));
        if (!Files.isDirectory(dir.resolve("src/main/cuda"))) {
            throw new IllegalStateException("tests must run in the gpu-worker module directory, not " + dir);
        }
        return dir;
    }

    /** Runs a command, failing with its output when it exits non-zero; returns its output. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
