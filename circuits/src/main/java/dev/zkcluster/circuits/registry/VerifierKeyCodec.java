package dev.zkcluster.circuits.registry;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriConfig;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.VerifierKey;
import dev.zkcluster.proof.plonk.gates.ArithmeticGate;
import dev.zkcluster.proof.plonk.gates.BaseSumGate;
import dev.zkcluster.proof.plonk.gates.ConstantGate;
import dev.zkcluster.proof.plonk.gates.ExtensionArithmeticGate;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.gates.NoopGate;
import dev.zkcluster.proof.plonk.gates.Poseidon2Gate;
import dev.zkcluster.proof.plonk.gates.PublicInputGate;
import dev.zkcluster.proof.plonk.gates.RandomAccessGate;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A versioned binary encoding of {@link VerifierKey}: magic "ZKVK", version, the circuit config and FRI config,
 * degree bits, public-input count, the gates (a tag and its parameters each), the constants-and-sigmas cap and the
 * circuit digest, all big-endian. Decoding untrusted bytes returns {@link VerifierKeyDecoding.Malformed} for
 * anything that is not a well-formed key, and allocates only within the limits below.
 */
public final class VerifierKeyCodec {
    public static final int MAGIC = 0x5A4B564B;
    public static final int VERSION = 1;
    static final int MAX_GATES = 64;
    static final int MAX_GATE_PARAMETER = 1 << 10;
    static final int MAX_WIRES = 1 << 12;
    static final int MAX_PUBLIC_INPUTS = 1 << 20;

    private static final byte ARITHMETIC = 1;
    private static final byte BASE_SUM = 2;
    private static final byte CONSTANT = 3;
    private static final byte EXTENSION_ARITHMETIC = 4;
    private static final byte NOOP = 5;
    private static final byte POSEIDON2 = 6;
    private static final byte PUBLIC_INPUT = 7;
    private static final byte RANDOM_ACCESS = 8;

    private VerifierKeyCodec() {}

    public static byte[] encode(VerifierKey key) {
        CircuitConfig c = key.config();
        FriConfig f = c.fri();
        int size = 4 * 2 + 4 * 11 + 4 * 3 + key.gates().size() * 9 + 4
                + 32 * key.constantsSigmasCap().size() + 32;
        ByteBuffer out = ByteBuffer.allocate(size);
        out.putInt(MAGIC).putInt(VERSION);
        for (int v : new int[] {c.numWires(), c.numRoutedWires(), c.numConstants(), c.numChallenges(),
                c.quotientDegreeFactor(), f.rateBits(), f.capHeight(), f.numQueries(), f.powBits(), f.arityBits(),
                f.finalPolyBits(), key.degreeBits(), key.numPublicInputs(), key.gates().size()}) {
            out.putInt(v);
        }
        for (Gate g : key.gates()) {
            putGate(out, g);
        }
        out.putInt(key.constantsSigmasCap().size());
        for (Digest d : key.constantsSigmasCap().digests()) {
            putDigest(out, d);
        }
        putDigest(out, key.circuitDigest());
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    private static void putGate(ByteBuffer out, Gate g) {
        if (g instanceof ArithmeticGate a) {
            out.put(ARITHMETIC).putInt(a.numOps()).putInt(0);
        } else if (g instanceof BaseSumGate s) {
            out.put(BASE_SUM).putInt(s.numLimbs()).putInt(s.base());
        } else if (g instanceof ConstantGate k) {
            out.put(CONSTANT).putInt(k.numConsts()).putInt(0);
        } else if (g instanceof ExtensionArithmeticGate e) {
            out.put(EXTENSION_ARITHMETIC).putInt(e.numOps()).putInt(0);
        } else if (g instanceof NoopGate) {
            out.put(NOOP).putInt(0).putInt(0);
        } else if (g instanceof Poseidon2Gate) {
            out.put(POSEIDON2).putInt(0).putInt(0);
        } else if (g instanceof PublicInputGate) {
            out.put(PUBLIC_INPUT).putInt(0).putInt(0);
        } else if (g instanceof RandomAccessGate r) {
            out.put(RANDOM_ACCESS).putInt(r.bits()).putInt(0);
        } else {
            throw new IllegalArgumentException("no encoding for gate " + g.id());
        }
    }

    private static void putDigest(ByteBuffer out, Digest d) {
        for (int i = 0; i < Digest.ELEMENTS; i++) {
            out.putLong(d.get(i));
        }
    }

    public static VerifierKeyDecoding decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (in.getInt() != MAGIC) {
                return malformed("not a verifier key (bad magic)");
            }
            int version = in.getInt();
            if (version != VERSION) {
                return malformed("verifier key codec version " + version + ", this build reads " + VERSION);
            }
            int[] v = new int[14];
            for (int i = 0; i < v.length; i++) {
                v[i] = in.getInt();
            }
            if (v[0] < 1 || v[0] > MAX_WIRES || v[12] < 0 || v[12] > MAX_PUBLIC_INPUTS || v[13] < 1
                    || v[13] > MAX_GATES) {
                return malformed("wires " + v[0] + ", public inputs " + v[12] + " or gates " + v[13]
                        + " outside the codec's limits");
            }
            CircuitConfig config = new CircuitConfig(
                    v[0], v[1], v[2], v[3], v[4], new FriConfig(v[5], v[6], v[7], v[8], v[9], v[10]));
            List<Gate> gates = new ArrayList<>(v[13]);
            for (int i = 0; i < v[13]; i++) {
                byte tag = in.get();
                int p0 = in.getInt();
                int p1 = in.getInt();
                if (p0 < 0 || p0 > MAX_GATE_PARAMETER || p1 < 0 || p1 > MAX_GATE_PARAMETER) {
                    return malformed("gate " + i + ": parameter outside [0, " + MAX_GATE_PARAMETER + "]");
                }
                Gate g = gate(tag, p0, p1);
                if (g == null) {
                    return malformed("gate " + i + ": unknown tag " + tag);
                }
                gates.add(g);
            }
            int capSize = in.getInt();
            if (capSize != 1 << config.fri().capHeight()) {
                return malformed("cap of " + capSize + " digests, the config's cap height needs "
                        + (1 << config.fri().capHeight()));
            }
            List<Digest> cap = new ArrayList<>(capSize);
            for (int i = 0; i < capSize; i++) {
                cap.add(getDigest(in));
            }
            Digest circuitDigest = getDigest(in);
            if (in.hasRemaining()) {
                return malformed(in.remaining() + " trailing bytes");
            }
            VerifierKey key = new VerifierKey(config, v[11], gates, v[12], new MerkleCap(cap), circuitDigest);
            // one key, one encoding: unused gate parameters and the like must be as encode writes them
            if (!java.util.Arrays.equals(encode(key), bytes)) {
                return malformed("not the canonical encoding of the key it describes");
            }
            return new VerifierKeyDecoding.Decoded(key);
        } catch (BufferUnderflowException e) {
            return malformed("truncated at byte " + in.position());
        } catch (IllegalArgumentException e) {
            return malformed(e.getMessage());
        }
    }

    private static Gate gate(byte tag, int p0, int p1) {
        return switch (tag) {
            case ARITHMETIC -> new ArithmeticGate(p0);
            case BASE_SUM -> new BaseSumGate(p0, p1);
            case CONSTANT -> new ConstantGate(p0);
            case EXTENSION_ARITHMETIC -> new ExtensionArithmeticGate(p0);
            case NOOP -> new NoopGate();
            case POSEIDON2 -> new Poseidon2Gate();
            case PUBLIC_INPUT -> new PublicInputGate();
            case RANDOM_ACCESS -> new RandomAccessGate(p0);
            default -> null;
        };
    }

    private static Digest getDigest(ByteBuffer in) {
        long[] e = new long[Digest.ELEMENTS];
        for (int i = 0; i < e.length; i++) {
            e[i] = in.getLong();
            if (Long.compareUnsigned(e[i], Goldilocks.P) >= 0) {
                throw new IllegalArgumentException("digest element " + Long.toUnsignedString(e[i])
                        + " is not canonical (at or above p)");
            }
        }
        return Digest.of(e);
    }

    private static VerifierKeyDecoding malformed(String reason) {
        return new VerifierKeyDecoding.Malformed(reason);
    }
}
