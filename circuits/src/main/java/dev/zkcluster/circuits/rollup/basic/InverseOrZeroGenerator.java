package dev.zkcluster.circuits.rollup.basic;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.Target;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.List;

/** A hint: inverse = 1/x, or 0 when x = 0. Gates must constrain what the circuit relies on. */
record InverseOrZeroGenerator(Target x, Target inverse, String where) implements WitnessGenerator {
    @Override
    public List<Target> inputs() {
        return List.of(x);
    }

    @Override
    public List<Target> outputs() {
        return List.of(inverse);
    }

    @Override
    public void run(WitnessAccess witness) {
        long value = Goldilocks.canonical(witness.get(x));
        witness.set(inverse, value == 0 ? 0 : Goldilocks.inverse(value));
    }

    @Override
    public String describe() {
        return "inverse hint for " + where;
    }
}
