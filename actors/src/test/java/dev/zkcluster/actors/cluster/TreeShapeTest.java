package dev.zkcluster.actors.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TreeShapeTest {
    // 0.1.0-small's workload: fan-in 4, one node depth; 5, 40 and 3 ops at capacity 16 -> 1, 3, 1 basic jobs
    private final TreeShape shape = new TreeShape("0.1.0-small", List.of(1, 3, 1), 4, 1);

    @Test
    void levelsRoundsAndCircuits() {
        assertEquals(6, shape.levels());
        assertEquals(List.of(0, 1, 2, 3, 4, 5), List.of(shape.round(0), shape.round(1), shape.round(2), shape.round(3),
                shape.round(4), shape.round(5)));
        assertEquals("transfer.depth1", shape.circuit(2, 1));
        assertEquals("tip", shape.circuit(3, 0));
        assertEquals("scheduler", shape.circuit(4, 0));
        assertEquals("compression", shape.circuit(5, 0));
        assertEquals("compression", shape.roundName(5));
        assertEquals(1, shape.depth(2));
        assertEquals(5 + 3 + 3 + 1 + 1 + 1, shape.totalJobs());
    }

    @Test
    void everyChildHasTheParentThatListsIt() {
        for (int level = 0; level < shape.finalLevel(); level++) {
            for (TreeShape.Slot slot : shape.slots(level)) {
                TreeShape.Slot parent = shape.parent(slot);
                assertEquals(level + 1, parent.level());
                assertEquals(true, shape.children(parent).contains(slot), slot + " under " + parent);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> shape.parent(new TreeShape.Slot(5, 0, 0)));
    }

    @Test
    void fanInGroupsAreConsecutive() {
        TreeShape wide = new TreeShape("0.1.0-tiny", List.of(1, 4, 1), 2, 1);
        assertEquals(List.of(new TreeShape.Slot(0, 1, 2), new TreeShape.Slot(0, 1, 3)),
                wide.children(new TreeShape.Slot(1, 1, 1)));
        assertEquals(List.of(new TreeShape.Slot(2, 0, 0), new TreeShape.Slot(2, 1, 0), new TreeShape.Slot(2, 2, 0)),
                wide.children(new TreeShape.Slot(3, 0, 0)));
    }

    @Test
    void pairsOfAVersion() {
        assertEquals(List.of("0:deposit", "0:transfer", "0:withdrawal", "1:deposit", "1:transfer", "1:withdrawal",
                "2:deposit.depth1", "2:transfer.depth1", "2:withdrawal.depth1", "3:tip", "4:scheduler", "5:compression"),
                TreeShape.pairs(1));
    }
}
