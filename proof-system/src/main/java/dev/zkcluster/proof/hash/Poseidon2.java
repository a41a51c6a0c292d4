package dev.zkcluster.proof.hash;

/**
 * The Poseidon2 permutation of width 12 over Goldilocks: S-box x^7, 4 initial full rounds, 22 partial rounds and
 * 4 final full rounds, with the published Plonky3 round constants and internal diagonal. These constants belong to
 * the protocol; changing any of them is a new protocol version.
 *
 * <p>Structure, on a state s[0..11]:
 * <ol>
 *   <li>s = E(s);
 *   <li>4 full rounds: s[i] += RC_initial[12r + i]; s[i] = s[i]^7; s = E(s);
 *   <li>22 partial rounds: s[0] += RC_internal[r]; s[0] = s[0]^7; s[i] = s[i]·D[i] + Σ s;
 *   <li>4 full rounds with RC_final.
 * </ol>
 * E applies M4 = [[2,3,1,1],[1,2,3,1],[1,1,2,3],[3,1,1,2]] to each block of 4, then adds to s[i] the sum of the
 * entries in position i mod 4 of the three blocks. D is (−2, 1, 2, 1/2, 3, 4, −1/2, −3, −4, 1/4, −1/4, 1/8).
 */
public final class Poseidon2 {
    public static final int WIDTH = 12;
    public static final int FULL_ROUNDS_HALF = 4;
    public static final int PARTIAL_ROUNDS = 22;

    private static final long[] EXTERNAL_INITIAL = {
        0x13dcf33aba214f46L, 0x30b3b654a1da6d83L, 0x1fc634ada6159b56L, 0x937459964dc03466L,
        0xedd2ef2ca7949924L, 0xede9affde0e22f68L, 0x8515b9d6bac9282dL, 0x6b5c07b4e9e900d8L,
        0x1ec66368838c8a08L, 0x9042367d80d1fbabL, 0x400283564a3c3799L, 0x4a00be0466bca75eL,
        0x7913beee58e3817fL, 0xf545e88532237d90L, 0x22f8cb8736042005L, 0x6f04990e247a2623L,
        0xfe22e87ba37c38cdL, 0xd20e32c85ffe2815L, 0x117227674048fe73L, 0x4e9fb7ea98a6b145L,
        0xe0866c232b8af08bL, 0x00bbc77916884964L, 0x7031c0fb990d7116L, 0x240a9e87cf35108fL,
        0x2e6363a5a12244b3L, 0x5e1c3787d1b5011cL, 0x4132660e2a196e8bL, 0x3a013b648d3d4327L,
        0xf79839f49888ea43L, 0xfe85658ebafe1439L, 0xb6889825a14240bdL, 0x578453605541382bL,
        0x4508cda8f6b63ce9L, 0x9c3ef35848684c91L, 0x0812bde23c87178cL, 0xfe49638f7f722c14L,
        0x8e3f688ce885cbf5L, 0xb8e110acf746a87dL, 0xb4b2e8973a6dabefL, 0x9e714c5da3d462ecL,
        0x6438f9033d3d0c15L, 0x24312f7cf1a27199L, 0x23f843bb47acbf71L, 0x9183f11a34be9f01L,
        0x839062fbb9d45dbfL, 0x24b56e7e6c2e43faL, 0xe1683da61c962a72L, 0xa95c63971a19bfa7L,
    };

    private static final long[] EXTERNAL_FINAL = {
        0xc68be7c94882a24dL, 0xaf996d5d5cdaedd9L, 0x9717f025e7daf6a5L, 0x6436679e6e7216f4L,
        0x8a223d99047af267L, 0xbb512e35a133ba9aL, 0xfbbf44097671aa03L, 0xf04058ebf6811e61L,
        0x5cca84703fac7ffbL, 0x9b55c7945de6469fL, 0x8e05bf09808e934fL, 0x2ea900de876307d7L,
        0x7748fff2b38dfb89L, 0x6b99a676dd3b5d81L, 0xac4bb7c627cf7c13L, 0xadb6ebe5e9e2f5baL,
        0x2d33378cafa24ae3L, 0x1e5b73807543f8c2L, 0x09208814bfebb10fL, 0x782e64b6bb5b93ddL,
        0xadd5a48eac90b50fL, 0xadd4c54c736ea4b1L, 0xd58dbb86ed817fd8L, 0x6d5ed1a533f34dddL,
        0x28686aa3e36b7cb9L, 0x591abd3476689f36L, 0x047d766678f13875L, 0xa2a11112625f5b49L,
        0x21fd10a3f8304958L, 0xf9b40711443b0280L, 0xd2697eb8b2bde88eL, 0x3493790b51731b3fL,
        0x11caf9dd73764023L, 0x7acfb8f72878164eL, 0x744ec4db23cefc26L, 0x1e00e58f422c6340L,
        0x21dd28d906a62ddaL, 0xf32a46ab5f465b5fL, 0xbfce13201f3f7e6bL, 0xf30d2e7adb5304e2L,
        0xecdf4ee4abad48e9L, 0xf94e82182d395019L, 0x4ee52e3744d887c5L, 0xa1341c7cac0083b2L,
        0x2302fb26c30c834aL, 0xaea3c587273bf7d3L, 0xf798e24961823ec7L, 0x962deba3e9a2cd94L,
    };

    private static final long[] INTERNAL = {
        0x4adf842aa75d4316L, 0xf8fbb871aa4ab4ebL, 0x68e85b6eb2dd6aebL, 0x07a0b06b2d270380L,
        0xd94e0228bd282de4L, 0x8bdd91d3250c5278L, 0x209c68b88bba778fL, 0xb5e18cdab77f3877L,
        0xb296a3e808da93faL, 0x8370ecbda11a327eL, 0x3f9075283775dad8L, 0xb78095bb23c6aa84L,
        0x3f36b9fe72ad4e5fL, 0x69bc96780b10b553L, 0x3f1d341f2eb7b881L, 0x4e939e9815838818L,
        0xda366b3ae2a31604L, 0xbc89db1e7287d509L, 0x6102f411f9ef5659L, 0x58725c5e7ac1f0abL,
        0x0df5856c798883e7L, 0xf7bb62a8da4c961bL,
    };

    // The field elements that the partial rounds multiply by; permute() applies them as shifts and additions.
    private static final long[] INTERNAL_DIAGONAL = {
        0xfffffffeffffffffL, 0x0000000000000001L, 0x0000000000000002L, 0x7fffffff80000001L,
        0x0000000000000003L, 0x0000000000000004L, 0x7fffffff80000000L, 0xfffffffefffffffeL,
        0xfffffffefffffffdL, 0xbfffffff40000001L, 0x3fffffffc0000000L, 0xdfffffff20000001L,
    };

    private Poseidon2() {}

    /** The 48 round constants of the initial full rounds, 12 per round. */
    public static long[] externalInitialRoundConstants() {
        return EXTERNAL_INITIAL.clone();
    }

    /** The 48 round constants of the final full rounds, 12 per round. */
    public static long[] externalFinalRoundConstants() {
        return EXTERNAL_FINAL.clone();
    }

    /** The 22 round constants of the partial rounds. */
    public static long[] internalRoundConstants() {
        return INTERNAL.clone();
    }

    /** The internal layer's diagonal D, as canonical field elements. */
    public static long[] internalDiagonal() {
        return INTERNAL_DIAGONAL.clone();
    }

    /**
     * Permutes {@code state} (12 elements, any 64-bit values) in place. The output is canonical.
     */
    public static void permute(long[] state) {
        if (state.length != WIDTH) {
            throw new IllegalArgumentException("Poseidon2 state has 12 elements, got " + state.length);
        }
        externalLayer(state);
        for (int r = 0; r < FULL_ROUNDS_HALF; r++) {
            fullRound(state, EXTERNAL_INITIAL, WIDTH * r);
        }
        for (int r = 0; r < PARTIAL_ROUNDS; r++) {
            partialRound(state, INTERNAL[r]);
        }
        for (int r = 0; r < FULL_ROUNDS_HALF; r++) {
            fullRound(state, EXTERNAL_FINAL, WIDTH * r);
        }
        for (int i = 0; i < WIDTH; i++) {
            state[i] = LazyField.canonical(state[i]);
        }
    }

    private static void fullRound(long[] s, long[] constants, int offset) {
        for (int i = 0; i < WIDTH; i++) {
            s[i] = LazyField.pow7(LazyField.add(s[i], constants[offset + i]));
        }
        externalLayer(s);
    }

    private static void partialRound(long[] s, long constant) {
        s[0] = LazyField.pow7(LazyField.add(s[0], constant));
        long total = s[0];
        for (int i = 1; i < WIDTH; i++) {
            total = LazyField.add(total, s[i]);
        }
        // s[i]·D[i] + total with D = (−2, 1, 2, 1/2, 3, 4, −1/2, −3, −4, 1/4, −1/4, 1/8)
        long d0 = LazyField.add(s[0], s[0]);
        s[0] = LazyField.sub(total, d0);
        s[1] = LazyField.add(total, s[1]);
        s[2] = LazyField.add(total, LazyField.add(s[2], s[2]));
        s[3] = LazyField.add(total, LazyField.half(s[3]));
        long d4 = LazyField.add(s[4], s[4]);
        s[4] = LazyField.add(total, LazyField.add(d4, s[4]));
        long d5 = LazyField.add(s[5], s[5]);
        s[5] = LazyField.add(total, LazyField.add(d5, d5));
        s[6] = LazyField.sub(total, LazyField.half(s[6]));
        long d7 = LazyField.add(s[7], s[7]);
        s[7] = LazyField.sub(total, LazyField.add(d7, s[7]));
        long d8 = LazyField.add(s[8], s[8]);
        s[8] = LazyField.sub(total, LazyField.add(d8, d8));
        s[9] = LazyField.add(total, LazyField.half(LazyField.half(s[9])));
        s[10] = LazyField.sub(total, LazyField.half(LazyField.half(s[10])));
        s[11] = LazyField.add(total, LazyField.half(LazyField.half(LazyField.half(s[11]))));
    }

    private static void externalLayer(long[] s) {
        for (int k = 0; k < WIDTH; k += 4) {
            m4(s, k);
        }
        for (int k = 0; k < 4; k++) {
            long sum = LazyField.add(LazyField.add(s[k], s[4 + k]), s[8 + k]);
            s[k] = LazyField.add(s[k], sum);
            s[4 + k] = LazyField.add(s[4 + k], sum);
            s[8 + k] = LazyField.add(s[8 + k], sum);
        }
    }

    // M4·(a, b, c, d) with 8 additions: shared partial sums a+b, c+d, a+b+c+d.
    private static void m4(long[] s, int k) {
        long a = s[k], b = s[k + 1], c = s[k + 2], d = s[k + 3];
        long ab = LazyField.add(a, b);
        long cd = LazyField.add(c, d);
        long abcd = LazyField.add(ab, cd);
        long abbcd = LazyField.add(abcd, b);
        long abcdd = LazyField.add(abcd, d);
        s[k] = LazyField.add(abbcd, ab);
        s[k + 1] = LazyField.add(abbcd, LazyField.add(c, c));
        s[k + 2] = LazyField.add(abcdd, cd);
        s[k + 3] = LazyField.add(abcdd, LazyField.add(a, a));
    }
}
