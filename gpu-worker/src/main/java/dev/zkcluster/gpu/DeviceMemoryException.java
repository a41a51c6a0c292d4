package dev.zkcluster.gpu;

/**
 * A request does not fit in the CUDA device's memory, even split into the smallest chunks the kernel allows. The
 * backend is left usable: nothing was changed, and the next request starts afresh.
 */
public final class DeviceMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long neededBytes;
    private final long availableBytes;

    public DeviceMemoryException(String what, long neededBytes, long availableBytes) {
        super(what + " needs at least " + neededBytes + " bytes of device memory, but only " + availableBytes
                + " bytes are available");
        this.neededBytes = neededBytes;
        this.availableBytes = availableBytes;
    }

    /** The smallest footprint the request can run with. */
    public long neededBytes() {
        return neededBytes;
    }

    /** What the backend could use when it refused. */
    public long availableBytes() {
        return availableBytes;
    }
}
