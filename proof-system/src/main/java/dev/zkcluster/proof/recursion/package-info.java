/**
 * Recursion: the PLONK verifier written as a circuit, aggregation circuits built from it, and compression.
 *
 * <h2>Gadgets</h2>
 * {@link dev.zkcluster.proof.recursion.PlonkVerifierGadget} replays the native verifier over targets: the transcript
 * ({@link dev.zkcluster.proof.recursion.RecursiveChallenger}), the vanishing identity at ζ with the child's gates
 * evaluated by the same generic code as the native verifier ({@link dev.zkcluster.proof.recursion.CircuitAlgebra}),
 * and the batched FRI opening ({@link dev.zkcluster.proof.recursion.FriVerifierGadget},
 * {@link dev.zkcluster.proof.recursion.MerkleProofGadget}). The child's verifier key is either fixed as constants or
 * supplied as witness and bound through its recomputed key digest
 * ({@link dev.zkcluster.proof.recursion.ChildKeyTargets}).
 *
 * <h2>Aggregation templates</h2>
 * {@link dev.zkcluster.proof.recursion.Aggregation} builds one circuit that verifies several children, checks a
 * {@code Link} between the public inputs of each pair of consecutive children, and registers the values an
 * {@code Exposure} picks as its own public inputs.
 * <ul>
 *   <li>{@code Aggregation.sameKey(config, key, n, link, exposure)}: N-to-1 over one key, fixed as constants.
 *   <li>{@code Aggregation.join(config, keys, link, exposure)}: one child per listed key, in order, each fixed as
 *       constants; the keys may belong to different circuits.
 *   <li>{@code Aggregation.join(config, keys, KeyMode.WITNESS, link, exposure)}: as many slots as listed keys, each
 *       accepting a proof under any listed key (all of one shape), supplied with the witness. The circuit recomputes
 *       each child's key digest, requires it to be one of the listed digests, and exposes the digests (4 elements per
 *       child, in child order) ahead of the exposed values.
 * </ul>
 * Example: aggregate 8 state-transition proofs with public inputs (root_in, root_out), require each child's
 * root_out to equal the next child's root_in, and expose the first root_in and the last root_out:
 *
 * <pre>{@code
 * Aggregation agg = Aggregation.sameKey(CircuitConfig.standard(), childKey, 8,
 *         (b, i, previous, next) -> b.assertEqual(previous.get(1), next.get(0)),
 *         (b, children) -> List.of(children.get(0).get(0), children.get(7).get(1)));
 * ProvingKey aggregateKey = ProvingKey.setup(agg.circuit(), backend);           // once per template
 * WitnessVector w = WitnessGeneration.generate(agg.circuit(), agg.witness(proofs, publicInputs));
 * PlonkProof aggregate = Prover.prove(aggregateKey, w, backend).proof();        // public inputs: w.publicInputs()
 * }</pre>
 *
 * {@code Exposure.hashOfAll()} exposes instead the 4-element hash of every child's public inputs in child order, so
 * changing any child's public input changes the aggregate's. {@code agg.witness} first checks each child with the
 * native verifier and fails with "child i (key digest …) is invalid: reason"; a link that does not hold makes
 * witness generation fail. These are conveniences: the circuit's own constraints are what makes an aggregate proof
 * of an invalid child, or of a broken link, fail verification.
 *
 * <h2>Compression</h2>
 * {@link dev.zkcluster.proof.recursion.Compression#plan} builds, from the key of the proof to compress, wrapper
 * circuits under a smaller-proof configuration (the standard shape with {@code FriConfig.shrink()}): each verifies
 * the previous proof under its key, fixed as constants, and exposes that proof's public inputs unchanged. A step is
 * kept while it makes the encoded proof smaller, so the chain depends only on the input key.
 *
 * <pre>{@code
 * Compression c = Compression.plan(aggregateKey.verifierKey(),
 *         CircuitConfig.standard().withFri(FriConfig.shrink()), backend);
 * PlonkProof small = c.compress(aggregate, w.publicInputs(), backend).proof();  // verifies under c.outputKey()
 * }</pre>
 */
package dev.zkcluster.proof.recursion;
