package dev.zkcluster.proof.recursion;

import dev.zkcluster.proof.challenger.Challenger;
import dev.zkcluster.proof.hash.Poseidon2;
import dev.zkcluster.proof.plonk.CircuitBuilder;
import dev.zkcluster.proof.plonk.ExtTarget;
import dev.zkcluster.proof.plonk.Target;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fiat–Shamir transcript inside a circuit: the duplex sponge of {@link Challenger} with every permutation a
 * Poseidon2 gate row. The same sequence of observations and challenges gives, as witness values, exactly the
 * elements the native challenger returns; the buffering rules are those of {@link Challenger}'s javadoc (observing
 * drops pending outputs, 8 buffered inputs duplex at once, a challenge duplexes when inputs are pending or the
 * outputs are used up, outputs are read from state[0] upwards).
 */
public final class RecursiveChallenger {
    private final CircuitBuilder builder;
    private List<Target> state;
    private final List<Target> input = new ArrayList<>(Challenger.RATE);
    private List<Target> output = List.of();
    private int outputPosition;

    /** A transcript from the zero state, as {@code new Challenger()}. */
    public RecursiveChallenger(CircuitBuilder builder) {
        this.builder = builder;
        this.state = new ArrayList<>(Poseidon2.WIDTH);
        for (int i = 0; i < Poseidon2.WIDTH; i++) {
            state.add(builder.zero());
        }
    }

    public void observe(Target element) {
        output = List.of();
        outputPosition = 0;
        input.add(element);
        if (input.size() == Challenger.RATE) {
            duplex();
        }
    }

    public void observe(List<Target> elements) {
        for (Target t : elements) {
            observe(t);
        }
    }

    public void observe(ExtTarget element) {
        observe(element.c0());
        observe(element.c1());
    }

    /** A cap, digest by digest. */
    public void observeCap(List<List<Target>> cap) {
        for (List<Target> digest : cap) {
            observe(digest);
        }
    }

    public Target challenge() {
        if (!input.isEmpty() || outputPosition == output.size()) {
            duplex();
        }
        return output.get(outputPosition++);
    }

    public List<Target> challenges(int n) {
        List<Target> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(challenge());
        }
        return out;
    }

    public ExtTarget extChallenge() {
        Target c0 = challenge();
        Target c1 = challenge();
        return new ExtTarget(c0, c1);
    }

    private void duplex() {
        List<Target> next = new ArrayList<>(state);
        for (int i = 0; i < input.size(); i++) {
            next.set(i, input.get(i));
        }
        input.clear();
        state = builder.permute(next);
        output = List.copyOf(state.subList(0, Challenger.RATE));
        outputPosition = 0;
    }
}
