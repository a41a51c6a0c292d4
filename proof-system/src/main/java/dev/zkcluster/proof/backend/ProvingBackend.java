package dev.zkcluster.proof.backend;

/**
 * The heavy kernels of the prover. The prover reaches NTTs, LDEs, Merkle hashing and the quotient only through this
 * interface, so a device backend can replace them. Every method works on {@code long[]} columns of canonical
 * Goldilocks elements and must give bit-identical results on every backend.
 *
 * <p>Orders: coefficient columns are lowest degree first. LDE columns are in bit-reversed order: position p of a
 * column of N = 2^logN values holds the value at shift·ω_N^rev(p), which is the order the commitments and FRI use.
 */
public interface ProvingBackend {

    /** A short name for reports, e.g. "cpu". */
    String name();

    /** In place, per column: coefficients (length n, a power of two) to values at ω_n^0 .. ω_n^(n−1). */
    void forwardNtt(long[][] columns);

    /** In place, per column: values at ω_n^0 .. ω_n^(n−1) to coefficients. */
    void inverseNtt(long[][] columns);

    /**
     * The coset LDE of every coefficient column (length n), in bit-reversed order: new columns of n·2^rateBits values,
     * position p holding f(shift·ω_N^rev(p)). The input is left unchanged.
     */
    long[][] cosetLde(long[][] coefficients, int rateBits, long shift);

    /**
     * The inverse of a coset LDE: from N values per column in bit-reversed order on shift·⟨ω_N⟩, the N coefficients of
     * the interpolating polynomial. The input is left unchanged.
     */
    long[][] cosetInterpolate(long[][] bitReversedValues, long shift);

    /**
     * The digest levels of a Merkle tree whose leaf i is the row (columns[0][i], columns[1][i], …): level 0 holds the
     * leaf digests hashNoPad(row i), level l + 1 holds twoToOne of consecutive pairs of level l, 4 elements per
     * digest, up to the cap at height min(capHeight, log2(leaves)), which is the last level.
     */
    long[][] merkleLevels(long[][] columns, int capHeight);

    /**
     * The quotient values t_k(x) = (Σ_j α_k^j·c_j(x)) / Z_H(x) on the quotient domain, one column per challenge k,
     * where c_j are the vanishing constraints in the order of {@link dev.zkcluster.proof.plonk.VanishingConstraints}.
     * The quotient domain is the coset 7·⟨ω_M⟩ of M = n·2^{@link QuotientInputs#rateBits()} points in bit-reversed
     * order, which is the first M positions of every input LDE column (for a FRI rate above the quotient's, a
     * prefix of the commitment's LDE).
     */
    long[][] quotientValues(QuotientInputs inputs);

    /**
     * One FRI reduction step: folds a codeword of 2^logN extension values (flat pairs, bit-reversed, on
     * shift·⟨ω_logN⟩) by 2^arityBits at β = beta0 + beta1·X, as {@link dev.zkcluster.proof.fri.FriFolding} defines.
     */
    long[] friFold(long[] codeword, int logN, long shift, int arityBits, long beta0, long beta1);
}
