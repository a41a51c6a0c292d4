package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.field.Ext2;
import java.util.List;

/**
 * Polynomials opened at one point, with the values the prover claims: f_j(point) = values[j].
 */
public record FriOpeningBatch(Ext2 point, List<FriPolynomialRef> polynomials, List<Ext2> values) {
    public FriOpeningBatch {
        polynomials = List.copyOf(polynomials);
        values = List.copyOf(values);
        if (polynomials.size() != values.size()) {
            throw new IllegalArgumentException(
                    polynomials.size() + " polynomials opened but " + values.size() + " values claimed");
        }
    }
}
