package dev.zkcluster.actors.intake;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random and mutated bytes through parse, convert and execute: every outcome is a value, never an exception. */
class BatchMessagesFuzzTest {
    private static final byte[] VALID = BatchMessages.toProto(
            BatchGenerator.generate(new BatchSpec(1, "0.1.0", 4, 2, 2, 1, 3))).toByteArray();

    private static int intake(byte[] bytes) {
        Decoded decoded = BatchMessages.parse(bytes);
        if (decoded instanceof Decoded.Accepted accepted) {
            assertNotNull(new BatchExecutor(ExecutorLimits.DEFAULT, 4).execute(accepted.batch()));
            return 1;
        }
        return 0;
    }

    @Test
    void mutatedValidBatchesNeverThrow() {
        Random random = new Random(17);
        int accepted = 0;
        for (int round = 0; round < 400; round++) {
            byte[] bytes = VALID.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            if (random.nextBoolean()) {
                bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
            }
            accepted += intake(bytes);
        }
        // some mutations only touch values, so the executor sees them too
        assertTrue(accepted > 0);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(18);
        for (int round = 0; round < 400; round++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            intake(bytes);
        }
    }
}
