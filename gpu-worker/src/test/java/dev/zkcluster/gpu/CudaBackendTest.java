package dev.zkcluster.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.field.Goldilocks;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kernel of the CUDA backend against the CPU backend on random inputs, 2^10 to 2^20; needs a CUDA device. */
class CudaBackendTest {
    private static final ProvingBackend CPU = new CpuProvingBackend();
    private static CudaProvingBackend gpu;

    // per test, so that each one is reported as skipped, with the reason, where there is no device
    @BeforeEach
    void open() {
        CudaDriver.Probe probe = CudaDriver.probe();
        assumeTrue(probe.hasDevices(), "no CUDA device: " + probe.problem());
        if (gpu == null) {
            gpu = CudaProvingBackend.open(0, 0);
        }
    }

    @AfterAll
    static void close() {
        if (gpu != null) {
            gpu.close();
        }
    }

    static long[][] random(long seed, int columns, int length) {
        Random random = new Random(seed);
        long[][] out = new long[columns][];
        for (int c = 0; c < columns; c++) {
            out[c] = random.longs(length).map(Goldilocks::canonical).toArray();
        }
        return out;
    }

    static long[][] copy(long[][] columns) {
        long[][] out = new long[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c].clone();
        }
        return out;
    }

    static void assertSame(long[][] expected, long[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": column count");
        for (int c = 0; c < expected.length; c++) {
            assertArrayEquals(expected[c], actual[c], what + ": column " + c);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 11, 12, 13, 16, 17, 20, 22})
    void forwardAndInverseNtt(int logN) {
        // 2^22 values are more than one 16 MiB staging slot: the copies go in pieces
        int columns = logN >= 22 ? 2 : logN >= 17 ? 4 : 9;
        long[][] input = random(logN, columns, 1 << logN);
        long[][] cpu = copy(input);
        long[][] cuda = copy(input);
        CPU.forwardNtt(cpu);
        gpu.forwardNtt(cuda);
        assertSame(cpu, cuda, "forward NTT 2^" + logN);
        CPU.inverseNtt(cpu);
        gpu.inverseNtt(cuda);
        assertSame(cpu, cuda, "inverse NTT 2^" + logN);
        assertSame(input, cuda, "inverse after forward");
    }

    @Test
    void nttOfMixedLengthsAndNonCanonicalInputs() {
        long[][] input = {random(1, 1, 1 << 10)[0], random(2, 1, 1 << 12)[0], {Goldilocks.P + 5},
            {-1L, Goldilocks.P, 3, 4}};
        long[][] cpu = copy(input);
        long[][] cuda = copy(input);
        CPU.forwardNtt(cpu);
        gpu.forwardNtt(cuda);
        assertSame(cpu, cuda, "forward NTT of mixed lengths");
        assertThrows(IllegalArgumentException.class, () -> gpu.forwardNtt(new long[][] {new long[12]}));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 12, 14, 17})
    void cosetLdeToBlowupEight(int logN) {
        long[][] coefficients = random(100 + logN, logN >= 17 ? 3 : 7, 1 << logN);
        long[][] before = copy(coefficients);
        long[][] cpu = CPU.cosetLde(coefficients, 3, Goldilocks.GENERATOR);
        long[][] cuda = gpu.cosetLde(coefficients, 3, Goldilocks.GENERATOR);
        assertSame(cpu, cuda, "coset LDE 2^" + logN + " -> 2^" + (logN + 3));
        assertSame(before, coefficients, "LDE input left unchanged");
    }

    @Test
    void cosetLdeWithOtherRatesAndShifts() {
        long[][] coefficients = random(7, 5, 1 << 10);
        for (int rateBits : new int[] {0, 1, 4}) {
            long shift = 3 + rateBits;
            assertSame(CPU.cosetLde(coefficients, rateBits, shift), gpu.cosetLde(coefficients, rateBits, shift),
                    "LDE rate bits " + rateBits);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 13, 16, 20})
    void cosetInterpolate(int logN) {
        long[][] values = random(200 + logN, logN >= 16 ? 3 : 8, 1 << logN);
        assertSame(CPU.cosetInterpolate(values, Goldilocks.GENERATOR),
                gpu.cosetInterpolate(values, Goldilocks.GENERATOR), "coset interpolation 2^" + logN);
        // and it inverts the LDE
        long[][] coefficients = random(300 + logN, 2, 1 << (logN - 3));
        long[][] lde = gpu.cosetLde(coefficients, 3, Goldilocks.GENERATOR);
        long[][] back = gpu.cosetInterpolate(lde, Goldilocks.GENERATOR);
        for (int c = 0; c < coefficients.length; c++) {
            long[] head = java.util.Arrays.copyOf(back[c], coefficients[c].length);
            assertArrayEquals(coefficients[c], head, "interpolated LDE, column " + c);
            for (int i = coefficients[c].length; i < back[c].length; i++) {
                assertEquals(0, back[c][i], "coefficient " + i + " above the degree");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 14, 17, 20})
    void merkleLevels(int logN) {
        int[] widths = logN >= 17 ? new int[] {4, 20} : new int[] {1, 4, 5, 8, 9, 135};
        for (int width : widths) {
            long[][] columns = random(400 + logN * 1000L + width, width, 1 << logN);
            long[][] cpu = CPU.merkleLevels(columns, 4);
            long[][] cuda = gpu.merkleLevels(columns, 4);
            assertSame(cpu, cuda, "Merkle levels 2^" + logN + " x " + width);
        }
    }

    @Test
    void merkleCapHeightsAndBadInput() {
        long[][] columns = random(9, 12, 1 << 10);
        for (int cap : new int[] {0, 1, 4, 10, 12}) {
            assertSame(CPU.merkleLevels(columns, cap), gpu.merkleLevels(columns, cap), "cap height " + cap);
        }
        assertThrows(IllegalArgumentException.class, () -> gpu.merkleLevels(new long[][] {new long[8], new long[4]}, 2));
        assertThrows(IllegalArgumentException.class, () -> gpu.merkleLevels(new long[0][], 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 13, 16, 20})
    void friFold(int logN) {
        Random random = new Random(logN);
        long[] codeword = random.longs(2L << logN).map(Goldilocks::canonical).toArray();
        for (int arity = 1; arity <= 4; arity++) {
            long beta0 = Goldilocks.canonical(random.nextLong());
            long beta1 = Goldilocks.canonical(random.nextLong());
            long shift = arity == 4 ? Goldilocks.GENERATOR : Goldilocks.exp(Goldilocks.GENERATOR, 1L << arity);
            assertArrayEquals(CPU.friFold(codeword, logN, shift, arity, beta0, beta1),
                    gpu.friFold(codeword, logN, shift, arity, beta0, beta1), "FRI fold 2^" + logN + " by 2^" + arity);
        }
        assertThrows(IllegalArgumentException.class, () -> gpu.friFold(codeword, logN + 1, 7, 4, 1, 2));
    }

    @Test
    void aMemoryLimitSplitsColumnsAndLeafRowsWithTheSameResults() {
        // 64 MiB: 16 columns of 2^20 (128 MiB) go in chunks; the Merkle leaves go in row ranges
        try (CudaProvingBackend small = CudaProvingBackend.open(0, 64L << 20)) {
            long[][] input = random(11, 16, 1 << 20);
            long[][] cpu = copy(input);
            long[][] cuda = copy(input);
            CPU.forwardNtt(cpu);
            small.forwardNtt(cuda);
            assertSame(cpu, cuda, "chunked NTT");
            long[][] wide = random(12, 40, 1 << 18);
            assertSame(CPU.merkleLevels(wide, 4), small.merkleLevels(wide, 4), "Merkle tree in row chunks");
            long[][] lde = random(13, 8, 1 << 17);
            assertSame(CPU.cosetLde(lde, 3, 7), small.cosetLde(lde, 3, 7), "chunked LDE");
        }
    }

    @Test
    void aRequestThatCannotFitIsRefusedAndTheBackendStaysUsable() {
        try (CudaProvingBackend small = CudaProvingBackend.open(0, 64L << 20)) {
            // one column of 2^24 is 128 MiB before its twiddles: no chunk fits
            long[][] huge = new long[1][1 << 24];
            DeviceMemoryException e = assertThrows(DeviceMemoryException.class, () -> small.forwardNtt(huge));
            assertTrue(e.neededBytes() > e.availableBytes(), e.getMessage());
            assertTrue(e.getMessage().contains("NTT of 2^24"), e.getMessage());
            assertThrows(DeviceMemoryException.class, () -> small.cosetLde(new long[1][1 << 22], 3, 7));
            assertThrows(DeviceMemoryException.class, () -> small.friFold(new long[2 << 23], 23, 7, 4, 1, 2));
            // still works
            long[][] input = random(14, 4, 1 << 12);
            long[][] cpu = copy(input);
            long[][] cuda = copy(input);
            CPU.forwardNtt(cpu);
            small.forwardNtt(cuda);
            assertSame(cpu, cuda, "NTT after a refusal");
        }
    }

    @Test
    void jobsOnSeveralThreadsShareOneBackend() throws Exception {
        // zkcluster.cuda.concurrency > 1 runs several jobs' calls against one backend at once
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                long seed = 500 + t;
                jobs.add(pool.submit(() -> {
                    for (int round = 0; round < 3; round++) {
                        long[][] input = random(seed * 10 + round, 6, 1 << 14);
                        long[][] cpu = copy(input);
                        long[][] cuda = copy(input);
                        CPU.inverseNtt(cpu);
                        gpu.inverseNtt(cuda);
                        assertSame(cpu, cuda, "inverse NTT on thread " + seed);
                        assertSame(CPU.merkleLevels(input, 4), gpu.merkleLevels(input, 4), "Merkle on thread " + seed);
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedBackendRefusesWork() {
        CudaProvingBackend backend = CudaProvingBackend.open(0, 0);
        backend.close();
        backend.close();
        assertThrows(IllegalStateException.class, () -> backend.forwardNtt(new long[][] {new long[4]}));
    }
}
