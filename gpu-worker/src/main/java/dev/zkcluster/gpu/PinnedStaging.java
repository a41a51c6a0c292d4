package dev.zkcluster.gpu;

import static dev.zkcluster.gpu.CudaDriver.check;

import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUevent;
import jcuda.driver.CUevent_flags;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;
import jcuda.driver.JCudaDriver;

/**
 * Copies between Java arrays and device memory through page-locked host memory: two groups of slots, each filled
 * (or emptied) by several host threads at once while the copy engine moves the other group, on one stream. The
 * stream is a blocking stream, so kernels on the legacy default stream are ordered after the uploads before them
 * and before the downloads after them. Where page-locked memory cannot be had, copies go straight from the arrays.
 */
final class PinnedStaging {
    private static final int GROUPS = 2;
    private static final int SLOTS = 8; // per group
    private static final int SLOT_LONGS = 1 << 20; // 8 MiB a slot

    private final CUstream stream = new CUstream();
    private final Pointer[][] host = new Pointer[GROUPS][SLOTS];
    private final LongBuffer[][] views = new LongBuffer[GROUPS][SLOTS];
    private final CUevent[] done = new CUevent[GROUPS];
    private final boolean pinned;

    /** A copy: count values of a Java array from offset, and their place on the device. */
    record Piece(long[] array, int offset, int count, CUdeviceptr device) {}

    /** Needs the context current. */
    PinnedStaging() {
        check(JCudaDriver.cuStreamCreate(stream, 0), "cuStreamCreate");
        boolean ok = true;
        for (int g = 0; g < GROUPS; g++) {
            done[g] = new CUevent();
            check(JCudaDriver.cuEventCreate(done[g], CUevent_flags.CU_EVENT_DISABLE_TIMING), "cuEventCreate");
            for (int s = 0; s < SLOTS && ok; s++) {
                Pointer p = new Pointer();
                if (JCudaDriver.cuMemAllocHost(p, 8L * SLOT_LONGS) != CUresult.CUDA_SUCCESS) {
                    ok = false;
                } else {
                    host[g][s] = p;
                    views[g][s] = p.getByteBuffer(0, 8L * SLOT_LONGS).order(ByteOrder.nativeOrder()).asLongBuffer();
                }
            }
        }
        pinned = ok;
        if (!ok) {
            freeHost();
        }
    }

    /** Copies every piece to the device; kernels launched afterwards on the default stream see the data. */
    void upload(List<Piece> pieces) {
        if (!pinned) {
            for (Piece p : pieces) {
                check(JCudaDriver.cuMemcpyHtoD(p.device(), Pointer.to(p.array()).withByteOffset(8L * p.offset()),
                        8L * p.count()), "cuMemcpyHtoD");
            }
            return;
        }
        List<Piece> split = split(pieces);
        for (int from = 0, batch = 0; from < split.size(); from += SLOTS, batch++) {
            int g = batch % GROUPS;
            List<Piece> part = split.subList(from, Math.min(split.size(), from + SLOTS));
            // the group's previous copies must have left its slots
            check(JCudaDriver.cuEventSynchronize(done[g]), "cuEventSynchronize");
            IntStream.range(0, part.size()).parallel().forEach(s -> {
                Piece p = part.get(s);
                views[g][s].put(0, p.array(), p.offset(), p.count());
            });
            for (int s = 0; s < part.size(); s++) {
                Piece p = part.get(s);
                check(JCudaDriver.cuMemcpyHtoDAsync(p.device(), host[g][s], 8L * p.count(), stream),
                        "cuMemcpyHtoDAsync");
            }
            check(JCudaDriver.cuEventRecord(done[g], stream), "cuEventRecord");
        }
    }

    /** Copies every piece from the device into its array, after all work queued on the default stream so far. */
    void download(List<Piece> pieces) {
        if (!pinned) {
            for (Piece p : pieces) {
                check(JCudaDriver.cuMemcpyDtoH(Pointer.to(p.array()).withByteOffset(8L * p.offset()), p.device(),
                        8L * p.count()), "cuMemcpyDtoH");
            }
            return;
        }
        List<Piece> split = split(pieces);
        int batches = (split.size() + SLOTS - 1) / SLOTS;
        // uploads still in flight hold slots; once the stream drains every slot is free
        check(JCudaDriver.cuStreamSynchronize(stream), "cuStreamSynchronize");
        for (int b = 0; b < Math.min(GROUPS, batches); b++) {
            fetch(split, b);
        }
        for (int b = 0; b < batches; b++) {
            int g = b % GROUPS;
            check(JCudaDriver.cuEventSynchronize(done[g]), "cuEventSynchronize");
            List<Piece> part = batch(split, b);
            IntStream.range(0, part.size()).parallel().forEach(s -> {
                Piece p = part.get(s);
                views[g][s].get(0, p.array(), p.offset(), p.count());
            });
            if (b + GROUPS < batches) {
                fetch(split, b + GROUPS);
            }
        }
    }

    private void fetch(List<Piece> split, int b) {
        int g = b % GROUPS;
        List<Piece> part = batch(split, b);
        for (int s = 0; s < part.size(); s++) {
            Piece p = part.get(s);
            check(JCudaDriver.cuMemcpyDtoHAsync(host[g][s], p.device(), 8L * p.count(), stream), "cuMemcpyDtoHAsync");
        }
        check(JCudaDriver.cuEventRecord(done[g], stream), "cuEventRecord");
    }

    private static List<Piece> batch(List<Piece> split, int b) {
        return split.subList(b * SLOTS, Math.min(split.size(), (b + 1) * SLOTS));
    }

    private static List<Piece> split(List<Piece> pieces) {
        List<Piece> out = new ArrayList<>();
        for (Piece p : pieces) {
            for (int at = 0; at < p.count(); at += SLOT_LONGS) {
                int n = Math.min(SLOT_LONGS, p.count() - at);
                out.add(new Piece(p.array(), p.offset() + at, n, p.device().withByteOffset(8L * at)));
            }
        }
        return out;
    }

    void close() {
        JCudaDriver.cuStreamSynchronize(stream);
        freeHost();
        for (CUevent event : done) {
            if (event != null) {
                JCudaDriver.cuEventDestroy(event);
            }
        }
        JCudaDriver.cuStreamDestroy(stream);
    }

    private void freeHost() {
        for (int g = 0; g < GROUPS; g++) {
            for (int s = 0; s < SLOTS; s++) {
                if (host[g][s] != null) {
                    JCudaDriver.cuMemFreeHost(host[g][s]);
                    host[g][s] = null;
                }
            }
        }
    }
}
