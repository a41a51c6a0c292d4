package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.plonk.witness.PartialWitness;
import dev.zkcluster.proof.plonk.witness.WitnessGeneration;
import dev.zkcluster.proof.plonk.witness.WitnessVector;
import java.util.List;

/** A small circuit that uses every gate kind, with its honest witness. */
public final class TestCircuits {
    private TestCircuits() {}

    public record Instance(CircuitData data, WitnessVector witness) {}

    public static Instance everyGate(long seedValue) {
        return everyGate(CircuitConfig.standard(), seedValue);
    }

    public static Instance everyGate(CircuitConfig config, long seedValue) {
        CircuitBuilder b = new CircuitBuilder(config);
        Target x = b.addVirtualTarget();
        Target y = b.addVirtualTarget();
        Target s = b.mulAdd(x, y, b.constant(11));
        List<Target> h = b.hashNoPad(List.of(x, y, s, x, y, s, x, y, s));
        Target idx = b.constant(2);
        Target picked = b.randomAccess(idx, List.of(x, y, s, h.get(0), h.get(1)));
        b.rangeCheck(b.constant(1000), 10);
        ExtTarget e = b.extMulAdd(new ExtTarget(x, y), new ExtTarget(s, picked), b.extConstant(new Ext2(3, 4)));
        b.registerPublicInput(e.c0());
        b.registerPublicInput(picked);
        b.registerPublicInput(b.div(h.get(2), y));
        CircuitData data = b.build();
        WitnessVector w = WitnessGeneration.generate(data,
                new PartialWitness().set(x, seedValue).set(y, seedValue * 31 + 5));
        return new Instance(data, w);
    }
}
