package dev.zkcluster.proof.fri;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.field.Ext2;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The combined FRI codeword is the same whether it is summed on the LDE columns or on the coefficients. */
class FriCombinationTest {
    private static final FriConfig CONFIG = new FriConfig(3, 2, 8, 0, 4, 3);

    @Test
    void combinationOnCoefficientsEqualsCombinationOnLdeColumns() {
        FriOpeningsFixture fixture = FriOpeningsFixture.random(CONFIG, 7, 11, 5, 3, 4);
        List<FriOracle> withCoefficients = new ArrayList<>();
        for (int o = 0; o < fixture.oracles.size(); o++) {
            FriOracle oracle = fixture.oracles.get(o);
            withCoefficients.add(new FriOracle(oracle.ldeColumns(), oracle.tree(), fixture.coefficients.get(o)));
        }
        Ext2 alpha = new Ext2(123456789L, 987654321L);
        int logN = fixture.degreeBits + CONFIG.rateBits();
        long[] fromColumns = FriCombination.codeword(fixture.instance, fixture.oracles, alpha, logN);
        long[] fromCoefficients = FriCombination.codeword(
                fixture.instance, withCoefficients, alpha, logN, new CpuProvingBackend());
        assertArrayEquals(fromColumns, fromCoefficients);
    }
}
