package dev.zkcluster.actors.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One job's proof as it lies in the object store: the circuit it proves (version, round, circuit id), its place
 * (depth, seq), its public inputs, the digest of the verifier key that accepts it, and the proof in the proof
 * system's own codec.
 */
public record ProofBlob(String version, int round, String circuit, int depth, int seq, long[] publicInputs,
        String verifierKeyDigest, byte[] proof) {

    private static final int MAGIC = 0x5A4B4A50; // "ZKJP"
    private static final int FORMAT = 1;

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(proof.length + 256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeByte(FORMAT);
            out.writeUTF(version);
            out.writeInt(round);
            out.writeUTF(circuit);
            out.writeInt(depth);
            out.writeInt(seq);
            out.writeInt(publicInputs.length);
            for (long v : publicInputs) {
                out.writeLong(v);
            }
            out.writeUTF(verifierKeyDigest);
            out.writeInt(proof.length);
            out.write(proof);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException when the bytes are not a proof blob */
    public static ProofBlob decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC || in.readByte() != FORMAT) {
                throw new IllegalArgumentException("not a job proof blob");
            }
            String version = in.readUTF();
            int round = in.readInt();
            String circuit = in.readUTF();
            int depth = in.readInt();
            int seq = in.readInt();
            int n = in.readInt();
            if (n < 0 || n > 1024) {
                throw new IllegalArgumentException("job proof blob: " + n + " public inputs");
            }
            long[] inputs = new long[n];
            for (int i = 0; i < n; i++) {
                inputs[i] = in.readLong();
            }
            String digest = in.readUTF();
            int len = in.readInt();
            if (len < 0 || len > in.available()) {
                throw new IllegalArgumentException("job proof blob: proof length " + len);
            }
            byte[] proof = in.readNBytes(len);
            if (in.available() != 0) {
                throw new IllegalArgumentException("job proof blob: trailing bytes");
            }
            return new ProofBlob(version, round, circuit, depth, seq, inputs, digest, proof);
        } catch (IOException e) {
            throw new IllegalArgumentException("job proof blob is truncated", e);
        }
    }
}
