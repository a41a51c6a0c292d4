package dev.zkcluster.persistence.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest {
    @TempDir Path dir;

    @Test
    void putReplacesAndLeavesNoTemporaryFiles() throws Exception {
        FileObjectStore store = new FileObjectStore(dir);
        String key = BlobKeys.proof(7, 2, "transfer.depth1", 1, 0);
        store.put(key, new byte[] {1, 2});
        store.put(key, new byte[] {3});
        assertArrayEquals(new byte[] {3}, store.get(key).orElseThrow());
        assertEquals(dir.resolve("proofs/7/2/transfer.depth1/1/0.bin"), dir.resolve(key));
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(1, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void putIfAbsentKeepsTheFirstValue() throws Exception {
        FileObjectStore store = new FileObjectStore(dir);
        assertTrue(store.putIfAbsent(BlobKeys.witnessInputs(3), new byte[] {1}));
        assertFalse(store.putIfAbsent(BlobKeys.witnessInputs(3), new byte[] {2}));
        assertArrayEquals(new byte[] {1}, store.get(BlobKeys.witnessInputs(3)).orElseThrow());
    }

    @Test
    void missingKeysAndTrees() throws Exception {
        FileObjectStore store = new FileObjectStore(dir);
        assertEquals(Optional.empty(), store.get(BlobKeys.finalProof(1)));
        store.put(BlobKeys.proof(1, 0, "deposit", 0, 0), new byte[] {1});
        store.put(BlobKeys.proof(2, 0, "deposit", 0, 0), new byte[] {1});
        store.deleteTree(BlobKeys.proofs(1));
        assertFalse(store.exists(BlobKeys.proof(1, 0, "deposit", 0, 0)));
        assertTrue(store.exists(BlobKeys.proof(2, 0, "deposit", 0, 0)));
    }

    @Test
    void keysCannotLeaveTheRoot() {
        FileObjectStore store = new FileObjectStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.put("../x", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> store.put("/etc/x", new byte[0]));
    }
}
