package dev.zkcluster.circuits.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.rollup.basic.BasicCircuit;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.plonk.ProvingKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The registry under calls from several threads, as a node's witness generation and prover make them: a circuit is
 * built and set up once however many callers ask for it, a circuit object made for witness generation is the one
 * later set up for proving, and a call on a ready circuit does not wait for another circuit's build.
 */
class CircuitRegistryThreadsTest {
    private static final CpuProvingBackend CPU = new CpuProvingBackend();

    @Test
    void aCircuitObjectMadeForWitnessesIsTheOneSetUpForProving() {
        CircuitRegistry registry = new CircuitRegistry(ProtocolVersion.V0_1_0_TINY, CPU);
        CircuitKey key = registry.basicKey(OpKind.TRANSFER);
        Object circuit = registry.circuit(key);
        assertEquals(1, registry.buildCount());
        assertEquals(0, registry.setUpCount(), "a circuit object for witnesses is not set up");
        assertTrue(registry.isHeld(key));
        assertFalse(registry.isReadyToProve(key));

        BasicCircuit ready = registry.basic(OpKind.TRANSFER);
        assertSame(circuit, ready);
        assertEquals(1, registry.buildCount(), "proving reuses the built circuit");
        assertEquals(1, registry.setUpCount());
        assertTrue(registry.isReadyToProve(key));
        // the key recorded at set-up answers later without another set-up
        assertEquals(registry.provingKey(key).verifierKey().digest(), registry.verifierKey(key).digest());
        assertEquals(1, registry.setUpCount());

        assertTrue(registry.release(key));
        assertFalse(registry.isHeld(key));
        registry.basic(OpKind.TRANSFER);
        assertEquals(2, registry.buildCount(), "a released circuit is built again");
    }

    @Test
    void concurrentCallersOfOneCircuitShareOneBuildAndSetUp() throws Exception {
        CircuitRegistry registry = new CircuitRegistry(ProtocolVersion.V0_1_0_TINY, CPU);
        CircuitKey key = registry.basicKey(OpKind.DEPOSIT);
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ProvingKey>> keys = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                keys.add(pool.submit(() -> {
                    start.await();
                    return registry.provingKey(key);
                }));
            }
            start.countDown();
            ProvingKey first = keys.get(0).get(2, TimeUnit.MINUTES);
            for (Future<ProvingKey> k : keys) {
                assertSame(first, k.get(2, TimeUnit.MINUTES));
            }
            assertEquals(1, registry.buildCount());
            assertEquals(1, registry.setUpCount());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallOnAReadyCircuitDoesNotWaitForAnotherCircuitsBuild() throws Exception {
        CircuitRegistry registry = new CircuitRegistry(ProtocolVersion.V0_1_0_TINY, CPU);
        BasicCircuit deposit = registry.basic(OpKind.DEPOSIT);
        long before = registry.buildCount();
        AtomicBoolean leafDone = new AtomicBoolean();
        // the leaf circuit first derives the transfer basic circuit's key, then builds the recursive verifier
        CompletableFuture<Object> leaf = CompletableFuture.supplyAsync(() -> {
            try {
                return registry.circuit(registry.leafKey(OpKind.TRANSFER));
            } finally {
                leafDone.set(true);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (registry.buildCount() == before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(registry.buildCount() > before, "the leaf's build did not start");
        assertFalse(leafDone.get(), "the leaf's build ended before the check could run");
        assertSame(deposit, registry.basic(OpKind.DEPOSIT));
        assertFalse(leafDone.get(), "a call on a ready circuit waited for another circuit's build");
        leaf.get(2, TimeUnit.MINUTES);
        assertTrue(registry.isHeld(registry.leafKey(OpKind.TRANSFER)));
        assertFalse(registry.isReadyToProve(registry.leafKey(OpKind.TRANSFER)));
    }
}
