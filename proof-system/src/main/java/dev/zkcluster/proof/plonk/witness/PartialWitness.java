package dev.zkcluster.proof.plonk.witness;

import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.Target;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values a caller supplies before generation: the circuit's free inputs. Later sets of a target win. */
public final class PartialWitness {
    private final Map<Target, Long> values = new LinkedHashMap<>();

    public PartialWitness set(Target target, long value) {
        values.put(target, Goldilocks.canonical(value));
        return this;
    }

    public PartialWitness set(ExtTarget target, long c0, long c1) {
        return set(target.c0(), c0).set(target.c1(), c1);
    }

    public Map<Target, Long> values() {
        return Collections.unmodifiableMap(values);
    }
}
