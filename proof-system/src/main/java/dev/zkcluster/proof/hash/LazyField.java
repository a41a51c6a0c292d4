package dev.zkcluster.proof.hash;

/**
 * Goldilocks arithmetic for the permutation's hot path. Inputs are any unsigned 64-bit values and so are the
 * outputs: results are correct modulo p but not necessarily canonical, which saves a compare per operation.
 * Every carry and borrow is handled without branches, since they are unpredictable on random data.
 */
final class LazyField {
    static final long P = 0xFFFF_FFFF_0000_0001L;
    /** 2^64 mod p. */
    static final long EPSILON = 0xFFFF_FFFFL;
    /** 1/2 mod p = (p + 1) / 2. */
    static final long HALF = 0x7FFF_FFFF_8000_0001L;

    private LazyField() {}

    static long canonical(long x) {
        return x - (P & ((x ^ Long.MIN_VALUE) >= (P ^ Long.MIN_VALUE) ? -1L : 0L));
    }

    // A wrap past 2^64 stands for EPSILON; a second wrap can only happen when both inputs are non-canonical.
    static long add(long a, long b) {
        long s = a + b;
        long carry = ((a & b) | ((a | b) & ~s)) >> 63;
        long t = s + (carry & EPSILON);
        long carry2 = (s & ~t) >> 63;
        return t + (carry2 & EPSILON);
    }

    // A borrow took 2^64, which is EPSILON too much; a second borrow needs a non-canonical subtrahend.
    static long sub(long a, long b) {
        long d = a - b;
        long borrow = ((~a & b) | (~(a ^ b) & d)) >> 63;
        long t = d - (borrow & EPSILON);
        long borrow2 = (~d & t) >> 63;
        return t - (borrow2 & EPSILON);
    }

    // x/2: an odd x = 2m + 1 gives m + 1/2, and m + HALF < 2^64 for every m < 2^63.
    static long half(long x) {
        return (x >>> 1) + (-(x & 1) & HALF);
    }

    static long mul(long a, long b) {
        long lo = a * b;
        // Math.multiplyHigh is signed; add back b (resp. a) where a (resp. b) has its top bit set.
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return reduce(hi, lo);
    }

    // hi·2^64 + lo with 2^64 ≡ 2^32 − 1 and 2^96 ≡ −1: lo − hi_hi + hi_lo·(2^32 − 1).
    static long reduce(long hi, long lo) {
        long hiHi = hi >>> 32;
        long hiLo = hi & EPSILON;
        long t0 = lo - hiHi;
        long borrow = ((~lo & hiHi) | (~(lo ^ hiHi) & t0)) >> 63;
        t0 -= borrow & EPSILON;
        long t1 = hiLo * EPSILON;
        long r = t0 + t1;
        long carry = ((t0 & t1) | ((t0 | t1) & ~r)) >> 63;
        return r + (carry & EPSILON);
    }

    // x^7 = x^3 · x^4, three multiplication levels deep.
    static long pow7(long x) {
        long x2 = mul(x, x);
        long x3 = mul(x2, x);
        long x4 = mul(x2, x2);
        return mul(x3, x4);
    }
}
