package dev.zkcluster.gpu;

/** {@code zkcluster.devices = cuda} was asked for, but there is no usable CUDA driver or device. */
public final class CudaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CudaUnavailableException(String message) {
        super(message);
    }

    public CudaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
