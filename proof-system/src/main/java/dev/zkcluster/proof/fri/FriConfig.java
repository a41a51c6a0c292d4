package dev.zkcluster.proof.fri;

/**
 * The FRI parameters. Every value belongs to the protocol: changing one is a new protocol version.
 *
 * <p>A codeword of degree below 2^d is committed on a coset of size 2^(d + rateBits). Each reduction step folds by
 * 2^arityBits while at least {@code arityBits} halvings remain above the final bound, then by 2 until it is reached.
 * The prover stops when the degree bound is 2^finalPolyBits and sends the final polynomial in the clear: exactly
 * 2^finalPolyBits coefficients, so "final degree ≤ 2^5" means degree < 32 (at most 32 coefficients). A codeword
 * whose degree bound is already at most 2^finalPolyBits has no reduction steps and is sent whole.
 *
 * <p>Conjectured security (the "ethSTARK" conjecture Plonky2 also uses): each query gives rateBits bits and the
 * grinding gives powBits, so λ = rateBits·numQueries + powBits.
 *
 * @param rateBits log2 of the blowup factor
 * @param capHeight log2 of the number of digests in a Merkle cap
 * @param numQueries query rounds
 * @param powBits leading zero bits the proof-of-work response must have
 * @param arityBits log2 of the main reduction arity (the tail steps use arity 2)
 * @param finalPolyBits log2 of the number of coefficients of the final polynomial
 */
public record FriConfig(int rateBits, int capHeight, int numQueries, int powBits, int arityBits, int finalPolyBits) {
    /** Largest arity the folding and the proof codec accept: 2^4 = 16. */
    public static final int MAX_ARITY_BITS = 4;
    /** Grinding beyond this is not a proof a prover could make. */
    public static final int MAX_POW_BITS = 30;
    public static final int MAX_QUERIES = 1024;
    public static final int MAX_CAP_HEIGHT = 10;
    public static final int MAX_FINAL_POLY_BITS = 16;
    /** log2 of the largest LDE: within the field's 2-adic subgroup, with a flat-pair codeword that fits a Java array. */
    public static final int MAX_LDE_BITS = 29;

    public FriConfig {
        requireRange("rateBits", rateBits, 1, 12);
        requireRange("capHeight", capHeight, 0, MAX_CAP_HEIGHT);
        requireRange("numQueries", numQueries, 1, MAX_QUERIES);
        requireRange("powBits", powBits, 0, MAX_POW_BITS);
        requireRange("arityBits", arityBits, 1, MAX_ARITY_BITS);
        requireRange("finalPolyBits", finalPolyBits, 0, MAX_FINAL_POLY_BITS);
    }

    /** The main configuration: blowup 8, cap of 16 digests, 28 queries, 16 grinding bits, arity 16, final degree < 32. */
    public static FriConfig standard() {
        return new FriConfig(3, 4, 28, 16, 4, 5);
    }

    /**
     * The compression configuration, where proof size matters more than prover time: blowup 128 makes each query worth
     * 7 bits, so 12 queries and 16 grinding bits reach 7·12 + 16 = 100 bits with 12 instead of 28 query rounds.
     *
     * <p>Why these values: the proof is dominated by the query rounds (each opens every oracle's row with its Merkle
     * path, and every FRI layer), so fewer queries make it smaller, and a higher rate buys them. For the wrapper of a
     * standard proof of a 2^14-row circuit (a 2^13-row circuit) the encoded proof is 71.4 KB at rate 7 with 12
     * queries, 79.4 KB at rate 6 with 14, 91.5 KB at rate 5 with 17 and 107 KB at rate 4 with 21 (all with 16
     * grinding bits and 100 bits or more), against 146 KB for the proof it wraps: only rate 7 halves it and stays
     * under 80 KB. Trading queries for grinding (rate 7, 11 queries, 23 bits) would cost 2^23 hashes per proof. Cap
     * height 4 is the smallest proof of heights 0 to 4. The price is the prover's: LDEs 16 times as long as under
     * {@link #standard()}, paid once per batch on a small circuit. The prover keeps only the part of each LDE that
     * the quotient reads (rate 3, a sixteenth) once its Merkle tree is built, so a compression proof of a 2^13-row
     * wrapper fits a 3 GiB heap; its peak is the 1.1 GiB LDE of the 135 wire columns while they are committed.
     */
    public static FriConfig shrink() {
        return new FriConfig(7, 4, 12, 16, 4, 5);
    }

    /** λ = rateBits·numQueries + powBits. */
    public int conjecturedSecurityBits() {
        return rateBits * numQueries + powBits;
    }

    /** The largest degreeBits this configuration can commit. */
    public int maxDegreeBits() {
        return MAX_LDE_BITS - rateBits;
    }

    /** The arity bits of each reduction step for a codeword of degree below 2^degreeBits. */
    public int[] reductionArityBits(int degreeBits) {
        requireRange("degreeBits", degreeBits, 0, maxDegreeBits());
        int remaining = Math.max(0, degreeBits - finalPolyBits);
        int main = remaining / arityBits;
        int tail = remaining % arityBits;
        int[] steps = new int[main + tail];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i < main ? arityBits : 1;
        }
        return steps;
    }

    /** log2 of the number of coefficients of the final polynomial for a codeword of degree below 2^degreeBits. */
    public int finalPolyBits(int degreeBits) {
        return Math.min(degreeBits, finalPolyBits);
    }

    /** The cap height of a tree with 2^leafBits leaves: the configured height, or the whole tree when that is lower. */
    public int capHeight(int leafBits) {
        return Math.min(capHeight, leafBits);
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
