package dev.zkcluster.proof.recursion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.CircuitData;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecursiveChallengerTest {
    /**
     * A random script of observations (single elements, runs across the rate boundary, extension elements) and
     * challenges (base, extension, several in a row); every squeezed target must equal the native challenge.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void squeezesWhatTheNativeChallengerSqueezes(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CircuitBuilder b = new CircuitBuilder(RecursionFixtures.FAST);
        RecursiveChallenger inCircuit = new RecursiveChallenger(b);
        Challenger native_ = new Challenger();
        PartialWitness w = new PartialWitness();
        List<Long> expected = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            switch (rnd.nextInt(4)) {
                case 0 -> {
                    int n = 1 + rnd.nextInt(19);
                    for (int i = 0; i < n; i++) {
                        long v = rnd.nextLong();
                        Target t = b.addVirtualTarget();
                        w.set(t, v);
                        inCircuit.observe(t);
                        native_.observe(v);
                    }
                }
                case 1 -> {
                    ExtTarget t = new ExtTarget(b.addVirtualTarget(), b.addVirtualTarget());
                    long c0 = rnd.nextLong() >>> 1;
                    long c1 = rnd.nextLong() >>> 1;
                    w.set(t, c0, c1);
                    inCircuit.observe(t);
                    native_.observe(new dev.zkcluster.proof.field.Ext2(c0, c1));
                }
                case 2 -> {
                    int n = 1 + rnd.nextInt(11);
                    for (Target t : inCircuit.challenges(n)) {
                        b.registerPublicInput(t);
                    }
                    for (long v : native_.challenges(n)) {
                        expected.add(v);
                    }
                }
                default -> {
                    ExtTarget t = inCircuit.extChallenge();
                    b.registerPublicInput(t.c0());
                    b.registerPublicInput(t.c1());
                    var e = native_.extChallenge();
                    expected.add(e.c0());
                    expected.add(e.c1());
                }
            }
        }
        CircuitData data = b.build();
        long[] squeezed = WitnessGeneration.generate(data, w).publicInputs();
        assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), squeezed);
    }
}
