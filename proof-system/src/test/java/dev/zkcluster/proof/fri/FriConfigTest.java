package dev.zkcluster.proof.fri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FriConfigTest {
    @Test
    void standardConfigHasOneHundredConjecturedBits() {
        FriConfig c = FriConfig.standard();
        assertEquals(3 * 28 + 16, c.conjecturedSecurityBits());
        assertEquals(100, c.conjecturedSecurityBits());
    }

    @Test
    void shrinkConfigHasAtLeastOneHundredConjecturedBitsWithFewerQueries() {
        FriConfig shrink = FriConfig.shrink();
        assertTrue(shrink.conjecturedSecurityBits() >= 100, "shrink gives " + shrink.conjecturedSecurityBits());
        assertTrue(shrink.numQueries() < FriConfig.standard().numQueries());
        assertTrue(shrink.rateBits() >= 5);
    }

    @Test
    void reductionUsesArity16ThenArity2DownToTheFinalBound() {
        FriConfig c = FriConfig.standard();
        assertArrayEquals(new int[] {4, 4, 1, 1, 1}, c.reductionArityBits(16));
        assertArrayEquals(new int[] {4, 4, 1}, c.reductionArityBits(14));
        assertArrayEquals(new int[] {1, 1, 1}, c.reductionArityBits(8));
        assertArrayEquals(new int[] {4}, c.reductionArityBits(9));
        assertArrayEquals(new int[0], c.reductionArityBits(5));
        assertArrayEquals(new int[0], c.reductionArityBits(3));
    }

    @Test
    void reductionEndsExactlyAtTheFinalPolynomialDegree() {
        FriConfig c = FriConfig.standard();
        for (int d = 0; d <= c.maxDegreeBits(); d++) {
            int folded = Arrays.stream(c.reductionArityBits(d)).sum();
            assertEquals(c.finalPolyBits(d), d - folded, "degree bits " + d);
        }
    }

    @Test
    void rejectsParametersOutsideTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> new FriConfig(3, 4, 28, 16, 5, 5));
        assertThrows(IllegalArgumentException.class, () -> new FriConfig(0, 4, 28, 16, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> new FriConfig(3, 4, 0, 16, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> FriConfig.standard().reductionArityBits(30));
    }
}
