package dev.zkcluster.proof.field;

/**
 * Arithmetic in the Goldilocks field, p = 2^64 - 2^32 + 1.
 *
 * <p>Elements are held in a {@code long} and read as unsigned. Every method accepts any 64-bit value, including
 * non-canonical ones in [p, 2^64), and returns the canonical representative in [0, p).
 */
public final class Goldilocks {
    /** The modulus p = 2^64 - 2^32 + 1, as an unsigned long. */
    public static final long P = 0xFFFF_FFFF_0000_0001L;
    /** 2^64 mod p = 2^32 - 1. */
    public static final long EPSILON = 0xFFFF_FFFFL;
    /** A generator of the multiplicative group. */
    public static final long GENERATOR = 7L;
    /** The largest k with 2^k dividing p - 1. */
    public static final int TWO_ADICITY = 32;

    private Goldilocks() {}

    private static final long[] ROOTS_OF_UNITY = new long[TWO_ADICITY + 1];

    static {
        // 7^((p-1)/2^32) has order exactly 2^32; squaring halves the order.
        ROOTS_OF_UNITY[TWO_ADICITY] = exp(GENERATOR, (P - 1) >>> TWO_ADICITY);
        for (int k = TWO_ADICITY; k > 0; k--) {
            ROOTS_OF_UNITY[k - 1] = square(ROOTS_OF_UNITY[k]);
        }
    }

    /** A primitive 2^logN-th root of unity, 7^((p-1)/2^logN), for 0 ≤ logN ≤ 32. */
    public static long primitiveRootOfUnity(int logN) {
        if (logN < 0 || logN > TWO_ADICITY) {
            throw new IllegalArgumentException("no 2^" + logN + "-th root of unity: two-adicity is " + TWO_ADICITY);
        }
        return ROOTS_OF_UNITY[logN];
    }

    /** [1, base, base², ..., base^(count-1)], canonical. */
    public static long[] powers(long base, int count) {
        long[] out = new long[count];
        long acc = 1;
        for (int i = 0; i < count; i++) {
            out[i] = acc;
            acc = mul(acc, base);
        }
        return out;
    }

    /**
     * The inverses of every element, with one field inversion (Montgomery's trick). Throws, naming the index, if
     * any element is zero. The input is left unchanged.
     */
    public static long[] batchInverse(long[] values) {
        int n = values.length;
        long[] out = new long[n];
        if (n == 0) {
            return out;
        }
        // out[i] = v0·v1·…·v(i-1), the prefix product before i
        long acc = 1;
        for (int i = 0; i < n; i++) {
            long v = canonical(values[i]);
            if (v == 0) {
                throw new ArithmeticException("batch inverse: element at index " + i + " is zero");
            }
            out[i] = acc;
            acc = mul(acc, v);
        }
        long inv = inverse(acc);
        // inv = 1/(v0·…·vi) on entry to step i; 1/vi = inv·prefix(i), then drop vi from inv
        for (int i = n - 1; i >= 0; i--) {
            long v = values[i];
            out[i] = mul(inv, out[i]);
            inv = mul(inv, v);
        }
        return out;
    }

    /** The canonical representative of x, which is any unsigned 64-bit value. */
    public static long canonical(long x) {
        return Long.compareUnsigned(x, P) >= 0 ? x - P : x;
    }

    public static long add(long a, long b) {
        a = canonical(a);
        b = canonical(b);
        long s = a + b;
        // A carry out of 64 bits stands for 2^64, which is EPSILON mod p.
        if (Long.compareUnsigned(s, a) < 0) {
            s += EPSILON;
        }
        return canonical(s);
    }

    public static long sub(long a, long b) {
        a = canonical(a);
        b = canonical(b);
        long d = a - b;
        // A borrow took 2^64; adding p back is subtracting EPSILON modulo 2^64.
        return Long.compareUnsigned(a, b) < 0 ? d - EPSILON : d;
    }

    public static long neg(long a) {
        a = canonical(a);
        return a == 0 ? 0 : P - a;
    }

    public static long mul(long a, long b) {
        long lo = a * b;
        long hi = unsignedMultiplyHigh(a, b);
        return reduce128(hi, lo);
    }

    public static long square(long a) {
        return mul(a, a);
    }

    /** a^e, with e read as an unsigned 64-bit exponent. */
    public static long exp(long a, long e) {
        long result = 1;
        long base = canonical(a);
        while (e != 0) {
            if ((e & 1) != 0) {
                result = mul(result, base);
            }
            base = mul(base, base);
            e >>>= 1;
        }
        return result;
    }

    /** The multiplicative inverse, a^(p-2). Throws for zero, which has none. */
    public static long inverse(long a) {
        a = canonical(a);
        if (a == 0) {
            throw new ArithmeticException("zero has no inverse in the Goldilocks field");
        }
        return exp(a, P - 2);
    }

    /** The high 64 bits of the unsigned 128-bit product a·b. */
    public static long unsignedMultiplyHigh(long a, long b) {
        // multiplyHigh reads its inputs as signed; add back b (resp. a) where a (resp. b) has its top bit set.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /**
     * Reduces the unsigned 128-bit value hi·2^64 + lo modulo p, using 2^64 ≡ 2^32 - 1 and 2^96 ≡ -1.
     */
    public static long reduce128(long hi, long lo) {
        long hiHi = hi >>> 32;
        long hiLo = hi & EPSILON;
        // lo - hiHi·2^96 ≡ lo - hiHi
        long t0 = lo - hiHi;
        if (Long.compareUnsigned(lo, hiHi) < 0) {
            t0 -= EPSILON;
        }
        // hiLo·2^64 ≡ hiLo·(2^32 - 1), which fits in 64 bits
        long t1 = hiLo * EPSILON;
        long t2 = t0 + t1;
        if (Long.compareUnsigned(t2, t1) < 0) {
            t2 += EPSILON;
        }
        return canonical(t2);
    }
}
