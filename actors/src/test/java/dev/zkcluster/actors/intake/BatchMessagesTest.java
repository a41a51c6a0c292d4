package dev.zkcluster.actors.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.protobuf.ByteString;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.exec.BatchExecutor;
import dev.zkcluster.circuits.rollup.exec.Execution;
import dev.zkcluster.circuits.rollup.exec.ExecutorLimits;
import dev.zkcluster.circuits.rollup.gen.BatchGenerator;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.protocol.v1.Account;
import dev.zkcluster.protocol.v1.BatchInput;
import dev.zkcluster.protocol.v1.BatchPublicInputs;
import dev.zkcluster.protocol.v1.Digest;
import org.junit.jupiter.api.Test;

class BatchMessagesTest {
    private static final Batch BATCH = BatchGenerator.generate(new BatchSpec(4, "0.1.0", 6, 2, 3, 2, 8));

    private static String refusal(BatchInput input) {
        return assertInstanceOf(Decoded.Refused.class, BatchMessages.toDomain(input)).error().message();
    }

    private static Digest threeElements() {
        return Digest.newBuilder().addElements(1).addElements(2).addElements(3).build();
    }

    @Test
    void aDomainBatchRoundTripsThroughProtobufBinary() {
        byte[] bytes = BatchMessages.toProto(BATCH).toByteArray();
        assertEquals(BATCH, assertInstanceOf(Decoded.Accepted.class, BatchMessages.parse(bytes)).batch());
    }

    @Test
    void publicInputsConvertElementByElement() {
        Execution e = new BatchExecutor(ExecutorLimits.DEFAULT, 4).execute(BATCH);
        var domain = assertInstanceOf(Execution.Executed.class, e).batch().publicInputs();
        BatchPublicInputs proto = BatchMessages.toProto(domain);
        assertEquals(domain.batchNumber(), proto.getBatchNumber());
        assertEquals(domain.newRoot().e3(), proto.getNewRoot().getElements(3));
        assertEquals(domain.transfersHash().e0(), proto.getTransfersHash().getElements(0));
        assertEquals(domain.withdrawalsHash().e2(), proto.getWithdrawalsHash().getElements(2));
        assertEquals(domain.depositsHash().e1(), proto.getDepositsHash().getElements(1));
        assertEquals(domain.prevRoot().e0(), proto.getPrevRoot().getElements(0));
    }

    @Test
    void namesAShortPath() {
        BatchInput input = BatchMessages.toProto(BATCH);
        Account shorter = input.getAccounts(3).toBuilder().removePath(31).build();
        assertEquals("accounts[3].path: expected 32 digests, got 31",
                refusal(input.toBuilder().setAccounts(3, shorter).build()));
    }

    @Test
    void namesADigestWithTheWrongNumberOfElements() {
        BatchInput input = BatchMessages.toProto(BATCH);
        BatchInput bad = input.toBuilder().setHeader(input.getHeader().toBuilder().setPrevStateRoot(threeElements()))
                .build();
        assertEquals("header.prev_state_root.elements: expected 4, got 3", refusal(bad));
        Account account = input.getAccounts(1).toBuilder().setPath(5, threeElements()).build();
        assertEquals("accounts[1].path[5].elements: expected 4, got 3",
                refusal(input.toBuilder().setAccounts(1, account).build()));
    }

    @Test
    void namesANonCanonicalElement() {
        BatchInput input = BatchMessages.toProto(BATCH);
        Digest p = Digest.newBuilder().addElements(0).addElements(0).addElements(0xFFFF_FFFF_0000_0001L)
                .addElements(0).build();
        Account account = input.getAccounts(0).toBuilder().setPubkeyHash(p).build();
        assertEquals("accounts[0].pubkey_hash.elements[2]: expected a canonical field element (below p), got "
                + "18446744069414584321", refusal(input.toBuilder().setAccounts(0, account).build()));
    }

    @Test
    void namesMissingHeaderRootAndPubkey() {
        BatchInput input = BatchMessages.toProto(BATCH);
        assertEquals("header: missing", refusal(input.toBuilder().clearHeader().build()));
        assertEquals("header.prev_state_root: missing", refusal(input.toBuilder()
                .setHeader(input.getHeader().toBuilder().clearPrevStateRoot()).build()));
        assertEquals("accounts[2].pubkey_hash: missing", refusal(input.toBuilder()
                .setAccounts(2, input.getAccounts(2).toBuilder().clearPubkeyHash()).build()));
    }

    @Test
    void namesAnAddressOfTheWrongLength() {
        BatchInput input = BatchMessages.toProto(BATCH);
        BatchInput bad = input.toBuilder().setWithdrawals(1, input.getWithdrawals(1).toBuilder()
                .setL1Address(ByteString.copyFrom(new byte[19]))).build();
        assertEquals("withdrawals[1].l1_address: expected 20 bytes, got 19", refusal(bad));
    }

    @Test
    void namesBytesThatAreNotABatchInput() {
        String message = assertInstanceOf(Decoded.Refused.class, BatchMessages.parse(new byte[] {0x0a, 0x10, 1}))
                .error().message();
        assertEquals(true, message.startsWith("not a BatchInput: "), message);
    }
}
