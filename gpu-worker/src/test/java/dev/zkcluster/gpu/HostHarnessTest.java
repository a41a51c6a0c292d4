package dev.zkcluster.gpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriFolding;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernels' per-element arithmetic (src/main/cuda/*.cuh, all __host__ __device__) compiled by nvcc as host code
 * and compared with the Java field, Poseidon2, sponge and FRI fold. Runs wherever nvcc is installed; needs no GPU.
 */
class HostHarnessTest {
    private static final long P = Goldilocks.P;
    private static final long[] EDGES = {0, 1, 2, P - 1, P, P + 1, -1L, 0xFFFF_FFFFL, 1L << 32, 1L << 63, P - 2};

    private static Process harness;
    private static Writer in;
    private static BufferedReader out;

    @BeforeAll
    static void build() throws Exception {
        Path nvcc = Nvcc.require();
        Path module = Nvcc.moduleDir();
        Path binary = module.resolve("target/host-harness/harness");
        Files.createDirectories(binary.getParent());
        Nvcc.run(List.of(nvcc.toString(), "-O2", "-std=c++17", "-I", module.resolve("src/main/cuda").toString(),
                "-x", "cu", module.resolve("src/test/cuda/harness.cu").toString(), "-o", binary.toString()));
        harness = new ProcessBuilder(binary.toString()).redirectErrorStream(true).start();
        in = new OutputStreamWriter(harness.getOutputStream(), StandardCharsets.US_ASCII);
        out = new BufferedReader(new InputStreamReader(harness.getInputStream(), StandardCharsets.US_ASCII));
    }

    @AfterAll
    static void stop() throws Exception {
        if (harness != null) {
            in.close();
            harness.waitFor();
        }
    }

    private static long[] ask(String op, long... operands) throws IOException {
        String line = op + Arrays.stream(operands).mapToObj(v -> " " + Long.toHexString(v)).collect(Collectors.joining());
        in.write(line + "\n");
        in.flush();
        String answer = out.readLine();
        if (answer == null || answer.startsWith("error")) {
            fail("harness answered " + answer + " to " + op);
        }
        return Arrays.stream(answer.trim().split(" ")).mapToLong(h -> Long.parseUnsignedLong(h, 16)).toArray();
    }

    private static List<Long> samples(Random random, int count) {
        List<Long> values = new ArrayList<>();
        for (long e : EDGES) {
            values.add(e);
        }
        while (values.size() < count) {
            values.add(random.nextLong());
        }
        return values;
    }

    @Test
    void fieldOperationsMatchJava() throws IOException {
        Random random = new Random(1);
        List<Long> xs = samples(random, 60);
        for (long a : xs) {
            for (long b : samples(random, 20)) {
                assertEquals(Goldilocks.add(a, b), ask("add", a, b)[0], "add " + a + " " + b);
                assertEquals(Goldilocks.sub(a, b), ask("sub", a, b)[0], "sub " + a + " " + b);
                assertEquals(Goldilocks.mul(a, b), ask("mul", a, b)[0], "mul " + a + " " + b);
            }
            long e = random.nextLong();
            assertEquals(Goldilocks.exp(a, e), ask("pow", a, e)[0], "pow " + a + " " + e);
        }
    }

    @Test
    void butterflyMatchesJava() throws IOException {
        Random random = new Random(2);
        for (int i = 0; i < 200; i++) {
            long u = random.nextLong();
            long v = random.nextLong();
            long w = i < EDGES.length ? EDGES[i] : random.nextLong();
            long t = Goldilocks.mul(v, w);
            assertArrayEquals(new long[] {Goldilocks.add(u, t), Goldilocks.sub(u, t)}, ask("butterfly", u, v, w));
        }
    }

    @Test
    void extensionMultiplicationMatchesJava() throws IOException {
        Random random = new Random(3);
        for (int i = 0; i < 200; i++) {
            Ext2 a = new Ext2(random.nextLong(), random.nextLong());
            Ext2 b = new Ext2(random.nextLong(), random.nextLong());
            Ext2 c = a.mul(b);
            assertArrayEquals(new long[] {c.c0(), c.c1()}, ask("extmul", a.c0(), a.c1(), b.c0(), b.c1()));
        }
    }

    @Test
    void poseidon2ReproducesTheSharedVector() throws IOException {
        String dir = System.getProperty("zkcluster.shared.dir");
        assertTrue(dir != null && !dir.isBlank(), "system property zkcluster.shared.dir must name the shared folder");
        String json = Files.readString(Path.of(dir, "vectors", "poseidon2-goldilocks-w12.json"));
        int at = json.indexOf("\"test_vectors\"");
        assertTrue(at >= 0, "vector file has no test_vectors");
        Matcher input = Pattern.compile("\"input\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        Matcher output = Pattern.compile("\"output\"\\s*:\\s*\\[([^\\]]*)\\]").matcher(json);
        int vectors = 0;
        while (input.find(at) && output.find(input.end())) {
            long[] state = hexes(input.group(1));
            long[] expected = hexes(output.group(1));
            assertEquals(12, state.length);
            assertArrayEquals(expected, ask("perm", state), "the shared Poseidon2 vector");
            at = output.end();
            vectors++;
        }
        assertTrue(vectors > 0, "no test vector read");
    }

    @Test
    void poseidon2PermutationMatchesJava() throws IOException {
        Random random = new Random(4);
        for (int i = 0; i < 100; i++) {
            long[] state = new long[12];
            for (int j = 0; j < 12; j++) {
                state[j] = i < 10 ? EDGES[(i + j) % EDGES.length] : random.nextLong();
            }
            long[] expected = state.clone();
            Poseidon2.permute(expected);
            assertArrayEquals(expected, ask("perm", state), "permutation of " + Arrays.toString(state));
        }
    }

    @Test
    void spongeAndCompressionMatchJava() throws IOException {
        Random random = new Random(5);
        for (int length : new int[] {0, 1, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 80, 135}) {
            long[] xs = random.longs(length).map(Goldilocks::canonical).toArray();
            assertArrayEquals(Poseidon2Hash.hashNoPad(xs).toArray(), ask("hash", xs), "hashNoPad of " + length);
        }
        for (int i = 0; i < 50; i++) {
            long[] ab = random.longs(8).map(Goldilocks::canonical).toArray();
            Digest expected = Poseidon2Hash.twoToOne(Digest.of(ab, 0), Digest.of(ab, 4));
            assertArrayEquals(expected.toArray(), ask("twotoone", ab));
        }
    }

    @Test
    void friFoldStepMatchesJava() throws IOException {
        Random random = new Random(6);
        for (int arity = 1; arity <= 4; arity++) {
            for (int i = 0; i < 25; i++) {
                long[] values = random.longs(2L << arity).map(Goldilocks::canonical).toArray();
                long x0Inv = Goldilocks.canonical(random.nextLong());
                Ext2 beta = new Ext2(random.nextLong(), random.nextLong());
                Ext2 expected = FriFolding.foldCoset(values, 0, arity, x0Inv, beta);
                long[] operands = new long[6 + values.length];
                operands[0] = arity;
                operands[1] = x0Inv;
                operands[2] = beta.c0();
                operands[3] = beta.c1();
                operands[4] = Goldilocks.inverse(Goldilocks.primitiveRootOfUnity(arity));
                operands[5] = Goldilocks.inverse(1L << arity);
                System.arraycopy(values, 0, operands, 6, values.length);
                assertArrayEquals(new long[] {expected.c0(), expected.c1()}, ask("fold", operands),
                        "fold by 2^" + arity);
            }
        }
    }

    private static long[] hexes(String text) {
        Matcher m = Pattern.compile("\"0x([0-9a-fA-F]+)\"").matcher(text);
        List<Long> values = new ArrayList<>();
        while (m.find()) {
            values.add(new BigInteger(m.group(1), 16).longValue());
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
