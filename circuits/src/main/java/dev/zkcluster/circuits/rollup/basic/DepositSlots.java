package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.circuits.rollup.exec.OpStep;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import java.util.ArrayList;
import java.util.List;

/** balance[to] += amount, the new balance below 2^48. */
final class DepositSlots implements OpSlots {
    private record Slot(Target to, Target amount, LeafTargets leaf) {}

    private final List<Slot> slots = new ArrayList<>();

    @Override
    public SlotOutput add(StateGadgets g, int i, Target active, List<Target> root, List<Target> opsHash) {
        CircuitBuilder b = g.builder();
        Slot s = new Slot(b.addVirtualTarget(), b.addVirtualTarget(), LeafTargets.allocate(g));
        slots.add(s);
        String where = "deposit slot " + i;
        List<Target> bits = g.indexBits(s.to());
        g.rangeCheckValue(s.amount());
        LeafTargets leaf = s.leaf();
        Target pubkeyZero = g.pubkeyIsZero(leaf.pubkey(), where);
        List<Target> before = g.leafDigest(leaf.balance(), leaf.nonce(), leaf.pubkey(), pubkeyZero, where);
        g.assertEqualIfActive(active, g.rootFromPath(bits, before, leaf.path()), root);
        Target balance = b.add(leaf.balance(), s.amount());
        g.rangeCheckValue(balance);
        List<Target> after = g.leafDigest(balance, leaf.nonce(), leaf.pubkey(), pubkeyZero, where);
        List<Target> newRoot = g.selectIfActive(active, g.rootFromPath(bits, after, leaf.path()), root);
        List<Target> encoding = List.of(b.constant(OpKind.DEPOSIT.tag()), s.to(), s.amount());
        return new SlotOutput(newRoot, g.appendOp(active, opsHash, encoding));
    }

    @Override
    public void fill(PartialWitness w, int i, OpStep step) {
        OpStep.DepositStep d = (OpStep.DepositStep) step;
        Slot s = slots.get(i);
        w.set(s.to(), d.op().to());
        w.set(s.amount(), d.op().amount());
        s.leaf().fill(w, d.to());
    }

    @Override
    public void fillEmpty(PartialWitness w, int i) {
        Slot s = slots.get(i);
        w.set(s.to(), 0);
        w.set(s.amount(), 0);
        s.leaf().fillEmpty(w);
    }
}
