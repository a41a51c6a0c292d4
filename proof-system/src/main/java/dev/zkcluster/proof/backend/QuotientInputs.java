package dev.zkcluster.proof.backend;

import dev.zkcluster.proof.plonk.CircuitConfig;
import dev.zkcluster.proof.plonk.OracleLayout;
import dev.zkcluster.proof.plonk.gates.Gate;
import java.util.List;

/**
 * What the quotient kernel reads: the circuit's gates and shape, the LDE columns (bit-reversed, on 7·⟨ω_N⟩ with
 * N = n·2^rateBits) of the constants and sigmas, wires and Z/partial-product oracles laid out as {@link OracleLayout}
 * says, the challenges, and the public-input hash. The kernel reads only the first n·2^quotientRateBits positions of
 * each column (the quotient domain, see {@link CircuitConfig#quotientRateBits()}), so the columns may be just that
 * prefix.
 */
public record QuotientInputs(
        List<Gate> gates,
        CircuitConfig config,
        int degreeBits,
        long[][] constantsSigmasLde,
        long[][] wiresLde,
        long[][] zsPartialsLde,
        long[] betas,
        long[] gammas,
        long[] alphas,
        long[] publicInputHash) {

    public QuotientInputs {
        gates = List.copyOf(gates);
    }

    public OracleLayout layout() {
        return OracleLayout.of(config, gates.size());
    }

    /** log2 of the quotient domain's blowup, {@link CircuitConfig#quotientRateBits()}. */
    public int rateBits() {
        return config.quotientRateBits();
    }
}
