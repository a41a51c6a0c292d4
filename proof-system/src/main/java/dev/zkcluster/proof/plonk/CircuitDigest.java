package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.plonk.gates.Gate;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The circuit digest: Poseidon2 hashNoPad over everything that defines a circuit, laid out as one sequence of
 * field elements: a domain tag, the config (its FRI parameters included), degree bits, number of public inputs,
 * the gate descriptors in selector order (length, then their UTF-8 bytes packed 4 to an element), the row-to-gate
 * assignment, then every constant column and every sigma column. The same circuit always gives the same digest.
 */
final class CircuitDigest {
    /** ASCII "plonkcv1" as one element (below p), so a digest of another kind of object cannot share a layout. */
    static final long DOMAIN_TAG = 0x706c6f6e6b637631L;

    private CircuitDigest() {}

    static long[] compute(CircuitConfig config, int degreeBits, List<Gate> gates, int[] rowGate,
            long[][] constants, long[][] sigmas, int numPublicInputs) {
        LongSequence seq = new LongSequence();
        seq.add(DOMAIN_TAG);
        appendShape(seq, config, degreeBits, gates, numPublicInputs);
        for (int g : rowGate) {
            seq.add(g + 1L);
        }
        for (long[] column : constants) {
            seq.addAll(column);
        }
        for (long[] column : sigmas) {
            seq.addAll(column);
        }
        return Poseidon2Hash.hashNoPad(seq.values, 0, seq.size).toArray();
    }

    /** The config, degree bits, number of public inputs and the gate descriptors, as the digest lays them out. */
    static void appendShape(
            LongSequence seq, CircuitConfig config, int degreeBits, List<Gate> gates, int numPublicInputs) {
        seq.add(config.numWires());
        seq.add(config.numRoutedWires());
        seq.add(config.numConstants());
        seq.add(config.numChallenges());
        seq.add(config.quotientDegreeFactor());
        seq.add(config.fri().rateBits());
        seq.add(config.fri().capHeight());
        seq.add(config.fri().numQueries());
        seq.add(config.fri().powBits());
        seq.add(config.fri().arityBits());
        seq.add(config.fri().finalPolyBits());
        seq.add(degreeBits);
        seq.add(numPublicInputs);
        seq.add(gates.size());
        for (Gate g : gates) {
            byte[] id = g.id().getBytes(StandardCharsets.UTF_8);
            seq.add(id.length);
            for (int i = 0; i < id.length; i += 4) {
                long packed = 0;
                for (int k = 0; k < 4 && i + k < id.length; k++) {
                    packed |= (id[i + k] & 0xffL) << (8 * k);
                }
                seq.add(packed);
            }
        }
    }

    static final class LongSequence {
        long[] values = new long[1024];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = v;
        }

        void addAll(long[] vs) {
            if (size + vs.length > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, size + vs.length));
            }
            System.arraycopy(vs, 0, values, size, vs.length);
            size += vs.length;
        }
    }
}
