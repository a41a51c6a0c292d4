package dev.zkcluster.proof.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RecursiveAction;

/** Runs a body over sub-ranges of an index range on a ForkJoinPool, splitting in halves down to a grain. */
public final class ParallelRange {
    @FunctionalInterface
    public interface Body {
        void run(int from, int to);
    }

    private ParallelRange() {}

    /** Threads that work on a task invoked on the pool; a caller of the common pool helps run its tasks. */
    public static int threads(ForkJoinPool pool) {
        return pool == ForkJoinPool.commonPool() ? pool.getParallelism() + 1 : pool.getParallelism();
    }

    public static void forEach(ForkJoinPool pool, int from, int to, int grain, Body body) {
        if (to - from <= grain || threads(pool) <= 1) {
            body.run(from, to);
            return;
        }
        Split task = new Split(from, to, Math.max(1, grain), body);
        // A task invoked directly runs in the calling thread and forks into the caller's own pool, or into the
        // common pool from outside any pool; where that is the chosen pool, the caller works instead of waiting.
        ForkJoinPool callersPool = Thread.currentThread() instanceof ForkJoinWorkerThread worker
                ? worker.getPool()
                : ForkJoinPool.commonPool();
        if (callersPool == pool) {
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
