package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.List;

/**
 * Bit gadgets on squeezed challenges: the low bits of an element (a FRI query index) and the proof-of-work check.
 */
public final class ChallengeBits {
    private ChallengeBits() {}

    /**
     * The little-endian low {@code bits} bits of x, as {@code Challenger.challengeIndex} takes them: a hint splits
     * x = low + 2^bits·high, low is decomposed into constrained bits and high is range-checked below 2^(64 − bits).
     * The split is unique unless x &lt; 2^32 − 1, where x + p also fits 64 bits; a challenge lands there with
     * probability below 2^−32.
     */
    public static List<Target> lowBits(CircuitBuilder b, Target x, int bits) {
        if (bits < 1 || bits > 31) {
            throw new IllegalArgumentException("index bits must be in [1, 31], got " + bits);
        }
        Target low = b.addVirtualTarget();
        Target high = b.addVirtualTarget();
        b.addGenerator(new SplitGenerator(x, bits, low, high));
        List<Target> out = b.splitBits(low, bits);
        b.rangeCheck(high, 64 - bits);
        // x = 2^bits·high + low
        b.assertEqual(b.arithmetic(1L << bits, high, b.one(), 1, low), x);
        return out;
    }

    /** Σ bits[i]·2^i for at most 31 little-endian bit targets. */
    public static Target recompose(CircuitBuilder b, List<Target> bits) {
        Target acc = bits.get(0);
        for (int i = 1; i < bits.size(); i++) {
            acc = b.arithmetic(1L << i, bits.get(i), b.one(), 1, acc);
        }
        return acc;
    }

    /**
     * The proof-of-work check: the response, as a 64-bit word, has at least powBits leading zero bits, that is
     * it lies below 2^(64 − powBits).
     */
    public static void assertLeadingZeros(CircuitBuilder b, Target response, int powBits) {
        if (powBits > 0) {
            b.rangeCheck(response, 64 - powBits);
        }
    }

    /** Splits x into its low {@code bits} bits and the rest. */
    record SplitGenerator(Target x, int bits, Target low, Target high) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            return List.of(x);
        }

        @Override
        public List<Target> outputs() {
            return List.of(low, high);
        }

        @Override
        public void run(WitnessAccess w) {
            long v = Goldilocks.canonical(w.get(x));
            w.set(low, v & ((1L << bits) - 1));
            w.set(high, v >>> bits);
        }

        @Override
        public String describe() {
            return "split of a challenge into its low " + bits + " bits";
        }
    }
}
