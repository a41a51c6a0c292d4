package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.circuits.rollup.exec.OpStep;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/**
 * from ≠ to, 1 ≤ amount, nonce = nonce[from], amount ≤ balance[from]; the from-leaf is updated first, and the
 * to-leaf's path is checked against the root that update leaves.
 */
final class TransferSlots implements OpSlots {
    private record Slot(Target from, Target to, Target amount, Target nonce, LeafTargets sender,
            LeafTargets receiver) {}

    private final List<Slot> slots = new ArrayList<>();

    @Override
    public SlotOutput add(StateGadgets g, int i, Target active, List<Target> root, List<Target> opsHash) {
        CircuitBuilder b = g.builder();
        Slot s = new Slot(b.addVirtualTarget(), b.addVirtualTarget(), b.addVirtualTarget(), b.addVirtualTarget(),
                LeafTargets.allocate(g), LeafTargets.allocate(g));
        slots.add(s);
        String where = "transfer slot " + i;
        List<Target> fromBits = g.indexBits(s.from());
        List<Target> toBits = g.indexBits(s.to());

        // (from − to)·v = active: an inverse exists only for from ≠ to, and inactive slots take v = 0
        Target difference = b.sub(s.from(), s.to());
        b.assertEqual(b.mul(difference, g.inverseHint(difference, where)), active);
        // amount − active < 2^48 means amount ≥ 1 where active
        g.rangeCheckValue(b.sub(s.amount(), active));
        g.rangeCheckValue(s.amount());

        LeafTargets sender = s.sender();
        g.assertEqualIfActive(active, s.nonce(), sender.nonce());
        Target senderBalance = b.sub(sender.balance(), s.amount());
        g.rangeCheckValue(senderBalance);
        Target senderZero = g.pubkeyIsZero(sender.pubkey(), where);
        List<Target> senderBefore = g.leafDigest(sender.balance(), sender.nonce(), sender.pubkey(), senderZero,
                where);
        g.assertEqualIfActive(active, g.rootFromPath(fromBits, senderBefore, sender.path()), root);
        List<Target> senderAfter = g.leafDigest(senderBalance, b.add(sender.nonce(), b.one()), sender.pubkey(),
                senderZero, where);
        List<Target> middle = g.rootFromPath(fromBits, senderAfter, sender.path());

        LeafTargets receiver = s.receiver();
        Target receiverZero = g.pubkeyIsZero(receiver.pubkey(), where);
        List<Target> receiverBefore = g.leafDigest(receiver.balance(), receiver.nonce(), receiver.pubkey(),
                receiverZero, where);
        g.assertEqualIfActive(active, g.rootFromPath(toBits, receiverBefore, receiver.path()), middle);
        Target receiverBalance = b.add(receiver.balance(), s.amount());
        g.rangeCheckValue(receiverBalance);
        List<Target> receiverAfter = g.leafDigest(receiverBalance, receiver.nonce(), receiver.pubkey(),
                receiverZero, where);
        List<Target> newRoot = g.selectIfActive(active, g.rootFromPath(toBits, receiverAfter, receiver.path()),
                root);

        List<Target> encoding = List.of(b.constant(OpKind.TRANSFER.tag()), s.from(), s.to(), s.amount(), s.nonce());
        return new SlotOutput(newRoot, g.appendOp(active, opsHash, encoding));
    }

    @Override
    public void fill(PartialWitness w, int i, OpStep step) {
        OpStep.TransferStep t = (OpStep.TransferStep) step;
        Slot s = slots.get(i);
        w.set(s.from(), t.op().from());
        w.set(s.to(), t.op().to());
        w.set(s.amount(), t.op().amount());
        w.set(s.nonce(), t.op().nonce());
        s.sender().fill(w, t.from());
        s.receiver().fill(w, t.to());
    }

    @Override
    public void fillEmpty(PartialWitness w, int i) {
        Slot s = slots.get(i);
        for (Target t : List.of(s.from(), s.to(), s.amount(), s.nonce())) {
            w.set(t, 0);
        }
        s.sender().fillEmpty(w);
        s.receiver().fillEmpty(w);
    }
}
