package dev.zkcluster.circuits.rollup.batch;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Burns amount on L2 for payment to an L1 address. The address is kept as given, whatever its length, so that the
 * executor can reject a wrong length as a typed error; only a 20-byte address can be encoded.
 */
public record Withdrawal(long from, long amount, long nonce, byte[] l1Address) {
    public static final int ADDRESS_BYTES = 20;
    public static final int ADDRESS_LIMBS = ADDRESS_BYTES / 4;

    public Withdrawal {
        l1Address = l1Address.clone();
    }

    @Override
    public byte[] l1Address() {
        return l1Address.clone();
    }

    /** The address as five big-endian 4-byte limbs, each below 2^32. */
    public long[] addressLimbs() {
        if (l1Address.length != ADDRESS_BYTES) {
            throw new IllegalStateException("an L1 address has 20 bytes, got " + l1Address.length);
        }
        long[] limbs = new long[ADDRESS_LIMBS];
        for (int i = 0; i < ADDRESS_BYTES; i++) {
            limbs[i / 4] = (limbs[i / 4] << 8) | (l1Address[i] & 0xFF);
        }
        return limbs;
    }

    /** [2, from, amount, nonce, a0, a1, a2, a3, a4]. */
    public long[] encode() {
        long[] limbs = addressLimbs();
        long[] enc = new long[4 + ADDRESS_LIMBS];
        enc[0] = OpKind.WITHDRAWAL.tag();
        enc[1] = from;
        enc[2] = amount;
        enc[3] = nonce;
        System.arraycopy(limbs, 0, enc, 4, ADDRESS_LIMBS);
        return enc;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Withdrawal w && from == w.from && amount == w.amount && nonce == w.nonce
                && Arrays.equals(l1Address, w.l1Address);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Long.hashCode(from) + Long.hashCode(amount)) + Long.hashCode(nonce))
                + Arrays.hashCode(l1Address);
    }

    @Override
    public String toString() {
        return "Withdrawal[from=" + from + ", amount=" + amount + ", nonce=" + nonce + ", l1Address=0x"
                + HexFormat.of().formatHex(l1Address) + "]";
    }
}
