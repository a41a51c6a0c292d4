/**
 * FRI over Goldilocks with challenges in the quadratic extension: a low-degree test for one committed codeword
 * ({@link dev.zkcluster.proof.fri.FriProver#proveLowDegree}) and the batched polynomial-opening proof PLONK uses
 * ({@link dev.zkcluster.proof.fri.FriProver#proveOpenings}).
 *
 * <h2>Domains and leaves</h2>
 * A polynomial of degree below 2^d is evaluated on the coset 7·⟨ω⟩ of size N = 2^(d + rateBits), ω the primitive
 * N-th root of unity 7^((p−1)/N), stored in bit-reversed order (position j holds the value at 7·ω^rev(j)). Initial
 * oracles are trees whose leaf j is the row of every committed polynomial at position j. A reduction layer of arity
 * 2^a is a tree whose leaf m holds positions m·2^a .. (m+1)·2^a − 1 as flat extension pairs: one coset x0·⟨η⟩ of the
 * 2^a-th roots of unity, and the folded value at x0^(2^a) is position m of the next layer.
 *
 * <h2>Transcript</h2>
 * After the caller has observed the initial oracles' caps and drawn the opening points:
 * <ol>
 *   <li>(openings) observe each claimed value, batch by batch, as (c0, c1); squeeze α ∈ F_p²;
 *   <li>for each reduction step: observe the layer cap, squeeze β ∈ F_p²;
 *   <li>observe the final polynomial's 2^min(d, finalPolyBits) coefficients, lowest first, as (c0, c1);
 *   <li>observe the proof-of-work nonce and squeeze one base element r; the proof is valid only if r, as a 64-bit
 *       word, has at least powBits leading zero bits;
 *   <li>squeeze numQueries elements; each one's low log2(N) bits are a query index.
 * </ol>
 *
 * <h2>Query check</h2>
 * At index i with point x = 7·ω^rev(i): (openings) each oracle row must open its cap, and
 * c(x) = Σ_b Σ_j α^(k_b + j)·(f_{b,j}(x) − v_{b,j})/(x − z_b) must be the value at i in the first layer's leaf. Each
 * layer's leaf must open its cap and hold the value the previous step folded to; folding a leaf at β gives
 * Σ_r β^r·g_r(x0^(2^a)) for f(X) = Σ_r X^r·g_r(X^(2^a)). The last folded value must equal the final polynomial at
 * the last layer's point.
 *
 * <h2>Encoding</h2>
 * {@link dev.zkcluster.proof.fri.FriProofCodec} writes a versioned, sectioned binary form and decodes untrusted bytes
 * against a {@link dev.zkcluster.proof.fri.FriProofShape} that fixes every count.
 */
package dev.zkcluster.proof.fri;
