package dev.zkcluster.proof.hash;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared Poseidon2 instance file, read at test time with a small scan of its hex-string arrays. */
final class Poseidon2VectorFile {
    static final String PROPERTY = "zkcluster.shared.dir";
    private static final Pattern HEX = Pattern.compile("\"0x([0-9a-fA-F]+)\"");

    private final String json;

    private Poseidon2VectorFile(String json) {
        this.json = json;
    }

    static Poseidon2VectorFile load() {
        String dir = System.getProperty(PROPERTY);
        if (dir == null || dir.isBlank()) {
            fail("system property " + PROPERTY + " is not set; it must name the shared folder that holds "
                    + "vectors/poseidon2-goldilocks-w12.json (surefire sets it)");
        }
        Path file = Path.of(dir, "vectors", "poseidon2-goldilocks-w12.json");
        try {
            return new Poseidon2VectorFile(Files.readString(file));
        } catch (IOException e) {
            return fail("cannot read the Poseidon2 vector file " + file + ": " + e);
        }
    }

    /** The hex strings of the array under {@code key}, or of the first array after it. */
    long[] array(String key) {
        int at = json.indexOf("\"" + key + "\"");
        if (at < 0) {
            fail("vector file has no key " + key);
        }
        int open = json.indexOf('[', at);
        int close = json.indexOf(']', open);
        return hexes(json.substring(open, close));
    }

    /** Pairs (input, output) of every test vector. */
    List<long[][]> testVectors() {
        List<long[][]> vectors = new ArrayList<>();
        int at = json.indexOf("\"test_vectors\"");
        while ((at = json.indexOf("\"input\"", at)) >= 0) {
            int inOpen = json.indexOf('[', at);
            int inClose = json.indexOf(']', inOpen);
            int outAt = json.indexOf("\"output\"", inClose);
            int outOpen = json.indexOf('[', outAt);
            int outClose = json.indexOf(']', outOpen);
            vectors.add(new long[][] {
                hexes(json.substring(inOpen, inClose)), hexes(json.substring(outOpen, outClose))
            });
            at = outClose;
        }
        return vectors;
    }

    private static long[] hexes(String text) {
        Matcher m = HEX.matcher(text);
        List<Long> values = new ArrayList<>();
        while (m.find()) {
            values.add(new BigInteger(m.group(1), 16).longValue());
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
