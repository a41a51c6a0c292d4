package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.merkle.MerkleProof;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The versioned binary encoding of a {@link FriProof}. All integers are big-endian; every field element is 8 bytes
 * and must be canonical (below p), so no two encodings decode to the same proof.
 *
 * <pre>
 * header    u32 magic "ZFRI", u16 version
 * caps      u32 section length, u8 layers, per layer: u16 digests, digests × 32 bytes
 * final     u32 section length, u32 coefficients, coefficients × (c0, c1)
 * pow       u32 section length, u64 nonce
 * queries   u32 section length, u16 rounds, per round:
 *             u8 oracles, per oracle: u32 width, width × element, u8 siblings, siblings × 32 bytes
 *             u8 layers,  per layer:  u16 values, values × (c0, c1), u8 siblings, siblings × 32 bytes
 * </pre>
 *
 * Decoding checks every count against the expected {@link FriProofShape} before allocating, and the total length
 * against the shape's size before reading, so untrusted bytes can only produce a proof of that shape or a
 * {@link FriProofDecoding.Malformed} value.
 */
public final class FriProofCodec {
    /** "ZFRI". */
    public static final int MAGIC = 0x5A465249;
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 2;
    static final int DIGEST_BYTES = 8 * Digest.ELEMENTS;

    private FriProofCodec() {}

    public static byte[] encode(FriProof proof) {
        Writer w = new Writer();
        w.u32(MAGIC);
        w.u16(VERSION);

        int caps = w.beginSection();
        w.u8(proof.layerCaps().size());
        for (MerkleCap cap : proof.layerCaps()) {
            w.u16(cap.size());
            for (Digest d : cap.digests()) {
                w.digest(d);
            }
        }
        w.endSection(caps);

        int finalPoly = w.beginSection();
        w.u32(proof.finalPoly().length / 2);
        for (long c : proof.finalPoly()) {
            w.u64(c);
        }
        w.endSection(finalPoly);

        int pow = w.beginSection();
        w.u64(proof.powNonce());
        w.endSection(pow);

        int queries = w.beginSection();
        w.u16(proof.queryRounds().size());
        for (FriQueryRound round : proof.queryRounds()) {
            w.u8(round.oracleOpenings().size());
            for (FriOracleOpening opening : round.oracleOpenings()) {
                w.u32(opening.row().length);
                for (long v : opening.row()) {
                    w.u64(v);
                }
                w.path(opening.proof());
            }
            w.u8(round.layerOpenings().size());
            for (FriLayerOpening opening : round.layerOpenings()) {
                w.u16(opening.values().length / 2);
                for (long v : opening.values()) {
                    w.u64(v);
                }
                w.path(opening.proof());
            }
        }
        w.endSection(queries);
        return w.toByteArray();
    }

    /** Decodes untrusted bytes that must hold a proof of exactly this shape. Never throws for any input. */
    public static FriProofDecoding decode(byte[] bytes, FriProofShape shape) {
        if (bytes == null) {
            return new FriProofDecoding.Malformed("no bytes");
        }
        long expected = shape.encodedSize();
        if (bytes.length != expected) {
            return new FriProofDecoding.Malformed(
                    "a FRI proof of this shape has " + expected + " bytes, got " + bytes.length);
        }
        try {
            return new FriProofDecoding.Decoded(read(new Reader(bytes), shape));
        } catch (MalformedException e) {
            return new FriProofDecoding.Malformed(e.getMessage());
        }
    }

    private static FriProof read(Reader r, FriProofShape shape) throws MalformedException {
        r.expect("magic", r.u32(), MAGIC);
        r.expect("codec version", r.u16(), VERSION);

        int capsEnd = r.beginSection("caps");
        r.expect("layer count", r.u8(), shape.layers().size());
        List<MerkleCap> caps = new ArrayList<>(shape.layers().size());
        for (FriProofShape.LayerShape layer : shape.layers()) {
            int size = r.expect("cap size", r.u16(), layer.capSize());
            List<Digest> digests = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                digests.add(r.digest());
            }
            caps.add(new MerkleCap(digests));
        }
        r.endSection("caps", capsEnd);

        int finalEnd = r.beginSection("final polynomial");
        int coefficients = r.expect("final polynomial length", r.u32(), shape.finalPolyLength());
        long[] finalPoly = r.elements(2 * coefficients);
        r.endSection("final polynomial", finalEnd);

        int powEnd = r.beginSection("proof of work");
        long nonce = r.element();
        r.endSection("proof of work", powEnd);

        int queriesEnd = r.beginSection("queries");
        r.expect("query rounds", r.u16(), shape.numQueries());
        List<FriQueryRound> rounds = new ArrayList<>(shape.numQueries());
        for (int q = 0; q < shape.numQueries(); q++) {
            r.expect("oracle openings", r.u8(), shape.oracles().size());
            List<FriOracleOpening> oracles = new ArrayList<>(shape.oracles().size());
            for (FriProofShape.OracleShape oracle : shape.oracles()) {
                int width = r.expect("oracle row width", r.u32(), oracle.width());
                long[] row = r.elements(width);
                oracles.add(new FriOracleOpening(row, r.path(oracle.siblings())));
            }
            r.expect("layer openings", r.u8(), shape.layers().size());
            List<FriLayerOpening> layers = new ArrayList<>(shape.layers().size());
            for (FriProofShape.LayerShape layer : shape.layers()) {
                int values = r.expect("layer leaf size", r.u16(), 1 << layer.arityBits());
                long[] leaf = r.elements(2 * values);
                layers.add(new FriLayerOpening(leaf, r.path(layer.siblings())));
            }
            rounds.add(new FriQueryRound(oracles, layers));
        }
        r.endSection("queries", queriesEnd);
        if (r.remaining() != 0) {
            throw new MalformedException(r.remaining() + " trailing bytes");
        }
        return new FriProof(caps, finalPoly, nonce, rounds);
    }

    /** A decoding failure; it never leaves this class. */
    private static final class MalformedException extends Exception {
        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Reader {
        private final byte[] bytes;
        private int pos;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int remaining() {
            return bytes.length - pos;
        }

        private void need(int n) throws MalformedException {
            if (n > remaining()) {
                throw new MalformedException("truncated at byte " + pos + ": need " + n + ", have " + remaining());
            }
        }

        long unsigned(int n) throws MalformedException {
            need(n);
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | (bytes[pos++] & 0xFF);
            }
            return v;
        }

        int u8() throws MalformedException {
            return (int) unsigned(1);
        }

        int u16() throws MalformedException {
            return (int) unsigned(2);
        }

        /** A u32 read into a long, so that values above 2^31 stay positive and fail the checks that follow. */
        long u32() throws MalformedException {
            return unsigned(4);
        }

        int expect(String what, long actual, long expected) throws MalformedException {
            if (actual != expected) {
                throw new MalformedException(what + " is " + actual + " at byte " + pos + ", expected " + expected);
            }
            return (int) actual;
        }

        long element() throws MalformedException {
            int at = pos;
            long v = unsigned(8);
            if (Long.compareUnsigned(v, Goldilocks.P) >= 0) {
                throw new MalformedException("non-canonical field element at byte " + at);
            }
            return v;
        }

        /** {@code count} elements; the caller has bounded count by the shape. */
        long[] elements(int count) throws MalformedException {
            need(8 * count);
            long[] out = new long[count];
            for (int i = 0; i < count; i++) {
                out[i] = element();
            }
            return out;
        }

        Digest digest() throws MalformedException {
            return new Digest(element(), element(), element(), element());
        }

        MerkleProof path(int siblings) throws MalformedException {
            expect("Merkle path length", u8(), siblings);
            List<Digest> digests = new ArrayList<>(siblings);
            for (int i = 0; i < siblings; i++) {
                digests.add(digest());
            }
            return new MerkleProof(digests);
        }

        /** Reads a section length and returns the position where the section must end. */
        int beginSection(String name) throws MalformedException {
            long length = u32();
            if (length > remaining()) {
                throw new MalformedException(name + " section claims " + length + " bytes, " + remaining() + " left");
            }
            return pos + (int) length;
        }

        void endSection(String name, int end) throws MalformedException {
            if (pos != end) {
                throw new MalformedException(name + " section ends at byte " + pos + ", its length says " + end);
            }
        }
    }

    private static final class Writer {
        private byte[] buf = new byte[1024];
        private int pos;

        private void ensure(int n) {
            if (pos + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            }
        }

        void unsigned(long v, int n) {
            ensure(n);
            for (int i = n - 1; i >= 0; i--) {
                buf[pos++] = (byte) (v >>> (8 * i));
            }
        }

        void u8(int v) {
            requireFits(v, 0xFF);
            unsigned(v, 1);
        }

        void u16(int v) {
            requireFits(v, 0xFFFF);
            unsigned(v, 2);
        }

        void u32(long v) {
            requireFits(v, 0xFFFF_FFFFL);
            unsigned(v, 4);
        }

        void u64(long v) {
            unsigned(v, 8);
        }

        void digest(Digest d) {
            for (int i = 0; i < Digest.ELEMENTS; i++) {
                u64(d.get(i));
            }
        }

        void path(MerkleProof proof) {
            u8(proof.siblings().size());
            for (Digest d : proof.siblings()) {
                digest(d);
            }
        }

        /** Reserves a section length and returns where it sits. */
        int beginSection() {
            int at = pos;
            unsigned(0, 4);
            return at;
        }

        void endSection(int at) {
            long length = pos - at - 4;
            for (int i = 0; i < 4; i++) {
                buf[at + i] = (byte) (length >>> (8 * (3 - i)));
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buf, pos);
        }

        private static void requireFits(long v, long max) {
            if (v < 0 || v > max) {
                throw new IllegalArgumentException("count " + v + " does not fit the FRI proof encoding (max " + max + ")");
            }
        }
    }
}
