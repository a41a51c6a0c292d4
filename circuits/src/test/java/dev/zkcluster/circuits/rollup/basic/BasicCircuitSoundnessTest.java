package dev.zkcluster.circuits.rollup.basic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.exec.BasicInstance;
import dev.zkcluster.circuits.rollup.exec.ExecutedBatch;
import dev.zkcluster.circuits.rollup.exec.LeafWitness;
import dev.zkcluster.circuits.rollup.exec.OpStep;
import dev.zkcluster.circuits.rollup.gen.BatchSpec;
import dev.zkcluster.circuits.rollup.state.AccountState;
import dev.zkcluster.proof.backend.CpuProvingBackend;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.plonk.PlonkProofCodec;
import dev.zkcluster.proof.plonk.Prover;
import dev.zkcluster.proof.plonk.ProverOutput;
import dev.zkcluster.proof.plonk.ProvingKey;
import dev.zkcluster.proof.plonk.Verifier;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.plonk.ConstraintChecker;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A witness builder patched to break a rule (overdraw, skip the nonce check, forge a path, overflow a balance)
 * cannot produce a proof that verifies: witness generation refuses the patched instance, and the same instance
 * forced into a full witness by a builder that never refuses, then proven past the prover's own check, does not
 * verify. Nor does a forced proof of a false public input.
 */
class BasicCircuitSoundnessTest {
    private static BasicCircuit transfers;
    private static BasicCircuit withdrawals;
    private static BasicCircuit deposits;
    private static ExecutedBatch batch;
    private static final ProvingBackend BACKEND = new CpuProvingBackend();
    private static final Map<OpKind, ProvingKey> KEYS = new EnumMap<>(OpKind.class);

    @BeforeAll
    static void setUp() {
        transfers = BasicCircuit.build(OpKind.TRANSFER, BasicCircuitProofTest.CAPACITY);
        withdrawals = BasicCircuit.build(OpKind.WITHDRAWAL, BasicCircuitProofTest.CAPACITY);
        deposits = BasicCircuit.build(OpKind.DEPOSIT, BasicCircuitProofTest.CAPACITY);
        batch = BasicCircuitProofTest.execute(new BatchSpec(1, "0.1.0", 6, 2, 3, 2, 21));
    }

    private static BasicInstance patchFirst(BasicInstance instance, OpStep replacement) {
        List<OpStep> steps = new ArrayList<>(instance.steps());
        steps.set(0, replacement);
        return new BasicInstance(instance.kind(), instance.sequence(), instance.rootIn(), instance.rootOut(),
                instance.opsHashIn(), instance.opsHashOut(), steps);
    }

    private static void assertRefused(BasicCircuit circuit, BasicInstance patched) {
        assertThrows(WitnessGenerationException.class,
                () -> WitnessGeneration.generate(circuit.data(), circuit.witness(patched)));
    }

    private static OpStep.TransferStep firstTransfer() {
        return (OpStep.TransferStep) batch.instances().get(OpKind.TRANSFER).get(0).steps().get(0);
    }

    @Test
    void aTransferOverdrawCannotBeWitnessed() {
        OpStep.TransferStep s = firstTransfer();
        Transfer t = s.op();
        Transfer overdraw = new Transfer(t.from(), t.to(), s.from().before().balance() + 1, t.nonce());
        assertRefused(transfers, patchFirst(batch.instances().get(OpKind.TRANSFER).get(0),
                new OpStep.TransferStep(overdraw, s.from(), s.to())));
    }

    @Test
    void aTransferWithTheWrongNonceCannotBeWitnessed() {
        OpStep.TransferStep s = firstTransfer();
        Transfer t = s.op();
        Transfer replay = new Transfer(t.from(), t.to(), t.amount(), t.nonce() + 1);
        assertRefused(transfers, patchFirst(batch.instances().get(OpKind.TRANSFER).get(0),
                new OpStep.TransferStep(replay, s.from(), s.to())));
    }

    @Test
    void aTransferWithAForgedSenderLeafOrPathCannotBeWitnessed() {
        OpStep.TransferStep s = firstTransfer();
        LeafWitness from = s.from();
        LeafWitness richer = new LeafWitness(from.index(), from.before().withBalance(1L << 40), from.path());
        assertRefused(transfers, patchFirst(batch.instances().get(OpKind.TRANSFER).get(0),
                new OpStep.TransferStep(s.op(), richer, s.to())));
        List<Digest> path = new ArrayList<>(s.to().path());
        path.set(3, new Digest(1, 2, 3, 4));
        LeafWitness forgedTo = new LeafWitness(s.to().index(), s.to().before(), path);
        assertRefused(transfers, patchFirst(batch.instances().get(OpKind.TRANSFER).get(0),
                new OpStep.TransferStep(s.op(), s.from(), forgedTo)));
    }

    @Test
    void aWithdrawalOverdrawOrWrongNonceCannotBeWitnessed() {
        BasicInstance instance = batch.instances().get(OpKind.WITHDRAWAL).get(0);
        OpStep.WithdrawalStep s = (OpStep.WithdrawalStep) instance.steps().get(0);
        Withdrawal w = s.op();
        assertRefused(withdrawals, patchFirst(instance, new OpStep.WithdrawalStep(
                new Withdrawal(w.from(), s.from().before().balance() + 1, w.nonce(), w.l1Address()), s.from())));
        assertRefused(withdrawals, patchFirst(instance, new OpStep.WithdrawalStep(
                new Withdrawal(w.from(), w.amount(), w.nonce() + 1, w.l1Address()), s.from())));
    }

    private static ProvingKey key(BasicCircuit circuit) {
        return KEYS.computeIfAbsent(circuit.kind(), k -> ProvingKey.setup(circuit.data(), BACKEND));
    }

    // the patched instance, forced into a full witness and proven past the prover's check, fails verification both
    // against the public inputs the forced witness carries and against the honest instance's
    private static void assertForcedProofRejected(BasicCircuit circuit, BasicInstance honest, BasicInstance patched)
            throws Exception {
        WitnessVector forged = CheatingWitnessBuilder.build(circuit.data(), circuit.witness(patched));
        assertFalse(ConstraintChecker.check(circuit.data(), forged).isEmpty());
        ProvingKey key = key(circuit);
        byte[] proof = proveUnchecked(key, forged);
        assertFalse(Verifier.verify(key.verifierKey(), proof, forged.publicInputs()).isAccepted());
        assertFalse(Verifier.verify(key.verifierKey(), proof, BasicCircuit.publicInputs(honest)).isAccepted());
    }

    private static byte[] proveUnchecked(ProvingKey key, WitnessVector witness) throws Exception {
        Method unchecked = Prover.class.getDeclaredMethod("proveUnchecked", ProvingKey.class, WitnessVector.class,
                ProvingBackend.class);
        unchecked.setAccessible(true);
        return PlonkProofCodec.encode(((ProverOutput) unchecked.invoke(null, key, witness, BACKEND)).proof());
    }

    @Test
    void theCheatingBuilderProvesAnHonestInstanceLikeTheRealOne() throws Exception {
        // so a rejection below is the patch's doing, not the builder's
        BasicInstance instance = batch.instances().get(OpKind.TRANSFER).get(0);
        WitnessVector built = CheatingWitnessBuilder.build(transfers.data(), transfers.witness(instance));
        assertEquals(List.of(), ConstraintChecker.check(transfers.data(), built));
        assertArrayEquals(BasicCircuit.publicInputs(instance), built.publicInputs());
        ProvingKey key = key(transfers);
        assertTrue(Verifier.verify(key.verifierKey(), proveUnchecked(key, built), built.publicInputs()).isAccepted());
    }

    @Test
    void aForcedProofOfAnOverdrawingTransferDoesNotVerify() throws Exception {
        BasicInstance instance = batch.instances().get(OpKind.TRANSFER).get(0);
        OpStep.TransferStep s = firstTransfer();
        Transfer t = s.op();
        Transfer overdraw = new Transfer(t.from(), t.to(), s.from().before().balance() + 1, t.nonce());
        assertForcedProofRejected(transfers, instance,
                patchFirst(instance, new OpStep.TransferStep(overdraw, s.from(), s.to())));
    }

    @Test
    void aForcedProofOfAWithdrawalThatSkipsTheNonceCheckDoesNotVerify() throws Exception {
        BasicInstance instance = batch.instances().get(OpKind.WITHDRAWAL).get(0);
        OpStep.WithdrawalStep s = (OpStep.WithdrawalStep) instance.steps().get(0);
        Withdrawal w = s.op();
        assertForcedProofRejected(withdrawals, instance, patchFirst(instance, new OpStep.WithdrawalStep(
                new Withdrawal(w.from(), w.amount(), w.nonce() + 1, w.l1Address()), s.from())));
    }

    @Test
    void aForcedProofOfAForgedPathDoesNotVerify() throws Exception {
        BasicInstance instance = batch.instances().get(OpKind.TRANSFER).get(0);
        OpStep.TransferStep s = firstTransfer();
        List<Digest> path = new ArrayList<>(s.to().path());
        path.set(3, new Digest(1, 2, 3, 4));
        LeafWitness forgedTo = new LeafWitness(s.to().index(), s.to().before(), path);
        assertForcedProofRejected(transfers, instance,
                patchFirst(instance, new OpStep.TransferStep(s.op(), s.from(), forgedTo)));
    }

    @Test
    void aForcedProofOfAnOverflowingDepositOrAForgedDepositPathDoesNotVerify() throws Exception {
        BasicInstance instance = batch.instances().get(OpKind.DEPOSIT).get(0);
        OpStep.DepositStep s = (OpStep.DepositStep) instance.steps().get(0);
        // a credit to exactly 2^48, one past the balance range
        Deposit overflow = new Deposit(s.op().to(), AccountState.VALUE_LIMIT - s.to().before().balance());
        BasicInstance overflowing = patchFirst(instance, new OpStep.DepositStep(overflow, s.to()));
        assertRefused(deposits, overflowing);
        assertForcedProofRejected(deposits, instance, overflowing);
        List<Digest> path = new ArrayList<>(s.to().path());
        path.set(0, new Digest(5, 6, 7, 8));
        BasicInstance forged = patchFirst(instance, new OpStep.DepositStep(s.op(),
                new LeafWitness(s.to().index(), s.to().before(), path)));
        assertRefused(deposits, forged);
        assertForcedProofRejected(deposits, instance, forged);
    }

    @Test
    void aCountBeyondTheActiveOpsCannotBeWitnessed() {
        BasicInstance instance = batch.instances().get(OpKind.TRANSFER).get(0);
        // three ops filled, but only two claimed active: the third slot's data would be ignored only if count said so
        BasicInstance truncated = new BasicInstance(OpKind.TRANSFER, 0, instance.rootIn(), instance.rootOut(),
                instance.opsHashIn(), instance.opsHashOut(), instance.steps().subList(0, 2));
        WitnessVector honest = WitnessGeneration.generate(transfers.data(), transfers.witness(truncated));
        // the circuit's root_out for two ops is not the instance's root_out for three
        assertFalse(java.util.Arrays.equals(BasicCircuit.publicInputs(instance), honest.publicInputs()));
    }

    @Test
    void aForcedProofOfAnotherRootOutDoesNotVerify() throws Exception {
        ProvingKey key = key(transfers);
        BasicInstance instance = batch.instances().get(OpKind.TRANSFER).get(0);
        WitnessVector honest = WitnessGeneration.generate(transfers.data(), transfers.witness(instance));
        long[] claimed = honest.publicInputs().clone();
        // claim the root an overdraw would leave: any root_out other than the computed one
        claimed[4] = claimed[4] ^ 1;
        WitnessVector forged = new WitnessVector(honest.wires(), claimed);
        // the prover's own check refuses it; proveUnchecked is the forced route past that check
        assertThrows(RuntimeException.class, () -> Prover.prove(key, forged, BACKEND));
        assertFalse(Verifier.verify(key.verifierKey(), proveUnchecked(key, forged), claimed).isAccepted());
        assertTrue(Verifier.verify(key.verifierKey(), PlonkProofCodec.encode(
                Prover.prove(key, honest, BACKEND).proof()), honest.publicInputs()).isAccepted());
    }
}
