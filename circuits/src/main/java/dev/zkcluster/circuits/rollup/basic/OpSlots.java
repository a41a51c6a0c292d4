package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.exec.OpStep;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.List;

/** The per-op part of a basic circuit: one kind's slot constraints, and how a slot's free inputs are filled. */
sealed interface OpSlots permits DepositSlots, TransferSlots, WithdrawalSlots {

    /** The root and ops hash after one slot. */
    record SlotOutput(List<Target> root, List<Target> opsHash) {}

    /** Adds slot {@code i}'s targets and constraints after the slots before it; returns the root and hash after it. */
    SlotOutput add(StateGadgets g, int i, Target active, List<Target> root, List<Target> opsHash);

    /** Sets slot {@code i}'s free inputs from a step of this kind. */
    void fill(PartialWitness w, int i, OpStep step);

    /** Sets an unused slot's free inputs to zeros. */
    void fillEmpty(PartialWitness w, int i);
}
