package dev.zkcluster.actors.cluster;

import dev.zkcluster.circuits.registry.CircuitKey;
import dev.zkcluster.circuits.registry.CircuitRegistry;
import dev.zkcluster.circuits.rollup.batch.OpKind;
import dev.zkcluster.persistence.CborSerializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The proof tree of one batch, from its basic job counts per kind and its version's fan-in and node depths. Jobs
 * sit on levels: 0 basic, 1 leaf, 1 + d node depth d (d = 1 .. nodeDepths), then the tip, the scheduler and the
 * compression, whose proof is the batch's final proof. On a per-kind level a job is named by (lane = kind ordinal,
 * seq); the tip, scheduler and compression levels hold one job each (lane 0, seq 0).
 */
public record TreeShape(String version, List<Integer> basicPerKind, int fanIn, int nodeDepths)
        implements CborSerializable {

    public TreeShape {
        basicPerKind = List.copyOf(basicPerKind);
        if (basicPerKind.size() != OpKind.values().length) {
            throw new IllegalArgumentException("one basic count per kind expected, got " + basicPerKind);
        }
    }

    /** A job's place in the tree. */
    public record Slot(int level, int lane, int seq) implements CborSerializable {}

    public int tipLevel() {
        return 2 + nodeDepths;
    }

    public int schedulerLevel() {
        return tipLevel() + 1;
    }

    /** The compression level: its one job's proof is the batch's final proof. */
    public int finalLevel() {
        return schedulerLevel() + 1;
    }

    public int levels() {
        return finalLevel() + 1;
    }

    public boolean perKind(int level) {
        return level < tipLevel();
    }

    public int lanes(int level) {
        return perKind(level) ? OpKind.values().length : 1;
    }

    public int jobs(int level, int lane) {
        if (!perKind(level)) {
            return 1;
        }
        int n = basicPerKind.get(lane);
        for (int l = 1; l <= level; l++) {
            n = (n + fanIn - 1) / fanIn;
        }
        return n;
    }

    public int jobs(int level) {
        int n = 0;
        for (int lane = 0; lane < lanes(level); lane++) {
            n += jobs(level, lane);
        }
        return n;
    }

    public int totalJobs() {
        int n = 0;
        for (int l = 0; l < levels(); l++) {
            n += jobs(l);
        }
        return n;
    }

    public int round(int level) {
        if (level == 0) {
            return CircuitKey.BASIC;
        }
        if (level == 1) {
            return CircuitKey.LEAF;
        }
        if (level < tipLevel()) {
            return CircuitKey.NODE;
        }
        if (level == tipLevel()) {
            return CircuitKey.TIP;
        }
        return level == schedulerLevel() ? CircuitKey.SCHEDULER : CircuitKey.COMPRESSION;
    }

    /** The node depth of a level: 1 .. nodeDepths on node levels, 0 elsewhere. */
    public int depth(int level) {
        return level >= 2 && level < tipLevel() ? level - 1 : 0;
    }

    public String circuit(int level, int lane) {
        if (level == 0 || level == 1) {
            return OpKind.values()[lane].circuitId();
        }
        if (level < tipLevel()) {
            return OpKind.values()[lane].circuitId() + ".depth" + depth(level);
        }
        if (level == tipLevel()) {
            return CircuitRegistry.TIP_ID;
        }
        return level == schedulerLevel() ? CircuitRegistry.SCHEDULER_ID : CircuitRegistry.COMPRESSION_ID;
    }

    public String roundName(int level) {
        return switch (round(level)) {
            case CircuitKey.BASIC -> "basic";
            case CircuitKey.LEAF -> "leaf";
            case CircuitKey.NODE -> "node depth " + depth(level);
            case CircuitKey.TIP -> "tip";
            case CircuitKey.SCHEDULER -> "scheduler";
            default -> "compression";
        };
    }

    /** The children (on level − 1) whose proofs the job at {@code slot} joins, in order. */
    public List<Slot> children(Slot slot) {
        List<Slot> out = new ArrayList<>();
        if (slot.level() == 0) {
            return out;
        }
        int below = slot.level() - 1;
        if (perKind(slot.level())) {
            int from = slot.seq() * fanIn;
            int to = Math.min(jobs(below, slot.lane()), from + fanIn);
            for (int s = from; s < to; s++) {
                out.add(new Slot(below, slot.lane(), s));
            }
        } else if (slot.level() == tipLevel()) {
            for (int lane = 0; lane < lanes(below); lane++) {
                out.add(new Slot(below, lane, 0));
            }
        } else {
            out.add(new Slot(below, 0, 0));
        }
        return out;
    }

    /** The job on level + 1 that joins the proof of {@code slot}; the final level has none. */
    public Slot parent(Slot slot) {
        int above = slot.level() + 1;
        if (slot.level() >= finalLevel()) {
            throw new IllegalArgumentException("the final level has no parent");
        }
        return perKind(above) ? new Slot(above, slot.lane(), slot.seq() / fanIn) : new Slot(above, 0, 0);
    }

    /** Every slot of a level. */
    public List<Slot> slots(int level) {
        List<Slot> out = new ArrayList<>();
        for (int lane = 0; lane < lanes(level); lane++) {
            for (int s = 0; s < jobs(level, lane); s++) {
                out.add(new Slot(level, lane, s));
            }
        }
        return out;
    }

    /** The (round, circuit) pairs of a protocol version, for prover groups. */
    public static List<String> pairs(int nodeDepths) {
        TreeShape any = new TreeShape("0.0.0", List.of(1, 1, 1), 2, nodeDepths);
        List<String> out = new ArrayList<>();
        for (int l = 0; l < any.levels(); l++) {
            for (int lane = 0; lane < any.lanes(l); lane++) {
                String pair = any.round(l) + ":" + any.circuit(l, lane);
                if (!out.contains(pair)) {
                    out.add(pair);
                }
            }
        }
        return out;
    }
}
