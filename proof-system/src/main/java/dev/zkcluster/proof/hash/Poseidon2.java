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
        int row = 0;
        externalLayer(state, row++);
        for (int r = 0; r < FULL_ROUNDS_HALF; r++) {
            sboxes(state);
            externalLayer(state, row++);
        }
        for (int r = 0; r < PARTIAL_ROUNDS; r++) {
            partialRound(state, r + 1 < PARTIAL_ROUNDS ? INTERNAL[r + 1] : 0);
        }
        for (int i = 0; i < WIDTH; i++) {
            state[i] = LazyField.addCanonical(state[i], EXTERNAL_FINAL[i]);
        }
        for (int r = 0; r < FULL_ROUNDS_HALF; r++) {
            sboxes(state);
            externalLayer(state, row++);
        }
        for (int i = 0; i < WIDTH; i++) {
            state[i] = LazyField.canonical(state[i]);
        }
    }

    private static void sboxes(long[] s) {
        for (int i = 0; i < WIDTH; i++) {
            s[i] = LazyField.pow7(s[i]);
        }
    }

    /*
     * Round constants are added inside the linear layer that precedes them, as lanes before its fold. Row k of
     * these tables is what the k-th application of E adds: the next full round's constants, the first partial
     * round's constant (in s[0] only) after the initial half, nothing after the last round. The first final
     * round's constants follow the partial rounds and are added there.
     */
    private static final long[] AFTER_E_HIGH = new long[9 * WIDTH];
    private static final long[] AFTER_E_LOW = new long[9 * WIDTH];

    static {
        long[] rows = new long[9 * WIDTH];
        System.arraycopy(EXTERNAL_INITIAL, 0, rows, 0, 4 * WIDTH);
        rows[4 * WIDTH] = INTERNAL[0];
        System.arraycopy(EXTERNAL_FINAL, WIDTH, rows, 5 * WIDTH, 3 * WIDTH);
        for (int i = 0; i < rows.length; i++) {
            AFTER_E_HIGH[i] = rows[i] >>> 32;
            AFTER_E_LOW[i] = rows[i] & 0xFFFF_FFFFL;
        }
    }

    /*
     * Both linear layers work on two 32-bit lanes, s = h·2^32 + l, with plain long arithmetic: every output is a
     * small-coefficient combination of the inputs, so each lane stays far below 2^63 and one fold per output
     * (LazyField.fold) brings it back to 64 bits. This replaces a modular addition per step by a plain one.
     */

    private static final long LOW = 0xFFFF_FFFFL;
    // 5p in lanes, (5·(2^32 − 1) − 4, 4·2^32 + 5): added to the internal layer's sum so that its lanes stay
    // non-negative after subtracting up to 4 times an input.
    private static final long BIAS_HIGH = 5 * LOW - 4;
    private static final long BIAS_LOW = (4L << 32) + 5;

    private static void partialRound(long[] s, long nextConstant) {
        long x0 = LazyField.pow7(s[0]);
        long x1 = s[1], x2 = s[2], x3 = s[3], x4 = s[4], x5 = s[5];
        long x6 = s[6], x7 = s[7], x8 = s[8], x9 = s[9], x10 = s[10], x11 = s[11];
        long h0 = x0 >>> 32, h1 = x1 >>> 32, h2 = x2 >>> 32, h3 = x3 >>> 32, h4 = x4 >>> 32, h5 = x5 >>> 32;
        long h6 = x6 >>> 32, h7 = x7 >>> 32, h8 = x8 >>> 32, h9 = x9 >>> 32, h10 = x10 >>> 32, h11 = x11 >>> 32;
        long l0 = x0 & LOW, l1 = x1 & LOW, l2 = x2 & LOW, l3 = x3 & LOW, l4 = x4 & LOW, l5 = x5 & LOW;
        long l6 = x6 & LOW, l7 = x7 & LOW, l8 = x8 & LOW, l9 = x9 & LOW, l10 = x10 & LOW, l11 = x11 & LOW;
        // The sum without s[0] does not wait for the S-box, and s[0]·(−2) + total is that sum − s[0].
        long rh = BIAS_HIGH + ((h1 + h2) + (h3 + h4)) + ((h5 + h6) + (h7 + h8)) + ((h9 + h10) + h11);
        long rl = BIAS_LOW + ((l1 + l2) + (l3 + l4)) + ((l5 + l6) + (l7 + l8)) + ((l9 + l10) + l11);
        s[0] = LazyField.fold(rh - h0 + (nextConstant >>> 32), rl - l0 + (nextConstant & LOW));
        long th = rh + h0;
        long tl = rl + l0;
        // The fractional entries: y = s/2^k mod p, then ±y in lanes.
        long y3 = LazyField.half(x3);
        long y6 = LazyField.half(x6);
        long y9 = LazyField.half(LazyField.half(x9));
        long y10 = LazyField.half(LazyField.half(x10));
        long y11 = LazyField.half(LazyField.half(LazyField.half(x11)));
        // s[i]·D[i] + total for i ≥ 1 with D = (−2, 1, 2, 1/2, 3, 4, −1/2, −3, −4, 1/4, −1/4, 1/8)
        s[1] = LazyField.fold(th + h1, tl + l1);
        s[2] = LazyField.fold(th + (h2 << 1), tl + (l2 << 1));
        s[3] = LazyField.fold(th + (y3 >>> 32), tl + (y3 & LOW));
        s[4] = LazyField.fold(th + 3 * h4, tl + 3 * l4);
        s[5] = LazyField.fold(th + (h5 << 2), tl + (l5 << 2));
        s[6] = LazyField.fold(th - (y6 >>> 32), tl - (y6 & LOW));
        s[7] = LazyField.fold(th - 3 * h7, tl - 3 * l7);
        s[8] = LazyField.fold(th - (h8 << 2), tl - (l8 << 2));
        s[9] = LazyField.fold(th + (y9 >>> 32), tl + (y9 & LOW));
        s[10] = LazyField.fold(th - (y10 >>> 32), tl - (y10 & LOW));
        s[11] = LazyField.fold(th + (y11 >>> 32), tl + (y11 & LOW));
    }

    // E: M4 on each block of 4, then s[i] += (sum of the three blocks' entries at i mod 4), then row's constants.
    // Lanes stay below 29·2^32.
    private static void externalLayer(long[] s, int row) {
        int o = row * WIDTH;
        long h0 = s[0] >>> 32, h1 = s[1] >>> 32, h2 = s[2] >>> 32, h3 = s[3] >>> 32;
        long h4 = s[4] >>> 32, h5 = s[5] >>> 32, h6 = s[6] >>> 32, h7 = s[7] >>> 32;
        long h8 = s[8] >>> 32, h9 = s[9] >>> 32, h10 = s[10] >>> 32, h11 = s[11] >>> 32;
        long l0 = s[0] & LOW, l1 = s[1] & LOW, l2 = s[2] & LOW, l3 = s[3] & LOW;
        long l4 = s[4] & LOW, l5 = s[5] & LOW, l6 = s[6] & LOW, l7 = s[7] & LOW;
        long l8 = s[8] & LOW, l9 = s[9] & LOW, l10 = s[10] & LOW, l11 = s[11] & LOW;

        // M4·(a, b, c, d) = (2a+3b+c+d, a+2b+3c+d, a+b+2c+3d, 3a+b+c+2d) from shared partial sums.
        long hab0 = h0 + h1, hcd0 = h2 + h3, hx0 = hab0 + hcd0 + h1, hy0 = hab0 + hcd0 + h3;
        long hab1 = h4 + h5, hcd1 = h6 + h7, hx1 = hab1 + hcd1 + h5, hy1 = hab1 + hcd1 + h7;
        long hab2 = h8 + h9, hcd2 = h10 + h11, hx2 = hab2 + hcd2 + h9, hy2 = hab2 + hcd2 + h11;
        long lab0 = l0 + l1, lcd0 = l2 + l3, lx0 = lab0 + lcd0 + l1, ly0 = lab0 + lcd0 + l3;
        long lab1 = l4 + l5, lcd1 = l6 + l7, lx1 = lab1 + lcd1 + l5, ly1 = lab1 + lcd1 + l7;
        long lab2 = l8 + l9, lcd2 = l10 + l11, lx2 = lab2 + lcd2 + l9, ly2 = lab2 + lcd2 + l11;

        long ht0 = hx0 + hab0, ht1 = hx0 + (h2 << 1), ht2 = hy0 + hcd0, ht3 = hy0 + (h0 << 1);
        long ht4 = hx1 + hab1, ht5 = hx1 + (h6 << 1), ht6 = hy1 + hcd1, ht7 = hy1 + (h4 << 1);
        long ht8 = hx2 + hab2, ht9 = hx2 + (h10 << 1), ht10 = hy2 + hcd2, ht11 = hy2 + (h8 << 1);
        long lt0 = lx0 + lab0, lt1 = lx0 + (l2 << 1), lt2 = ly0 + lcd0, lt3 = ly0 + (l0 << 1);
        long lt4 = lx1 + lab1, lt5 = lx1 + (l6 << 1), lt6 = ly1 + lcd1, lt7 = ly1 + (l4 << 1);
        long lt8 = lx2 + lab2, lt9 = lx2 + (l10 << 1), lt10 = ly2 + lcd2, lt11 = ly2 + (l8 << 1);

        long hu0 = ht0 + ht4 + ht8, hu1 = ht1 + ht5 + ht9, hu2 = ht2 + ht6 + ht10, hu3 = ht3 + ht7 + ht11;
        long lu0 = lt0 + lt4 + lt8, lu1 = lt1 + lt5 + lt9, lu2 = lt2 + lt6 + lt10, lu3 = lt3 + lt7 + lt11;

        s[0] = LazyField.fold(ht0 + hu0 + AFTER_E_HIGH[o + 0], lt0 + lu0 + AFTER_E_LOW[o + 0]);
        s[1] = LazyField.fold(ht1 + hu1 + AFTER_E_HIGH[o + 1], lt1 + lu1 + AFTER_E_LOW[o + 1]);
        s[2] = LazyField.fold(ht2 + hu2 + AFTER_E_HIGH[o + 2], lt2 + lu2 + AFTER_E_LOW[o + 2]);
        s[3] = LazyField.fold(ht3 + hu3 + AFTER_E_HIGH[o + 3], lt3 + lu3 + AFTER_E_LOW[o + 3]);
        s[4] = LazyField.fold(ht4 + hu0 + AFTER_E_HIGH[o + 4], lt4 + lu0 + AFTER_E_LOW[o + 4]);
        s[5] = LazyField.fold(ht5 + hu1 + AFTER_E_HIGH[o + 5], lt5 + lu1 + AFTER_E_LOW[o + 5]);
        s[6] = LazyField.fold(ht6 + hu2 + AFTER_E_HIGH[o + 6], lt6 + lu2 + AFTER_E_LOW[o + 6]);
        s[7] = LazyField.fold(ht7 + hu3 + AFTER_E_HIGH[o + 7], lt7 + lu3 + AFTER_E_LOW[o + 7]);
        s[8] = LazyField.fold(ht8 + hu0 + AFTER_E_HIGH[o + 8], lt8 + lu0 + AFTER_E_LOW[o + 8]);
        s[9] = LazyField.fold(ht9 + hu1 + AFTER_E_HIGH[o + 9], lt9 + lu1 + AFTER_E_LOW[o + 9]);
        s[10] = LazyField.fold(ht10 + hu2 + AFTER_E_HIGH[o + 10], lt10 + lu2 + AFTER_E_LOW[o + 10]);
        s[11] = LazyField.fold(ht11 + hu3 + AFTER_E_HIGH[o + 11], lt11 + lu3 + AFTER_E_LOW[o + 11]);
    }
}
