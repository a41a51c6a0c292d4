// Goldilocks field arithmetic, p = 2^64 - 2^32 + 1, and its quadratic extension F_p[X]/(X^2 - 7).
// Every function is __host__ __device__: the kernels use them on the GPU, and the host-side test harness compiles the
// same functions as host code and compares them with the Java implementation. Inputs may be any 64-bit value; every
// result is canonical (in [0, p)), so results are bit-identical to the Java field.
#pragma once

#include <stdint.h>

#define GL_HD __host__ __device__ __forceinline__

static const uint64_t GL_P = 0xFFFFFFFF00000001ull;
static const uint64_t GL_EPSILON = 0xFFFFFFFFull;  // 2^64 mod p
static const uint64_t GL_W = 7ull;                 // the extension's non-residue, X^2 = W

GL_HD uint64_t gl_canonical(uint64_t x) {
    return x >= GL_P ? x - GL_P : x;
}

GL_HD uint64_t gl_add(uint64_t a, uint64_t b) {
    a = gl_canonical(a);
    b = gl_canonical(b);
    uint64_t s = a + b;
    // a carry out of 64 bits stands for 2^64 = EPSILON mod p
    if (s < a) {
        s += GL_EPSILON;
    }
    return gl_canonical(s);
}

GL_HD uint64_t gl_sub(uint64_t a, uint64_t b) {
    a = gl_canonical(a);
    b = gl_canonical(b);
    uint64_t d = a - b;
    // a borrow took 2^64; adding p back is subtracting EPSILON modulo 2^64
    return a < b ? d - GL_EPSILON : d;
}

GL_HD uint64_t gl_neg(uint64_t a) {
    a = gl_canonical(a);
    return a == 0 ? 0 : GL_P - a;
}

// hi·2^64 + lo mod p, with 2^64 = 2^32 - 1 and 2^96 = -1
GL_HD uint64_t gl_reduce128(uint64_t hi, uint64_t lo) {
    uint64_t hi_hi = hi >> 32;
    uint64_t hi_lo = hi & GL_EPSILON;
    uint64_t t0 = lo - hi_hi;
    if (lo < hi_hi) {
        t0 -= GL_EPSILON;
    }
    uint64_t t1 = hi_lo * GL_EPSILON;
    uint64_t t2 = t0 + t1;
    if (t2 < t1) {
        t2 += GL_EPSILON;
    }
    return gl_canonical(t2);
}

GL_HD uint64_t gl_mul(uint64_t a, uint64_t b) {
#ifdef __CUDA_ARCH__
    uint64_t lo = a * b;
    uint64_t hi = __umul64hi(a, b);
#else
    unsigned __int128 prod = (unsigned __int128)a * b;
    uint64_t lo = (uint64_t)prod;
    uint64_t hi = (uint64_t)(prod >> 64);
#endif
    return gl_reduce128(hi, lo);
}

GL_HD uint64_t gl_square(uint64_t a) {
    return gl_mul(a, a);
}

// a^e with e an unsigned 64-bit exponent
GL_HD uint64_t gl_pow(uint64_t a, uint64_t e) {
    uint64_t result = 1;
    uint64_t base = gl_canonical(a);
    while (e != 0) {
        if (e & 1) {
            result = gl_mul(result, base);
        }
        base = gl_mul(base, base);
        e >>= 1;
    }
    return result;
}

// a^(p - 2); zero maps to zero (callers never invert zero)
GL_HD uint64_t gl_inverse(uint64_t a) {
    return gl_pow(a, GL_P - 2);
}

// x^7, the Poseidon2 S-box
GL_HD uint64_t gl_pow7(uint64_t x) {
    uint64_t x2 = gl_mul(x, x);
    uint64_t x3 = gl_mul(x2, x);
    uint64_t x4 = gl_mul(x2, x2);
    return gl_mul(x3, x4);
}

// The radix-2 decimation-in-time butterfly: (u, v) -> (u + w·v, u - w·v).
GL_HD void gl_butterfly(uint64_t* u, uint64_t* v, uint64_t w) {
    uint64_t t = gl_mul(*v, w);
    uint64_t a = *u;
    *u = gl_add(a, t);
    *v = gl_sub(a, t);
}

// reverses the low `bits` bits of i
GL_HD uint32_t gl_reverse_bits(uint32_t i, int bits) {
    if (bits == 0) {
        return 0;
    }
#ifdef __CUDA_ARCH__
    return __brev(i) >> (32 - bits);
#else
    uint32_t r = 0;
    for (int b = 0; b < bits; b++) {
        r = (r << 1) | ((i >> b) & 1);
    }
    return r;
#endif
}

// Extension elements c0 + c1·X with X^2 = W.
struct gl_ext {
    uint64_t c0;
    uint64_t c1;
};

GL_HD gl_ext gl_ext_add(gl_ext a, gl_ext b) {
    gl_ext r = {gl_add(a.c0, b.c0), gl_add(a.c1, b.c1)};
    return r;
}

GL_HD gl_ext gl_ext_sub(gl_ext a, gl_ext b) {
    gl_ext r = {gl_sub(a.c0, b.c0), gl_sub(a.c1, b.c1)};
    return r;
}

// (a0 + a1·X)(b0 + b1·X) = (a0·b0 + W·a1·b1) + (a0·b1 + a1·b0)·X
GL_HD gl_ext gl_ext_mul(gl_ext a, gl_ext b) {
    gl_ext r = {gl_add(gl_mul(a.c0, b.c0), gl_mul(GL_W, gl_mul(a.c1, b.c1))),
                gl_add(gl_mul(a.c0, b.c1), gl_mul(a.c1, b.c0))};
    return r;
}
