package dev.zkcluster.proof.hash;

/**
 * Goldilocks arithmetic for the permutation's hot path. Inputs are any unsigned 64-bit values and so are the
 * outputs: results are correct modulo p but not necessarily canonical, which saves a compare per operation.
 * Carries that random data makes unpredictable are handled without branches.
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

    /** a + c mod p for any a and a canonical c: a wrap past 2^64 stands for EPSILON and cannot recur. */
    static long addCanonical(long a, long c) {
        long s = a + c;
        long carry = ((a & c) | ((a | c) & ~s)) >> 63;
        return s + (carry & EPSILON);
    }

    /**
     * h·2^32 + l mod p for lanes 0 ≤ h, l &lt; 2^40: h·2^32 = (h >> 32)·2^64 + (h << 32 mod 2^64), and 2^64 ≡
     * EPSILON. The small part b = l + (h >> 32)·EPSILON is below 2^63, so a wrap is seen in the top bits alone.
     */
    static long fold(long h, long l) {
        long a = h << 32;
        long b = l + (h >>> 32) * EPSILON;
        long r = a + b;
        return r + (((a & ~r) >> 63) & EPSILON);
    }

    // x/2: an odd x = 2m + 1 gives m + 1/2, and m + HALF < 2^64 for every m < 2^63.
    static long half(long x) {
        return (x >>> 1) + (-(x & 1) & HALF);
    }

    static long mul(long a, long b) {
        // Math.multiplyHigh is signed; add back b (resp. a) where a (resp. b) has its top bit set.
        long hi = Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
        return reduce(hi, a * b);
    }

    static long square(long a) {
        long hi = Math.multiplyHigh(a, a) + (((a >> 63) & a) << 1);
        return reduce(hi, a * a);
    }

    /**
     * hi·2^64 + lo mod p, for any hi and lo. With hi = h1·2^32 + h0, 2^64 ≡ 2^32 − 1 and 2^96 ≡ −1 give
     * lo + h0·2^32 − h0 − h1. The first sum is r1 + c·2^64, its carry c read off the top halves, so the value is
     * r1 + d with d = c·(2^32 − 1) − h0 − h1 in (−2^33, 2^32). That sum never reaches 2^64 (d ≤ 0 when c = 0, and
     * r1 + d = lo + (h0 + 1)·2^32 − 2^64 − 1 − h0 − h1 &lt; 2^64 when c = 1); it drops below 0 only when
     * r1 &lt; 2^33, which is rare, so that case is a branch that takes the wrap's 2^64 ≡ EPSILON back.
     */
    static long reduce(long hi, long lo) {
        long h0 = hi & EPSILON;
        long h1 = hi >>> 32;
        long r1 = lo + (hi << 32);
        long c = ((lo >>> 32) + h0) >>> 32;
        long d = (c << 32) - (c + (h0 + h1));
        long r = r1 + d;
        if ((r1 >>> 33) == 0 && r < 0) {
            r -= EPSILON;
        }
        return r;
    }

    // x^7 = x^3 · x^4, three multiplication levels deep.
    static long pow7(long x) {
        long x2 = square(x);
        long x3 = mul(x2, x);
        long x4 = square(x2);
        return mul(x3, x4);
    }
}
