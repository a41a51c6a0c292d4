package dev.zkcluster.circuits.rollup.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.zkcluster.circuits.rollup.batch.OpKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPlanTest {

    @Test
    void anEmptyBatchStillHasOnePaddingInstancePerKind() {
        JobPlan plan = JobPlan.forOpCounts(Map.of(), 64);
        assertArrayEquals(new int[] {3, 3, 0, 1, 1, 1}, plan.jobsPerRound());
    }

    @Test
    void aThousandTransfersFanInThroughTwoNodeDepths() {
        // 1000 transfers: 16 basic, 2 leaf, 1 node; 20 deposits and 10 withdrawals: 1 basic, 1 leaf, no node
        JobPlan plan = JobPlan.forOpCounts(Map.of(OpKind.DEPOSIT, 20, OpKind.TRANSFER, 1000, OpKind.WITHDRAWAL, 10),
                64);
        assertEquals(16, plan.basic().get(OpKind.TRANSFER));
        assertEquals(2, plan.leaf().get(OpKind.TRANSFER));
        assertEquals(List.of(1), plan.nodeDepths().get(OpKind.TRANSFER));
        assertEquals(List.of(), plan.nodeDepths().get(OpKind.DEPOSIT));
        assertArrayEquals(new int[] {18, 4, 1, 1, 1, 1}, plan.jobsPerRound());
    }

    @Test
    void manyLeavesNeedSeveralNodeDepths() {
        // 600 instances: 75 leaf jobs, then 10, then 2, then 1
        JobPlan plan = JobPlan.forOpCounts(Map.of(OpKind.TRANSFER, 600 * 4), 4);
        assertEquals(75, plan.leaf().get(OpKind.TRANSFER));
        assertEquals(List.of(10, 2, 1), plan.nodeDepths().get(OpKind.TRANSFER));
        assertEquals(List.of(10, 2, 1), plan.nodeJobsPerDepth());
    }
}
