package dev.zkcluster.circuits.rollup.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpsHashTest {
    private static final byte[] ADDRESS = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09,
        0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10, 0x11, 0x12, (byte) 0xff};

    private static Digest step(Digest h, long... encoding) {
        return Poseidon2Hash.twoToOne(h, Poseidon2Hash.hashNoPad(encoding));
    }

    @Test
    void emptyListsHashToZero() {
        assertEquals(Digest.ZERO, OpsHash.ofDeposits(List.of()));
        assertEquals(Digest.ZERO, OpsHash.ofTransfers(List.of()));
        assertEquals(Digest.ZERO, OpsHash.ofWithdrawals(List.of()));
    }

    @Test
    void depositsChainTheirLiteralEncodings() {
        Digest expected = step(step(Digest.ZERO, 0, 5, 100), 0, 4_000_000_000L, 1);
        assertEquals(expected, OpsHash.ofDeposits(List.of(new Deposit(5, 100), new Deposit(4_000_000_000L, 1))));
        // three elements fit a digest, so the op digest is the zero-padded encoding itself
        assertEquals(new Digest(0, 5, 100, 0), Poseidon2Hash.hashNoPad(new Deposit(5, 100).encode()));
    }

    @Test
    void transfersChainTheirLiteralEncodings() {
        Digest expected = step(step(Digest.ZERO, 1, 2, 3, 40, 0), 1, 3, 2, 7, 5);
        assertEquals(expected, OpsHash.ofTransfers(List.of(new Transfer(2, 3, 40, 0), new Transfer(3, 2, 7, 5))));
    }

    @Test
    void withdrawalAddressIsFiveBigEndianLimbs() {
        assertArrayEquals(new long[] {0x00010203L, 0x04050607L, 0x08090a0bL, 0x0c0d0e0fL, 0x101112ffL},
                new Withdrawal(1, 2, 3, ADDRESS).addressLimbs());
        Digest expected = step(Digest.ZERO, 2, 9, 50, 4, 0x00010203L, 0x04050607L, 0x08090a0bL, 0x0c0d0e0fL,
                0x101112ffL);
        assertEquals(expected, OpsHash.ofWithdrawals(List.of(new Withdrawal(9, 50, 4, ADDRESS))));
    }

    @Test
    void anAddressOfAnotherLengthCannotBeEncoded() {
        assertThrows(IllegalStateException.class, () -> new Withdrawal(1, 2, 3, new byte[19]).encode());
    }
}
