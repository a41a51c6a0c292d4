package dev.zkcluster.actors.intake;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.zkcluster.circuits.rollup.batch.AccountWitness;
import dev.zkcluster.circuits.rollup.batch.Batch;
import dev.zkcluster.circuits.rollup.batch.BatchHeader;
import dev.zkcluster.circuits.rollup.batch.BatchPublicInputs;
import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.state.SparseMerkleTree;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.protocol.v1.Account;
import dev.zkcluster.protocol.v1.BatchInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between the protobuf batch messages of {@code zkcluster.v1} and the domain records the executor reads.
 * Reading checks only the shape (a header and root present, 4 canonical elements per digest, 32 digests per path);
 * the rules of the batch are the executor's.
 */
public final class BatchMessages {
    private BatchMessages() {}

    /** Parses protobuf binary and converts it; never throws for any input bytes. */
    public static Decoded parse(byte[] bytes) {
        BatchInput input;
        try {
            input = BatchInput.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return new Decoded.Refused(new FieldError("", "not a BatchInput: " + e.getMessage()));
        }
        return toDomain(input);
    }

    public static Decoded toDomain(BatchInput input) {
        try {
            return new Decoded.Accepted(convert(input));
        } catch (Malformed m) {
            return new Decoded.Refused(m.error);
        }
    }

    // unwinds a conversion at its first malformed field; never escapes toDomain
    private static final class Malformed extends RuntimeException {
        final FieldError error;

        Malformed(String path, String detail) {
            super(null, null, false, false);
            this.error = new FieldError(path, detail);
        }
    }

    private static Batch convert(BatchInput input) {
        if (!input.hasHeader()) {
            throw new Malformed("header", "missing");
        }
        dev.zkcluster.protocol.v1.BatchHeader h = input.getHeader();
        if (!h.hasPrevStateRoot()) {
            throw new Malformed("header.prev_state_root", "missing");
        }
        BatchHeader header = new BatchHeader(h.getBatchNumber(), h.getProtocolVersion(),
                digest("header.prev_state_root", h.getPrevStateRoot()), h.getTimestamp());
        List<Deposit> deposits = new ArrayList<>(input.getDepositsCount());
        for (dev.zkcluster.protocol.v1.Deposit d : input.getDepositsList()) {
            deposits.add(new Deposit(Integer.toUnsignedLong(d.getTo()), d.getAmount()));
        }
        List<Transfer> transfers = new ArrayList<>(input.getTransfersCount());
        for (dev.zkcluster.protocol.v1.Transfer t : input.getTransfersList()) {
            transfers.add(new Transfer(Integer.toUnsignedLong(t.getFrom()), Integer.toUnsignedLong(t.getTo()),
                    t.getAmount(), t.getNonce()));
        }
        List<Withdrawal> withdrawals = new ArrayList<>(input.getWithdrawalsCount());
        for (int i = 0; i < input.getWithdrawalsCount(); i++) {
            dev.zkcluster.protocol.v1.Withdrawal w = input.getWithdrawals(i);
            if (w.getL1Address().size() != Withdrawal.ADDRESS_BYTES) {
                throw new Malformed("withdrawals[" + i + "].l1_address",
                        "expected " + Withdrawal.ADDRESS_BYTES + " bytes, got " + w.getL1Address().size());
            }
            withdrawals.add(new Withdrawal(Integer.toUnsignedLong(w.getFrom()), w.getAmount(), w.getNonce(),
                    w.getL1Address().toByteArray()));
        }
        List<AccountWitness> accounts = new ArrayList<>(input.getAccountsCount());
        for (int i = 0; i < input.getAccountsCount(); i++) {
            accounts.add(account("accounts[" + i + "]", input.getAccounts(i)));
        }
        return new Batch(header, deposits, transfers, withdrawals, accounts);
    }

    private static AccountWitness account(String at, Account a) {
        if (!a.hasPubkeyHash()) {
            throw new Malformed(at + ".pubkey_hash", "missing");
        }
        Digest pubkeyHash = digest(at + ".pubkey_hash", a.getPubkeyHash());
        if (a.getPathCount() != SparseMerkleTree.DEPTH) {
            throw new Malformed(at + ".path",
                    "expected " + SparseMerkleTree.DEPTH + " digests, got " + a.getPathCount());
        }
        List<Digest> path = new ArrayList<>(SparseMerkleTree.DEPTH);
        for (int level = 0; level < SparseMerkleTree.DEPTH; level++) {
            path.add(digest(at + ".path[" + level + "]", a.getPath(level)));
        }
        return new AccountWitness(Integer.toUnsignedLong(a.getIndex()), a.getBalance(), a.getNonce(), pubkeyHash,
                path);
    }

    private static Digest digest(String at, dev.zkcluster.protocol.v1.Digest d) {
        if (d.getElementsCount() != Digest.ELEMENTS) {
            throw new Malformed(at + ".elements",
                    "expected " + Digest.ELEMENTS + ", got " + d.getElementsCount());
        }
        for (int i = 0; i < Digest.ELEMENTS; i++) {
            if (Long.compareUnsigned(d.getElements(i), Goldilocks.P) >= 0) {
                throw new Malformed(at + ".elements[" + i + "]", "expected a canonical field element (below p), got "
                        + Long.toUnsignedString(d.getElements(i)));
            }
        }
        return new Digest(d.getElements(0), d.getElements(1), d.getElements(2), d.getElements(3));
    }

    public static BatchInput toProto(Batch batch) {
        BatchInput.Builder out = BatchInput.newBuilder().setHeader(dev.zkcluster.protocol.v1.BatchHeader.newBuilder()
                .setBatchNumber(batch.header().batchNumber())
                .setProtocolVersion(batch.header().protocolVersion())
                .setPrevStateRoot(toProto(batch.header().prevStateRoot()))
                .setTimestamp(batch.header().timestamp()));
        for (Deposit d : batch.deposits()) {
            out.addDeposits(dev.zkcluster.protocol.v1.Deposit.newBuilder().setTo((int) d.to()).setAmount(d.amount()));
        }
        for (Transfer t : batch.transfers()) {
            out.addTransfers(dev.zkcluster.protocol.v1.Transfer.newBuilder().setFrom((int) t.from())
                    .setTo((int) t.to()).setAmount(t.amount()).setNonce(t.nonce()));
        }
        for (Withdrawal w : batch.withdrawals()) {
            out.addWithdrawals(dev.zkcluster.protocol.v1.Withdrawal.newBuilder().setFrom((int) w.from())
                    .setAmount(w.amount()).setNonce(w.nonce()).setL1Address(ByteString.copyFrom(w.l1Address())));
        }
        for (AccountWitness a : batch.accounts()) {
            Account.Builder account = Account.newBuilder().setIndex((int) a.index()).setBalance(a.balance())
                    .setNonce(a.nonce()).setPubkeyHash(toProto(a.pubkeyHash()));
            a.path().forEach(d -> account.addPath(toProto(d)));
            out.addAccounts(account);
        }
        return out.build();
    }

    public static dev.zkcluster.protocol.v1.BatchPublicInputs toProto(BatchPublicInputs p) {
        return dev.zkcluster.protocol.v1.BatchPublicInputs.newBuilder()
                .setBatchNumber(p.batchNumber())
                .setPrevRoot(toProto(p.prevRoot()))
                .setNewRoot(toProto(p.newRoot()))
                .setDepositsHash(toProto(p.depositsHash()))
                .setTransfersHash(toProto(p.transfersHash()))
                .setWithdrawalsHash(toProto(p.withdrawalsHash()))
                .build();
    }

    public static dev.zkcluster.protocol.v1.Digest toProto(Digest d) {
        return dev.zkcluster.protocol.v1.Digest.newBuilder()
                .addElements(d.e0()).addElements(d.e1()).addElements(d.e2()).addElements(d.e3()).build();
    }
}
