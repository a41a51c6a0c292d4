package dev.zkcluster.proof.fri;

import dev.zkcluster.proof.challenger.Challenger;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * Grinding. After the final polynomial is observed, the prover finds a nonce such that observing it and drawing
 * one base-field challenge gives a response whose 64-bit representation has at least powBits leading zero bits
 * (probability about 2^−powBits per try). The verifier observes the nonce and draws the same response from the
 * transcript itself, so the query indices drawn next depend on the nonce.
 */
final class FriProofOfWork {
    private static final int BLOCK = 1 << 12;

    private FriProofOfWork() {}

    static boolean accepts(long response, int powBits) {
        return Long.numberOfLeadingZeros(response) >= powBits;
    }

    static boolean accepts(Challenger transcript, long nonce, int powBits) {
        Challenger fork = transcript.copy();
        fork.observe(nonce);
        return accepts(fork.challenge(), powBits);
    }

    /** The smallest nonce the rule accepts; the transcript itself is left unchanged. */
    static long grind(Challenger transcript, int powBits) {
        for (long start = 0; ; start += BLOCK) {
            OptionalLong found = LongStream.range(start, start + BLOCK)
                    .parallel()
                    .filter(nonce -> accepts(transcript, nonce, powBits))
                    .findFirst();
            if (found.isPresent()) {
                return found.getAsLong();
            }
        }
    }
}
