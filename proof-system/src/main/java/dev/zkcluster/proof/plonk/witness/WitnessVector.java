package dev.zkcluster.proof.plonk.witness;

import dev.zkcluster.proof.field.Goldilocks;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The full assignment of a circuit instance: every wire column over every row (column-major) and the public input
 * values. This is what the prover consumes, and it travels between nodes as bytes.
 *
 * <p>Encoding (little-endian): magic "ZKWV", u16 version, u32 numWires, u32 numRows, u32 numPublicInputs, then the
 * wire columns one after the other, then the public inputs, each element as a canonical u64. Decoding checks the
 * declared shape against the limits and the exact byte length before allocating anything.
 */
public record WitnessVector(long[][] wires, long[] publicInputs) {
    public static final int MAGIC = 0x5657_4b5a; // "ZKWV" read little-endian
    public static final short VERSION = 1;
    public static final int HEADER_BYTES = 4 + 2 + 4 + 4 + 4;
    public static final int MAX_WIRES = 1 << 12;
    public static final int MAX_ROWS = 1 << 24;
    public static final int MAX_PUBLIC_INPUTS = 1 << 20;

    public WitnessVector {
        if (wires.length == 0) {
            throw new IllegalArgumentException("a witness vector has at least one wire column");
        }
        for (long[] column : wires) {
            if (column.length != wires[0].length) {
                throw new IllegalArgumentException("wire columns differ in length");
            }
        }
    }

    public int numWires() {
        return wires.length;
    }

    public int numRows() {
        return wires[0].length;
    }

    public long wire(int row, int column) {
        return wires[column][row];
    }

    public byte[] toBytes() {
        long size = HEADER_BYTES + 8L * ((long) numWires() * numRows() + publicInputs.length);
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("witness vector of " + size + " bytes does not fit one array");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
        buf.putInt(MAGIC).putShort(VERSION).putInt(numWires()).putInt(numRows()).putInt(publicInputs.length);
        for (long[] column : wires) {
            for (long v : column) {
                buf.putLong(Goldilocks.canonical(v));
            }
        }
        for (long v : publicInputs) {
            buf.putLong(Goldilocks.canonical(v));
        }
        return buf.array();
    }

    /** Decodes untrusted bytes; every malformed input gives a {@link WitnessDecoding.Rejected}, never a throw. */
    public static WitnessDecoding fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            return reject(WitnessDecoding.Reason.TRUNCATED, "shorter than the " + HEADER_BYTES + "-byte header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (buf.getInt() != MAGIC) {
            return reject(WitnessDecoding.Reason.BAD_MAGIC, "not a witness vector");
        }
        short version = buf.getShort();
        if (version != VERSION) {
            return reject(WitnessDecoding.Reason.UNSUPPORTED_VERSION, "version " + version);
        }
        int numWires = buf.getInt();
        int numRows = buf.getInt();
        int numPublic = buf.getInt();
        if (numWires <= 0 || numWires > MAX_WIRES || numRows <= 0 || numRows > MAX_ROWS
                || Integer.bitCount(numRows) != 1 || numPublic < 0 || numPublic > MAX_PUBLIC_INPUTS) {
            return reject(WitnessDecoding.Reason.BAD_SHAPE, "wires " + Integer.toUnsignedString(numWires) + ", rows "
                    + Integer.toUnsignedString(numRows) + ", public inputs " + Integer.toUnsignedString(numPublic));
        }
        long expected = HEADER_BYTES + 8L * ((long) numWires * numRows + numPublic);
        if (bytes.length < expected) {
            return reject(WitnessDecoding.Reason.TRUNCATED, bytes.length + " bytes, the header declares " + expected);
        }
        if (bytes.length > expected) {
            return reject(WitnessDecoding.Reason.TRAILING_BYTES, bytes.length + " bytes, the header declares " + expected);
        }
        long[][] wires = new long[numWires][numRows];
        for (long[] column : wires) {
            for (int r = 0; r < numRows; r++) {
                column[r] = buf.getLong();
                if (Long.compareUnsigned(column[r], Goldilocks.P) >= 0) {
                    return reject(WitnessDecoding.Reason.NON_CANONICAL, "wire element at byte " + (buf.position() - 8));
                }
            }
        }
        long[] publicInputs = new long[numPublic];
        for (int i = 0; i < numPublic; i++) {
            publicInputs[i] = buf.getLong();
            if (Long.compareUnsigned(publicInputs[i], Goldilocks.P) >= 0) {
                return reject(WitnessDecoding.Reason.NON_CANONICAL, "public input " + i);
            }
        }
        return new WitnessDecoding.Decoded(new WitnessVector(wires, publicInputs));
    }

    private static WitnessDecoding reject(WitnessDecoding.Reason reason, String detail) {
        return new WitnessDecoding.Rejected(reason, detail);
    }
}
