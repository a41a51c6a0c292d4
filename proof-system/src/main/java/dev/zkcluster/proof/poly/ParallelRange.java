package dev.zkcluster.proof.poly;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/** Runs a body over sub-ranges of an index range on a ForkJoinPool, splitting in halves down to a grain. */
final class ParallelRange {
    @FunctionalInterface
    interface Body {
        void run(int from, int to);
    }

    private ParallelRange() {}

    static void forEach(ForkJoinPool pool, int from, int to, int grain, Body body) {
        if (to - from <= grain || pool.getParallelism() <= 1) {
            body.run(from, to);
            return;
        }
        Split task = new Split(from, to, Math.max(1, grain), body);
        if (ForkJoinTask.getPool() == pool) {
            task.invoke();
        } else {
            pool.invoke(task);
        }
    }

    private static final class Split extends RecursiveAction {
        private final int from;
        private final int to;
        private final int grain;
        private final Body body;

        Split(int from, int to, int grain, Body body) {
            this.from = from;
            this.to = to;
            this.grain = grain;
            this.body = body;
        }

        @Override
        protected void compute() {
            if (to - from <= grain) {
                body.run(from, to);
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(new Split(from, mid, grain, body), new Split(mid, to, grain, body));
        }
    }
}
