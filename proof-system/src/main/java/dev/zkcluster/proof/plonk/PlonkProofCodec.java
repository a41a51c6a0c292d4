package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.fri.FriProofCodec;
import dev.zkcluster.proof.fri.FriProofDecoding;
import dev.zkcluster.proof.fri.FriProofShape;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.merkle.MerkleCap;
import dev.zkcluster.proof.plonk.PlonkProofDecoding.Reason;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The versioned binary encoding of a {@link PlonkProof}. Integers are big-endian, field elements are 8 bytes and
 * must be canonical.
 *
 * <pre>
 * header    u32 magic "ZPLK", u16 version, circuit digest (4 × u64)
 * caps      u32 section length, then for the wires, Z/partials and quotient caps: u16 digests, digests × 32 bytes
 * openings  u32 section length, u32 values at ζ, values × (c0, c1), u32 values at g·ζ, values × (c0, c1)
 * fri       u32 section length, the FRI proof in {@link FriProofCodec}'s encoding
 * </pre>
 *
 * Decoding takes the verifier key: the header's digest must name its circuit, and every count and section length
 * must equal what the key's shape implies, so the total length is known and checked before anything is allocated.
 */
public final class PlonkProofCodec {
    /** "ZPLK". */
    public static final int MAGIC = 0x5A504C4B;
    public static final int VERSION = 1;
    static final int HEADER_BYTES = 4 + 2 + 8 * Digest.ELEMENTS;
    private static final int DIGEST_BYTES = 8 * Digest.ELEMENTS;
    private static final int CAPS = 3;

    private PlonkProofCodec() {}

    public static byte[] encode(PlonkProof proof) {
        byte[] fri = FriProofCodec.encode(proof.fri());
        long[] atZeta = proof.openingsAtZeta();
        long[] atNext = proof.openingsAtNextZeta();
        List<MerkleCap> caps = List.of(proof.wiresCap(), proof.zsPartialsCap(), proof.quotientCap());
        int capsBytes = 0;
        for (MerkleCap cap : caps) {
            capsBytes += 2 + cap.size() * DIGEST_BYTES;
        }
        int openingsBytes = 4 + 8 * atZeta.length + 4 + 8 * atNext.length;
        ByteBuffer buf = ByteBuffer.allocate(HEADER_BYTES + 4 + capsBytes + 4 + openingsBytes + 4 + fri.length);
        buf.putInt(MAGIC).putShort((short) VERSION);
        putDigest(buf, proof.circuitDigest());
        buf.putInt(capsBytes);
        for (MerkleCap cap : caps) {
            buf.putShort((short) cap.size());
            for (Digest d : cap.digests()) {
                putDigest(buf, d);
            }
        }
        buf.putInt(openingsBytes);
        buf.putInt(atZeta.length / 2);
        for (long v : atZeta) {
            buf.putLong(v);
        }
        buf.putInt(atNext.length / 2);
        for (long v : atNext) {
            buf.putLong(v);
        }
        buf.putInt(fri.length).put(fri);
        return buf.array();
    }

    /** The encoded size of every proof under this key. */
    public static long encodedSize(VerifierKey key) {
        Expected e = Expected.of(key);
        return HEADER_BYTES + 4 + e.capsBytes() + 4 + e.openingsBytes() + 4 + e.friShape().encodedSize();
    }

    /** Decodes untrusted bytes as a proof for the key's circuit. Never throws; never allocates beyond the key's shape. */
    public static PlonkProofDecoding decode(byte[] bytes, VerifierKey key) {
        if (bytes == null || bytes.length < HEADER_BYTES) {
            return reject(Reason.TRUNCATED, "shorter than the " + HEADER_BYTES + "-byte header");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        int magic = buf.getInt();
        if (magic != MAGIC) {
            return reject(Reason.BAD_MAGIC, "not a PLONK proof: magic " + Integer.toHexString(magic));
        }
        int version = Short.toUnsignedInt(buf.getShort());
        if (version != VERSION) {
            return reject(Reason.UNSUPPORTED_VERSION, "codec version " + version + ", this decoder reads " + VERSION);
        }
        long[] digest = new long[Digest.ELEMENTS];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = buf.getLong();
        }
        if (!Arrays.equals(digest, key.circuitDigest().toArray())) {
            return reject(Reason.WRONG_CIRCUIT, "the proof names another circuit than the verifier key");
        }
        Expected e = Expected.of(key);
        long expected = encodedSize(key);
        if (bytes.length < expected) {
            return reject(Reason.TRUNCATED, bytes.length + " bytes, a proof for this circuit has " + expected);
        }
        if (bytes.length > expected) {
            return reject(Reason.TRAILING_BYTES, bytes.length + " bytes, a proof for this circuit has " + expected);
        }

        if (buf.getInt() != e.capsBytes()) {
            return reject(Reason.BAD_SECTION, "caps section length");
        }
        List<MerkleCap> caps = new ArrayList<>(CAPS);
        for (int c = 0; c < CAPS; c++) {
            if (Short.toUnsignedInt(buf.getShort()) != e.capSize()) {
                return reject(Reason.BAD_SECTION, "cap " + c + " size, expected " + e.capSize() + " digests");
            }
            List<Digest> digests = new ArrayList<>(e.capSize());
            for (int i = 0; i < e.capSize(); i++) {
                long[] d = new long[Digest.ELEMENTS];
                for (int k = 0; k < d.length; k++) {
                    d[k] = buf.getLong();
                }
                if (!canonical(d)) {
                    return reject(Reason.NON_CANONICAL, "digest " + i + " of cap " + c);
                }
                digests.add(Digest.of(d));
            }
            caps.add(new MerkleCap(digests));
        }

        if (buf.getInt() != e.openingsBytes()) {
            return reject(Reason.BAD_SECTION, "openings section length");
        }
        long[] atZeta = readPairs(buf, e.layout().openingsAtZeta());
        long[] atNext = atZeta == null ? null : readPairs(buf, e.layout().openingsAtNextZeta());
        if (atZeta == null || atNext == null) {
            return reject(Reason.BAD_SECTION, "opening counts, expected " + e.layout().openingsAtZeta() + " at ζ and "
                    + e.layout().openingsAtNextZeta() + " at g·ζ");
        }
        if (!canonical(atZeta) || !canonical(atNext)) {
            return reject(Reason.NON_CANONICAL, "an opened value");
        }

        long friBytes = e.friShape().encodedSize();
        if (Integer.toUnsignedLong(buf.getInt()) != friBytes) {
            return reject(Reason.BAD_SECTION, "FRI section length, expected " + friBytes);
        }
        byte[] fri = new byte[(int) friBytes];
        buf.get(fri);
        FriProofDecoding friDecoding = FriProofCodec.decode(fri, e.friShape());
        if (friDecoding instanceof FriProofDecoding.Malformed m) {
            return reject(Reason.BAD_FRI, m.reason());
        }
        return new PlonkProofDecoding.Decoded(new PlonkProof(key.circuitDigest(), caps.get(0), caps.get(1),
                caps.get(2), atZeta, atNext, ((FriProofDecoding.Decoded) friDecoding).proof()));
    }

    /** The shape a key implies. */
    private record Expected(OracleLayout layout, int capSize, FriProofShape friShape) {
        static Expected of(VerifierKey key) {
            int ldeBits = key.degreeBits() + key.config().fri().rateBits();
            return new Expected(key.layout(), 1 << key.config().fri().capHeight(ldeBits),
                    FriProofShape.of(key.config().fri(), key.degreeBits(), key.layout().widths()));
        }

        int capsBytes() {
            return CAPS * (2 + capSize * DIGEST_BYTES);
        }

        int openingsBytes() {
            return 4 + 16 * layout.openingsAtZeta() + 4 + 16 * layout.openingsAtNextZeta();
        }
    }

    // null unless the count read equals the expected one
    private static long[] readPairs(ByteBuffer buf, int expected) {
        if (buf.getInt() != expected) {
            return null;
        }
        long[] pairs = new long[2 * expected];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = buf.getLong();
        }
        return pairs;
    }

    private static void putDigest(ByteBuffer buf, Digest d) {
        for (long v : d.toArray()) {
            buf.putLong(v);
        }
    }

    private static boolean canonical(long[] values) {
        for (long v : values) {
            if (Long.compareUnsigned(v, Goldilocks.P) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static PlonkProofDecoding reject(Reason reason, String detail) {
        return new PlonkProofDecoding.Rejected(reason, detail);
    }
}
