package dev.zkcluster.proof.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkcluster.proof.field.Ext2;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HornerTest {
    @Test
    void baseEvaluationMatchesSumOfTerms() {
        SplittableRandom rnd = new SplittableRandom(51);
        for (int n = 0; n < 70; n++) {
            long[] c = PolyTesting.randomLongs(rnd, n);
            long x = rnd.nextLong();
            assertEquals(PolyTesting.naiveEvaluate(c, x), Horner.evaluate(c, x), "degree < " + n);
        }
    }

    @Test
    void baseCoefficientsAtExtensionPointMatchSumOfTerms() {
        SplittableRandom rnd = new SplittableRandom(52);
        for (int n = 0; n < 70; n++) {
            long[] c = PolyTesting.randomLongs(rnd, n);
            Ext2 x = PolyTesting.randomExt(rnd);
            assertEquals(PolyTesting.naiveEvaluatePairs(PolyTesting.asPairs(c), x), Horner.evaluate(c, x));
        }
    }

    @Test
    void extensionCoefficientsAtExtensionPointMatchSumOfTerms() {
        SplittableRandom rnd = new SplittableRandom(53);
        for (int n = 0; n < 70; n++) {
            long[] pairs = PolyTesting.randomLongs(rnd, 2 * n);
            Ext2 x = PolyTesting.randomExt(rnd);
            assertEquals(PolyTesting.naiveEvaluatePairs(pairs, x), Horner.evaluatePairs(pairs, x));
        }
    }

    @Test
    void oddLengthPairsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Horner.evaluatePairs(new long[3], Ext2.ONE));
    }
}
