// The Poseidon2 permutation of width 12 over Goldilocks (S-box x^7, 4 + 22 + 4 rounds) and the sponge built on it:
// hash_no_pad of a Merkle leaf row and the 2-to-1 compression of Merkle interior nodes. The constants are the
// protocol's (the same as the Java Poseidon2 class); a test checks the host build of these functions against the
// Java permutation and the shared test vector.
#pragma once

#include "goldilocks.cuh"

#define P2_WIDTH 12
#define P2_RATE 8
#define P2_HALF_FULL_ROUNDS 4
#define P2_PARTIAL_ROUNDS 22

#define P2_EXTERNAL_INITIAL_VALUES \
    0x13dcf33aba214f46ull, 0x30b3b654a1da6d83ull, 0x1fc634ada6159b56ull, 0x937459964dc03466ull, \
    0xedd2ef2ca7949924ull, 0xede9affde0e22f68ull, 0x8515b9d6bac9282dull, 0x6b5c07b4e9e900d8ull, \
    0x1ec66368838c8a08ull, 0x9042367d80d1fbabull, 0x400283564a3c3799ull, 0x4a00be0466bca75eull, \
    0x7913beee58e3817full, 0xf545e88532237d90ull, 0x22f8cb8736042005ull, 0x6f04990e247a2623ull, \
    0xfe22e87ba37c38cdull, 0xd20e32c85ffe2815ull, 0x117227674048fe73ull, 0x4e9fb7ea98a6b145ull, \
    0xe0866c232b8af08bull, 0x00bbc77916884964ull, 0x7031c0fb990d7116ull, 0x240a9e87cf35108full, \
    0x2e6363a5a12244b3ull, 0x5e1c3787d1b5011cull, 0x4132660e2a196e8bull, 0x3a013b648d3d4327ull, \
    0xf79839f49888ea43ull, 0xfe85658ebafe1439ull, 0xb6889825a14240bdull, 0x578453605541382bull, \
    0x4508cda8f6b63ce9ull, 0x9c3ef35848684c91ull, 0x0812bde23c87178cull, 0xfe49638f7f722c14ull, \
    0x8e3f688ce885cbf5ull, 0xb8e110acf746a87dull, 0xb4b2e8973a6dabefull, 0x9e714c5da3d462ecull, \
    0x6438f9033d3d0c15ull, 0x24312f7cf1a27199ull, 0x23f843bb47acbf71ull, 0x9183f11a34be9f01ull, \
    0x839062fbb9d45dbfull, 0x24b56e7e6c2e43faull, 0xe1683da61c962a72ull, 0xa95c63971a19bfa7ull,
#define P2_EXTERNAL_FINAL_VALUES \
    0xc68be7c94882a24dull, 0xaf996d5d5cdaedd9ull, 0x9717f025e7daf6a5ull, 0x6436679e6e7216f4ull, \
    0x8a223d99047af267ull, 0xbb512e35a133ba9aull, 0xfbbf44097671aa03ull, 0xf04058ebf6811e61ull, \
    0x5cca84703fac7ffbull, 0x9b55c7945de6469full, 0x8e05bf09808e934full, 0x2ea900de876307d7ull, \
    0x7748fff2b38dfb89ull, 0x6b99a676dd3b5d81ull, 0xac4bb7c627cf7c13ull, 0xadb6ebe5e9e2f5baull, \
    0x2d33378cafa24ae3ull, 0x1e5b73807543f8c2ull, 0x09208814bfebb10full, 0x782e64b6bb5b93ddull, \
    0xadd5a48eac90b50full, 0xadd4c54c736ea4b1ull, 0xd58dbb86ed817fd8ull, 0x6d5ed1a533f34dddull, \
    0x28686aa3e36b7cb9ull, 0x591abd3476689f36ull, 0x047d766678f13875ull, 0xa2a11112625f5b49ull, \
    0x21fd10a3f8304958ull, 0xf9b40711443b0280ull, 0xd2697eb8b2bde88eull, 0x3493790b51731b3full, \
    0x11caf9dd73764023ull, 0x7acfb8f72878164eull, 0x744ec4db23cefc26ull, 0x1e00e58f422c6340ull, \
    0x21dd28d906a62ddaull, 0xf32a46ab5f465b5full, 0xbfce13201f3f7e6bull, 0xf30d2e7adb5304e2ull, \
    0xecdf4ee4abad48e9ull, 0xf94e82182d395019ull, 0x4ee52e3744d887c5ull, 0xa1341c7cac0083b2ull, \
    0x2302fb26c30c834aull, 0xaea3c587273bf7d3ull, 0xf798e24961823ec7ull, 0x962deba3e9a2cd94ull,
#define P2_INTERNAL_VALUES \
    0x4adf842aa75d4316ull, 0xf8fbb871aa4ab4ebull, 0x68e85b6eb2dd6aebull, 0x07a0b06b2d270380ull, \
    0xd94e0228bd282de4ull, 0x8bdd91d3250c5278ull, 0x209c68b88bba778full, 0xb5e18cdab77f3877ull, \
    0xb296a3e808da93faull, 0x8370ecbda11a327eull, 0x3f9075283775dad8ull, 0xb78095bb23c6aa84ull, \
    0x3f36b9fe72ad4e5full, 0x69bc96780b10b553ull, 0x3f1d341f2eb7b881ull, 0x4e939e9815838818ull, \
    0xda366b3ae2a31604ull, 0xbc89db1e7287d509ull, 0x6102f411f9ef5659ull, 0x58725c5e7ac1f0abull, \
    0x0df5856c798883e7ull, 0xf7bb62a8da4c961bull,
// the internal layer's diagonal (-2, 1, 2, 1/2, 3, 4, -1/2, -3, -4, 1/4, -1/4, 1/8) as field elements
#define P2_DIAGONAL_VALUES \
    0xfffffffeffffffffull, 0x0000000000000001ull, 0x0000000000000002ull, 0x7fffffff80000001ull, \
    0x0000000000000003ull, 0x0000000000000004ull, 0x7fffffff80000000ull, 0xfffffffefffffffeull, \
    0xfffffffefffffffdull, 0xbfffffff40000001ull, 0x3fffffffc0000000ull, 0xdfffffff20000001ull,

// The device reads the constants from constant memory, the host build from ordinary arrays.
__constant__ uint64_t P2_EXTERNAL_INITIAL_D[48] = {P2_EXTERNAL_INITIAL_VALUES};
__constant__ uint64_t P2_EXTERNAL_FINAL_D[48] = {P2_EXTERNAL_FINAL_VALUES};
__constant__ uint64_t P2_INTERNAL_D[22] = {P2_INTERNAL_VALUES};
__constant__ uint64_t P2_DIAGONAL_D[12] = {P2_DIAGONAL_VALUES};
static const uint64_t P2_EXTERNAL_INITIAL_H[48] = {P2_EXTERNAL_INITIAL_VALUES};
static const uint64_t P2_EXTERNAL_FINAL_H[48] = {P2_EXTERNAL_FINAL_VALUES};
static const uint64_t P2_INTERNAL_H[22] = {P2_INTERNAL_VALUES};
static const uint64_t P2_DIAGONAL_H[12] = {P2_DIAGONAL_VALUES};

#ifdef __CUDA_ARCH__
#define P2_EXTERNAL_INITIAL P2_EXTERNAL_INITIAL_D
#define P2_EXTERNAL_FINAL P2_EXTERNAL_FINAL_D
#define P2_INTERNAL P2_INTERNAL_D
#define P2_DIAGONAL P2_DIAGONAL_D
#else
#define P2_EXTERNAL_INITIAL P2_EXTERNAL_INITIAL_H
#define P2_EXTERNAL_FINAL P2_EXTERNAL_FINAL_H
#define P2_INTERNAL P2_INTERNAL_H
#define P2_DIAGONAL P2_DIAGONAL_H
#endif

// E: M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] on each block of 4, then s[i] += the sum of the blocks' entries
// at position i mod 4.
GL_HD void p2_external_layer(uint64_t* s) {
    for (int b = 0; b < 12; b += 4) {
        uint64_t a0 = s[b], a1 = s[b + 1], a2 = s[b + 2], a3 = s[b + 3];
        uint64_t ab = gl_add(a0, a1);
        uint64_t cd = gl_add(a2, a3);
        uint64_t all = gl_add(ab, cd);
        // 2a+3b+c+d = all + a + 2b, a+2b+3c+d = all + b + 2c, a+b+2c+3d = all + c + 2d, 3a+b+c+2d = all + 2a + d
        s[b] = gl_add(all, gl_add(gl_add(a0, a1), a1));
        s[b + 1] = gl_add(all, gl_add(gl_add(a1, a2), a2));
        s[b + 2] = gl_add(all, gl_add(gl_add(a2, a3), a3));
        s[b + 3] = gl_add(all, gl_add(gl_add(a0, a0), a3));
    }
    for (int i = 0; i < 4; i++) {
        uint64_t sum = gl_add(gl_add(s[i], s[4 + i]), s[8 + i]);
        s[i] = gl_add(s[i], sum);
        s[4 + i] = gl_add(s[4 + i], sum);
        s[8 + i] = gl_add(s[8 + i], sum);
    }
}

GL_HD void p2_full_round(uint64_t* s, const uint64_t* rc) {
    for (int i = 0; i < 12; i++) {
        s[i] = gl_pow7(gl_add(s[i], rc[i]));
    }
    p2_external_layer(s);
}

// Permutes the 12-element state in place; the output is canonical.
GL_HD void p2_permute(uint64_t* s) {
    p2_external_layer(s);
    for (int r = 0; r < P2_HALF_FULL_ROUNDS; r++) {
        p2_full_round(s, P2_EXTERNAL_INITIAL + 12 * r);
    }
    for (int r = 0; r < P2_PARTIAL_ROUNDS; r++) {
        s[0] = gl_pow7(gl_add(s[0], P2_INTERNAL[r]));
        uint64_t total = s[0];
        for (int i = 1; i < 12; i++) {
            total = gl_add(total, s[i]);
        }
        for (int i = 0; i < 12; i++) {
            s[i] = gl_add(gl_mul(s[i], P2_DIAGONAL[i]), total);
        }
    }
    for (int r = 0; r < P2_HALF_FULL_ROUNDS; r++) {
        p2_full_round(s, P2_EXTERNAL_FINAL + 12 * r);
    }
}

// hash_no_pad of `length` elements read as xs[k·stride] (a Merkle leaf row read down column-major storage); the
// 4 digest elements go to out. Up to 4 elements are the digest themselves, zero-padded.
GL_HD void p2_hash_no_pad_strided(const uint64_t* xs, uint64_t stride, int length, uint64_t* out) {
    if (length <= 4) {
        for (int i = 0; i < 4; i++) {
            out[i] = i < length ? gl_canonical(xs[(uint64_t)i * stride]) : 0;
        }
        return;
    }
    uint64_t s[12];
    for (int i = 0; i < 12; i++) {
        s[i] = 0;
    }
    for (int start = 0; start < length; start += P2_RATE) {
        int k = length - start < P2_RATE ? length - start : P2_RATE;
        // a last partial chunk overwrites only s[0..k)
        for (int i = 0; i < k; i++) {
            s[i] = xs[(uint64_t)(start + i) * stride];
        }
        p2_permute(s);
    }
    for (int i = 0; i < 4; i++) {
        out[i] = s[i];
    }
}

// two_to_one(a, b): permute (a0..a3, b0..b3, 0, 0, 0, 0) and keep s[0..4)
GL_HD void p2_two_to_one(const uint64_t* a, const uint64_t* b, uint64_t* out) {
    uint64_t s[12];
    for (int i = 0; i < 4; i++) {
        s[i] = a[i];
        s[4 + i] = b[i];
        s[8 + i] = 0;
    }
    p2_permute(s);
    for (int i = 0; i < 4; i++) {
        out[i] = s[i];
    }
}
