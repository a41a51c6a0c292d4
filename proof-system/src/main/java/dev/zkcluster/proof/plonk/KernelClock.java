package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.backend.QuotientInputs;
import java.util.function.Supplier;

/** A backend that forwards every kernel and adds up the time spent inside, for {@link ProofTiming}. */
final class KernelClock implements ProvingBackend {
    private final ProvingBackend backend;
    private long nanos;

    KernelClock(ProvingBackend backend) {
        this.backend = backend;
    }

    long nanos() {
        return nanos;
    }

    private <T> T timed(Supplier<T> kernel) {
        long start = System.nanoTime();
        try {
            return kernel.get();
        } finally {
            nanos += System.nanoTime() - start;
        }
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public void forwardNtt(long[][] columns) {
        timed(() -> {
            backend.forwardNtt(columns);
            return null;
        });
    }

    @Override
    public void inverseNtt(long[][] columns) {
        timed(() -> {
            backend.inverseNtt(columns);
            return null;
        });
    }

    @Override
    public long[][] cosetLde(long[][] coefficients, int rateBits, long shift) {
        return timed(() -> backend.cosetLde(coefficients, rateBits, shift));
    }

    @Override
    public long[][] cosetInterpolate(long[][] bitReversedValues, long shift) {
        return timed(() -> backend.cosetInterpolate(bitReversedValues, shift));
    }

    @Override
    public long[][] merkleLevels(long[][] columns, int capHeight) {
        return timed(() -> backend.merkleLevels(columns, capHeight));
    }

    @Override
    public long[][] quotientValues(QuotientInputs inputs) {
        return timed(() -> backend.quotientValues(inputs));
    }

    @Override
    public long[] friFold(long[] codeword, int logN, long shift, int arityBits, long beta0, long beta1) {
        return timed(() -> backend.friFold(codeword, logN, shift, arityBits, beta0, beta1));
    }
}
