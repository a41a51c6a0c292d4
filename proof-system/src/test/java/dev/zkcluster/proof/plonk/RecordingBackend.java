package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.backend.ProvingBackend;
import dev.zkcluster.proof.backend.QuotientInputs;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** A backend that forwards to another and counts the calls per kernel; it can also corrupt every FRI fold. */
final class RecordingBackend implements ProvingBackend {
    private final ProvingBackend backend;
    private final UnaryOperator<long[]> foldFilter;
    private final Map<String, Integer> calls = new TreeMap<>();

    RecordingBackend(ProvingBackend backend) {
        this(backend, UnaryOperator.identity());
    }

    RecordingBackend(ProvingBackend backend, UnaryOperator<long[]> foldFilter) {
        this.backend = backend;
        this.foldFilter = foldFilter;
    }

    int calls(String kernel) {
        return calls.getOrDefault(kernel, 0);
    }

    private void count(String kernel) {
        calls.merge(kernel, 1, Integer::sum);
    }

    @Override
    public String name() {
        return "recording " + backend.name();
    }

    @Override
    public void forwardNtt(long[][] columns) {
        count("forwardNtt");
        backend.forwardNtt(columns);
    }

    @Override
    public void inverseNtt(long[][] columns) {
        count("inverseNtt");
        backend.inverseNtt(columns);
    }

    @Override
    public long[][] cosetLde(long[][] coefficients, int rateBits, long shift) {
        count("cosetLde");
        return backend.cosetLde(coefficients, rateBits, shift);
    }

    @Override
    public long[][] cosetInterpolate(long[][] bitReversedValues, long shift) {
        count("cosetInterpolate");
        return backend.cosetInterpolate(bitReversedValues, shift);
    }

    @Override
    public long[][] merkleLevels(long[][] columns, int capHeight) {
        count("merkleLevels");
        return backend.merkleLevels(columns, capHeight);
    }

    @Override
    public long[][] quotientValues(QuotientInputs inputs) {
        count("quotientValues");
        return backend.quotientValues(inputs);
    }

    @Override
    public long[] friFold(long[] codeword, int logN, long shift, int arityBits, long beta0, long beta1) {
        count("friFold");
        return foldFilter.apply(backend.friFold(codeword, logN, shift, arityBits, beta0, beta1));
    }
}
