package dev.zkcluster.proof.poly;

import dev.zkcluster.proof.field.Goldilocks;

/**
 * Goldilocks arithmetic for butterflies, on values anywhere in [0, 2^64) that are made canonical only on output.
 * Carries that occur about half the time are computed with bit tricks instead of branches.
 */
final class LazyGoldilocks {
    private static final long EPSILON = Goldilocks.EPSILON;
    private static final long P = Goldilocks.P;

    private LazyGoldilocks() {}

    /** u + v for any u and v < p; the result is in [0, 2^64). */
    static long add(long u, long v) {
        long s = u + v;
        // The sign bit of this expression is the carry out of u + v; a carry stands for 2^64 ≡ EPSILON.
        long carry = ((u & v) | ((u | v) & ~s)) >> 63;
        return s + (carry >>> 32);
    }

    /** u − v for any u and v < p; the result is in [0, 2^64). */
    static long sub(long u, long v) {
        long d = u - v;
        // The sign bit is the borrow of u − v; adding p after a borrow is subtracting EPSILON modulo 2^64.
        long borrow = ((~u & v) | ((~u | v) & d)) >> 63;
        return d - (borrow >>> 32);
    }

    /** a·b for any a and b; the result is canonical. */
    static long mul(long a, long b) {
        long lo = a * b;
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        long hiHi = hi >>> 32;
        long hiLo = hi & EPSILON;
        // lo − hiHi·2^96 ≡ lo − hiHi; a borrow here is rare (lo < 2^32), so a branch predicts well.
        long t0 = lo - hiHi;
        if (Long.compareUnsigned(lo, hiHi) < 0) {
            t0 -= EPSILON;
        }
        // hiLo·2^64 ≡ hiLo·(2^32 − 1)
        long t1 = (hiLo << 32) - hiLo;
        long t2 = t0 + t1;
        long carry = ((t0 & t1) | ((t0 | t1) & ~t2)) >> 63;
        return canonical(t2 + (carry >>> 32));
    }

    static long canonical(long x) {
        return Long.compareUnsigned(x, P) >= 0 ? x - P : x;
    }
}
