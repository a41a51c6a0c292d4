package dev.zkcluster.protocol.v1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import org.junit.jupiter.api.Test;

class BatchInputCodecTest {

    private static Digest digest(long a, long b, long c, long d) {
        return Digest.newBuilder().addElements(a).addElements(b).addElements(c).addElements(d).build();
    }

    private static BatchInput sample() {
        Account.Builder account = Account.newBuilder()
                .setIndex(0xFFFF_FFFE)
                .setBalance(1L << 47)
                .setNonce(3)
                .setPubkeyHash(digest(1, 2, 3, 0xFFFF_FFFF_0000_0000L));
        for (int level = 0; level < 32; level++) {
            account.addPath(digest(level, level + 1, level + 2, level + 3));
        }
        return BatchInput.newBuilder()
                .setHeader(BatchHeader.newBuilder().setBatchNumber(9).setProtocolVersion("0.1.0")
                        .setPrevStateRoot(digest(5, 6, 7, 8)).setTimestamp(1_700_000_000L))
                .addDeposits(Deposit.newBuilder().setTo(4).setAmount(100))
                .addTransfers(Transfer.newBuilder().setFrom(4).setTo(0xFFFF_FFFE).setAmount(7).setNonce(0))
                .addWithdrawals(Withdrawal.newBuilder().setFrom(0xFFFF_FFFE).setAmount(1).setNonce(3)
                        .setL1Address(ByteString.copyFrom(new byte[20])))
                .addAccounts(account)
                .build();
    }

    @Test
    void batchInputRoundTripsThroughBinary() throws Exception {
        BatchInput input = sample();
        assertEquals(input, BatchInput.parseFrom(input.toByteArray()));
    }

    @Test
    void batchInputRoundTripsThroughCanonicalJson() throws Exception {
        BatchInput input = sample();
        String json = JsonFormat.printer().print(input);
        // uint32 stays a JSON number, uint64 becomes a string, bytes become base64.
        assertTrue(json.contains("\"index\": 4294967294"), json);
        assertTrue(json.contains("\"l1Address\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAA=\""), json);
        BatchInput.Builder parsed = BatchInput.newBuilder();
        JsonFormat.parser().merge(json, parsed);
        assertEquals(input, parsed.build());
    }

    @Test
    void batchProofRoundTripsThroughBinaryAndJson() throws Exception {
        BatchProof proof = BatchProof.newBuilder()
                .setHeader(sample().getHeader())
                .setPublicInputs(BatchPublicInputs.newBuilder().setBatchNumber(9).setPrevRoot(digest(1, 1, 1, 1))
                        .setNewRoot(digest(2, 2, 2, 2)).setDepositsHash(digest(3, 3, 3, 3))
                        .setTransfersHash(digest(4, 4, 4, 4)).setWithdrawalsHash(digest(5, 5, 5, 5)))
                .setProof(ByteString.copyFrom(new byte[] {1, 2, 3}))
                .setVerifierKeyDigest("0xabc")
                .build();
        assertEquals(proof, BatchProof.parseFrom(proof.toByteArray()));
        BatchProof.Builder parsed = BatchProof.newBuilder();
        JsonFormat.parser().merge(JsonFormat.printer().print(proof), parsed);
        assertEquals(proof, parsed.build());
    }

    // Field numbers and wire types are the contract: each tag byte is (number << 3) | wire type.
    @Test
    void transferUsesTheContractFieldNumbers() {
        byte[] bytes = Transfer.newBuilder().setFrom(1).setTo(2).setAmount(3).setNonce(4).build().toByteArray();
        assertArrayEquals(new byte[] {0x08, 1, 0x10, 2, 0x18, 3, 0x20, 4}, bytes);
    }

    @Test
    void withdrawalUsesTheContractFieldNumbers() {
        byte[] bytes = Withdrawal.newBuilder().setFrom(1).setAmount(2).setNonce(3)
                .setL1Address(ByteString.copyFrom(new byte[] {9})).build().toByteArray();
        assertArrayEquals(new byte[] {0x08, 1, 0x10, 2, 0x18, 3, 0x22, 1, 9}, bytes);
    }

    @Test
    void depositAndAccountUseTheContractFieldNumbers() {
        assertArrayEquals(new byte[] {0x08, 1, 0x10, 2},
                Deposit.newBuilder().setTo(1).setAmount(2).build().toByteArray());
        byte[] account = Account.newBuilder().setIndex(1).setBalance(2).setNonce(3)
                .setPubkeyHash(Digest.getDefaultInstance()).addPath(Digest.getDefaultInstance())
                .build().toByteArray();
        assertArrayEquals(new byte[] {0x08, 1, 0x10, 2, 0x18, 3, 0x22, 0, 0x2a, 0}, account);
    }

    @Test
    void batchInputAndPublicInputsUseTheContractFieldNumbers() {
        byte[] input = BatchInput.newBuilder().setHeader(BatchHeader.getDefaultInstance())
                .addDeposits(Deposit.getDefaultInstance()).addTransfers(Transfer.getDefaultInstance())
                .addWithdrawals(Withdrawal.getDefaultInstance()).addAccounts(Account.getDefaultInstance())
                .build().toByteArray();
        assertArrayEquals(new byte[] {0x0a, 0, 0x12, 0, 0x1a, 0, 0x22, 0, 0x2a, 0}, input);
        Digest empty = Digest.getDefaultInstance();
        byte[] pis = BatchPublicInputs.newBuilder().setBatchNumber(1).setPrevRoot(empty).setNewRoot(empty)
                .setDepositsHash(empty).setTransfersHash(empty).setWithdrawalsHash(empty).build().toByteArray();
        assertArrayEquals(new byte[] {0x08, 1, 0x12, 0, 0x1a, 0, 0x22, 0, 0x2a, 0, 0x32, 0}, pis);
        byte[] proof = BatchProof.newBuilder().setHeader(BatchHeader.getDefaultInstance())
                .setPublicInputs(BatchPublicInputs.getDefaultInstance()).setProof(ByteString.copyFrom(new byte[] {7}))
                .setVerifierKeyDigest("k").build().toByteArray();
        assertArrayEquals(new byte[] {0x0a, 0, 0x12, 0, 0x1a, 1, 7, 0x22, 1, 'k'}, proof);
    }
}
