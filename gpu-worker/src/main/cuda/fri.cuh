// One FRI folding step in the quadratic extension, as the Java FriFolding.foldCoset defines it: the 2^a values of a
// coset x0·<eta> (flat pairs, bit-reversed) fold at beta through a chain of 2-folds at beta, beta^2, beta^4, ...,
// each pairing x with -x: 2·f'(x^2) = (f(x) + f(-x)) + beta·(f(x) - f(-x))/x; the skipped halvings are applied at
// the end as one factor 2^-a.
#pragma once

#include "goldilocks.cuh"

#define FRI_MAX_ARITY_BITS 4

// values: 2^arity_bits flat pairs; x0_inv: the inverse of the coset's first point; eta_inv: the inverse of the
// primitive 2^arity_bits-th root of unity; two_inv_pow = 2^-arity_bits
GL_HD gl_ext fri_fold_coset(const uint64_t* values, int arity_bits, uint64_t x0_inv, gl_ext beta, uint64_t eta_inv,
                            uint64_t two_inv_pow) {
    uint64_t s[2 << FRI_MAX_ARITY_BITS];
    uint64_t t[1 << (FRI_MAX_ARITY_BITS - 1)];
    int count = 1 << arity_bits;
    for (int i = 0; i < 2 * count; i++) {
        s[i] = values[i];
    }
    // t[i] = 1/x_(2i) = x0^-1·eta^-rev_(a-1)(i), the inverse of the first point of pair i
    for (int i = 0; i < count / 2; i++) {
        t[i] = gl_mul(x0_inv, gl_pow(eta_inv, gl_reverse_bits((uint32_t)i, arity_bits - 1)));
    }
    gl_ext b = beta;
    while (count > 1) {
        int half = count / 2;
        for (int i = 0; i < half; i++) {
            gl_ext u = {s[4 * i], s[4 * i + 1]};
            gl_ext v = {s[4 * i + 2], s[4 * i + 3]};
            gl_ext d = gl_ext_sub(u, v);
            d.c0 = gl_mul(d.c0, t[i]);
            d.c1 = gl_mul(d.c1, t[i]);
            gl_ext r = gl_ext_add(gl_ext_add(u, v), gl_ext_mul(b, d));
            s[2 * i] = r.c0;
            s[2 * i + 1] = r.c1;
        }
        // the next level's pairs start at the squares of every other first point
        for (int i = 0; i < half / 2; i++) {
            t[i] = gl_square(t[2 * i]);
        }
        b = gl_ext_mul(b, b);
        count = half;
    }
    gl_ext out = {gl_mul(s[0], two_inv_pow), gl_mul(s[1], two_inv_pow)};
    return out;
}
