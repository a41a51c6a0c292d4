package dev.zkcluster.gpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed PTX is what build-ptx.sh makes of the current CUDA sources. */
class PtxCurrentTest {

    @Test
    void committedPtxMatchesTheSources() throws Exception {
        Path nvcc = Nvcc.require();
        Path module = Nvcc.moduleDir();
        Path committed = module.resolve("src/main/resources/dev/zkcluster/gpu/kernels.ptx");
        String committedText = Files.readString(committed, StandardCharsets.UTF_8);
        String version = Nvcc.run(List.of(nvcc.toString(), "--version"));
        String release = releaseLine(version);
        // another nvcc release writes other (equally valid) PTX; the check is only exact for the release that made it
        assumeTrue(committedText.contains(release), "the committed PTX was made by another nvcc than this one ("
                + release + "); regenerate it with src/main/cuda/build-ptx.sh after moving to this release");
        Path fresh = module.resolve("target/ptx-check/kernels.ptx");
        Files.createDirectories(fresh.getParent());
        Nvcc.run(List.of("bash", module.resolve("src/main/cuda/build-ptx.sh").toString(), fresh.toString()));
        assertEquals(committedText, Files.readString(fresh, StandardCharsets.UTF_8),
                "src/main/resources/dev/zkcluster/gpu/kernels.ptx is stale: run src/main/cuda/build-ptx.sh and commit");
    }

    @Test
    void shippedPtxHasEveryKernelTheBackendLaunches() {
        String ptx = new String(CudaProvingBackend.loadPtx(), StandardCharsets.US_ASCII);
        for (String kernel : List.of("twiddles", "bit_reverse", "ntt_block", "ntt_stage", "ntt_stage2", "scale_all",
                "scale_powers", "lde_spread", "merkle_leaves", "merkle_nodes", "fri_fold")) {
            assertTrue(ptx.contains(".entry " + kernel + "("), "kernels.ptx lacks the entry " + kernel);
        }
        assertTrue(ptx.contains(".target sm_75"), "kernels.ptx should target the portable virtual arch compute_75");
    }

    private static String releaseLine(String version) {
        for (String line : version.split("\n")) {
            if (line.startsWith("Cuda compilation tools")) {
                return line.trim();
            }
        }
        throw new IllegalStateException("cannot read the nvcc release from:\n" + version);
    }
}
