// The proving kernels behind the CUDA backend. Data lives column-major on the device: column c of a batch of
// n = 2^log_n values starts at c·n. Every kernel takes its element count and guards its thread index, so launches may
// round the grid up. The Java side (CudaKernels) launches them by these exact names.

#include "goldilocks.cuh"
#include "poseidon2.cuh"
#include "fri.cuh"

// log2 of the largest chunk the shared-memory NTT kernel transforms (2^11 values = 16 KiB of shared memory)
#define NTT_BLOCK_LOG 11

__device__ __forceinline__ uint64_t thread_index() {
    return (uint64_t)blockIdx.x * blockDim.x + threadIdx.x;
}

// Twiddle table for radix-2 stages 1..max_log: stage s holds w_s^0 .. w_s^(2^(s-1) - 1) at offset 2^(s-1) - 1, with
// w_s = root^(2^(max_log - s)) for root a primitive 2^max_log-th root of unity (or its inverse).
extern "C" __global__ void twiddles(uint64_t* tw, int max_log, uint64_t root) {
    uint64_t t = thread_index();
    uint64_t size = ((uint64_t)1 << max_log) - 1;
    if (t >= size) {
        return;
    }
    int s = 64 - __clzll((long long)(t + 1));  // 2^(s-1) <= t + 1 < 2^s
    uint64_t j = t + 1 - ((uint64_t)1 << (s - 1));
    uint64_t w = root;
    for (int k = s; k < max_log; k++) {
        w = gl_square(w);
    }
    tw[t] = gl_pow(w, j);
}

// In place, per column: position i and rev(i) swap.
extern "C" __global__ void bit_reverse(uint64_t* data, int log_n, uint64_t total) {
    uint64_t g = thread_index();
    if (g >= total) {
        return;
    }
    uint64_t n = (uint64_t)1 << log_n;
    uint64_t base = g & ~(n - 1);
    uint32_t i = (uint32_t)(g & (n - 1));
    uint32_t r = gl_reverse_bits(i, log_n);
    if (i < r) {
        uint64_t a = data[base + i];
        data[base + i] = data[base + r];
        data[base + r] = a;
    }
}

// Stages 1..block_log of the decimation-in-time transform on chunks of 2^block_log consecutive values, each chunk
// in shared memory; one thread block of 2^(block_log - 1) threads per chunk.
extern "C" __global__ void ntt_block(uint64_t* data, int block_log, const uint64_t* tw) {
    __shared__ uint64_t chunk[1 << NTT_BLOCK_LOG];
    uint64_t base = (uint64_t)blockIdx.x << block_log;
    uint32_t half = 1u << (block_log - 1);
    uint32_t k = threadIdx.x;
    chunk[k] = gl_canonical(data[base + k]);
    chunk[k + half] = gl_canonical(data[base + k + half]);
    __syncthreads();
    for (int s = 1; s <= block_log; s++) {
        uint32_t h = 1u << (s - 1);
        uint32_t j = k & (h - 1);
        uint32_t i0 = ((k >> (s - 1)) << s) + j;
        uint64_t u = chunk[i0];
        uint64_t v = chunk[i0 + h];
        gl_butterfly(&u, &v, tw[h - 1 + j]);
        chunk[i0] = u;
        chunk[i0 + h] = v;
        __syncthreads();
    }
    data[base + k] = chunk[k];
    data[base + k + half] = chunk[k + half];
}

// One radix-2 stage s over every column: butterflies of span 2^(s-1); total = columns·n/2 butterflies.
extern "C" __global__ void ntt_stage(uint64_t* data, int log_n, int s, const uint64_t* tw, uint64_t total) {
    uint64_t t = thread_index();
    if (t >= total) {
        return;
    }
    uint64_t half_n = (uint64_t)1 << (log_n - 1);
    uint64_t c = t >> (log_n - 1);
    uint64_t k = t & (half_n - 1);
    uint64_t h = (uint64_t)1 << (s - 1);
    uint64_t j = k & (h - 1);
    uint64_t i0 = (c << log_n) + ((k >> (s - 1)) << s) + j;
    uint64_t u = data[i0];
    uint64_t v = data[i0 + h];
    gl_butterfly(&u, &v, tw[h - 1 + j]);
    data[i0] = u;
    data[i0 + h] = v;
}

// Two radix-2 stages s and s + 1 in one pass: four values at span 2^(s-1) go through both stages in registers.
// total = columns·n/4.
extern "C" __global__ void ntt_stage2(uint64_t* data, int log_n, int s, const uint64_t* tw, uint64_t total) {
    uint64_t t = thread_index();
    if (t >= total) {
        return;
    }
    uint64_t quarter_n = (uint64_t)1 << (log_n - 2);
    uint64_t c = t >> (log_n - 2);
    uint64_t k = t & (quarter_n - 1);
    uint64_t q = (uint64_t)1 << (s - 1);
    uint64_t j = k & (q - 1);
    uint64_t i0 = (c << log_n) + ((k >> (s - 1)) << (s + 1)) + j;
    uint64_t x0 = data[i0];
    uint64_t x1 = data[i0 + q];
    uint64_t x2 = data[i0 + 2 * q];
    uint64_t x3 = data[i0 + 3 * q];
    uint64_t w1 = tw[q - 1 + j];
    gl_butterfly(&x0, &x1, w1);
    gl_butterfly(&x2, &x3, w1);
    gl_butterfly(&x0, &x2, tw[2 * q - 1 + j]);
    gl_butterfly(&x1, &x3, tw[2 * q - 1 + j + q]);
    data[i0] = x0;
    data[i0 + q] = x1;
    data[i0 + 2 * q] = x2;
    data[i0 + 3 * q] = x3;
}

// data[g] = data[g]·factor (canonical), for every element.
extern "C" __global__ void scale_all(uint64_t* data, uint64_t factor, uint64_t total) {
    uint64_t g = thread_index();
    if (g < total) {
        data[g] = gl_mul(data[g], factor);
    }
}

// data[c·n + k] = data[c·n + k]·factor·step^k: the coset scaling after an inverse transform.
extern "C" __global__ void scale_powers(uint64_t* data, int log_n, uint64_t factor, uint64_t step, uint64_t total) {
    uint64_t g = thread_index();
    if (g < total) {
        uint64_t k = g & (((uint64_t)1 << log_n) - 1);
        data[g] = gl_mul(data[g], gl_mul(factor, gl_pow(step, k)));
    }
}

// The first step of a coset LDE: column c of n coefficients (src, stride n) scaled by shift^i goes to position
// rev_(log_big)(i) of column c of 2^log_big values (dst, zeroed beforehand), ready for the decimation-in-time stages.
extern "C" __global__ void lde_spread(const uint64_t* src, uint64_t* dst, int log_n, int log_big, uint64_t shift,
                                      uint64_t total) {
    uint64_t g = thread_index();
    if (g >= total) {
        return;
    }
    uint64_t c = g >> log_n;
    uint32_t i = (uint32_t)(g & (((uint64_t)1 << log_n) - 1));
    dst[(c << log_big) + gl_reverse_bits(i, log_big)] = gl_mul(src[g], gl_pow(shift, i));
}

// Merkle leaves: digest i = hash_no_pad(row i), the row read down `width` columns of `rows` values each.
extern "C" __global__ void merkle_leaves(const uint64_t* columns, uint64_t rows, int width, uint64_t* digests) {
    uint64_t i = thread_index();
    if (i < rows) {
        p2_hash_no_pad_strided(columns + i, rows, width, digests + 4 * i);
    }
}

// One interior level: parent i = two_to_one(child 2i, child 2i + 1).
extern "C" __global__ void merkle_nodes(const uint64_t* below, uint64_t* out, uint64_t nodes) {
    uint64_t i = thread_index();
    if (i < nodes) {
        p2_two_to_one(below + 8 * i, below + 8 * i + 4, out + 4 * i);
    }
}

// FRI folding of a codeword of 2^log_n extension values by 2^arity_bits: folded value m comes from coset m, whose
// first point is x0(m) = shift·w^rev_(log_n - a)(m); x0(m)^-1 = shift_inv·w_inv^rev(m).
extern "C" __global__ void fri_fold(const uint64_t* codeword, uint64_t* folded, int log_n, int arity_bits,
                                    uint64_t root_inv, uint64_t shift_inv, uint64_t beta0, uint64_t beta1,
                                    uint64_t eta_inv, uint64_t two_inv_pow) {
    uint64_t m = thread_index();
    int folded_bits = log_n - arity_bits;
    if (m >= ((uint64_t)1 << folded_bits)) {
        return;
    }
    uint64_t x0_inv = gl_mul(shift_inv, gl_pow(root_inv, gl_reverse_bits((uint32_t)m, folded_bits)));
    gl_ext beta = {beta0, beta1};
    gl_ext r = fri_fold_coset(codeword + (m << (arity_bits + 1)), arity_bits, x0_inv, beta, eta_inv, two_inv_pow);
    folded[2 * m] = r.c0;
    folded[2 * m + 1] = r.c1;
}
