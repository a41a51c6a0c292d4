package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;
import dev.zkcluster.circuits.rollup.exec.OpStep;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/** 1 ≤ amount ≤ balance[from], nonce = nonce[from]; the address limbs are 32-bit and enter the op encoding. */
final class WithdrawalSlots implements OpSlots {
    private static final int LIMB_BITS = 32;

    private record Slot(Target from, Target amount, Target nonce, List<Target> address, LeafTargets sender) {}

    private final List<Slot> slots = new ArrayList<>();

    @Override
    public SlotOutput add(StateGadgets g, int i, Target active, List<Target> root, List<Target> opsHash) {
        CircuitBuilder b = g.builder();
        List<Target> address = new ArrayList<>(Withdrawal.ADDRESS_LIMBS);
        for (int k = 0; k < Withdrawal.ADDRESS_LIMBS; k++) {
            address.add(b.addVirtualTarget());
        }
        Slot s = new Slot(b.addVirtualTarget(), b.addVirtualTarget(), b.addVirtualTarget(), List.copyOf(address),
                LeafTargets.allocate(g));
        slots.add(s);
        String where = "withdrawal slot " + i;
        List<Target> bits = g.indexBits(s.from());
        // amount − active < 2^48 means amount ≥ 1 where active
        g.rangeCheckValue(b.sub(s.amount(), active));
        g.rangeCheckValue(s.amount());
        for (Target limb : s.address()) {
            b.rangeCheck(limb, LIMB_BITS);
        }

        LeafTargets sender = s.sender();
        g.assertEqualIfActive(active, s.nonce(), sender.nonce());
        Target balance = b.sub(sender.balance(), s.amount());
        g.rangeCheckValue(balance);
        Target pubkeyZero = g.pubkeyIsZero(sender.pubkey(), where);
        List<Target> before = g.leafDigest(sender.balance(), sender.nonce(), sender.pubkey(), pubkeyZero, where);
        g.assertEqualIfActive(active, g.rootFromPath(bits, before, sender.path()), root);
        List<Target> after = g.leafDigest(balance, b.add(sender.nonce(), b.one()), sender.pubkey(), pubkeyZero,
                where);
        List<Target> newRoot = g.selectIfActive(active, g.rootFromPath(bits, after, sender.path()), root);

        List<Target> encoding = new ArrayList<>(List.of(b.constant(OpKind.WITHDRAWAL.tag()), s.from(), s.amount(),
                s.nonce()));
        encoding.addAll(s.address());
        return new SlotOutput(newRoot, g.appendOp(active, opsHash, encoding));
    }

    @Override
    public void fill(PartialWitness w, int i, OpStep step) {
        OpStep.WithdrawalStep d = (OpStep.WithdrawalStep) step;
        Slot s = slots.get(i);
        w.set(s.from(), d.op().from());
        w.set(s.amount(), d.op().amount());
        w.set(s.nonce(), d.op().nonce());
        long[] limbs = d.op().addressLimbs();
        for (int k = 0; k < limbs.length; k++) {
            w.set(s.address().get(k), limbs[k]);
        }
        s.sender().fill(w, d.from());
    }

    @Override
    public void fillEmpty(PartialWitness w, int i) {
        Slot s = slots.get(i);
        for (Target t : List.of(s.from(), s.amount(), s.nonce())) {
            w.set(t, 0);
        }
        for (Target limb : s.address()) {
            w.set(limb, 0);
        }
        s.sender().fillEmpty(w);
    }
}
