package dev.zkcluster.proof.plonk;

import dev.zkcluster.proof.field.Ext2;
import dev.zkcluster.proof.field.Goldilocks;
import dev.zkcluster.proof.hash.Digest;
import dev.zkcluster.proof.hash.Poseidon2Hash;
import dev.zkcluster.proof.plonk.gates.ArithmeticGate;
import dev.zkcluster.proof.plonk.gates.BaseSumGate;
import dev.zkcluster.proof.plonk.gates.ConstantGate;
import dev.zkcluster.proof.plonk.gates.ExtensionArithmeticGate;
import dev.zkcluster.proof.plonk.gates.Gate;
import dev.zkcluster.proof.plonk.gates.NoopGate;
import dev.zkcluster.proof.plonk.gates.Poseidon2Gate;
import dev.zkcluster.proof.plonk.gates.PublicInputGate;
import dev.zkcluster.proof.plonk.gates.RandomAccessGate;
import dev.zkcluster.proof.plonk.permutation.PermutationArgument;
import dev.zkcluster.proof.plonk.witness.WitnessAccess;
import dev.zkcluster.proof.plonk.witness.WitnessGenerationException;
import dev.zkcluster.proof.plonk.witness.WitnessGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a circuit row by row. Values are {@link Target}s: cells of gate rows, or virtual targets tied to cells by
 * copy constraints. Arithmetic ops with the same constants (c0, c1) share a row until it is full; circuit constants
 * share constant-gate rows and are deduplicated.
 *
 * <p>{@link #build()} appends the public-input gate (its wires copy-constrained to the in-circuit hash of the
 * registered public inputs), pads to a power of two with no-op rows, and computes selectors, sigmas and the digest.
 *
 * <p>Constants are field elements given as unsigned 64-bit values: −1 is {@code Goldilocks.neg(1)}, not {@code -1L}.
 */
public final class CircuitBuilder {
    /** The smallest trace: 2^2 rows. */
    public static final int MIN_DEGREE_BITS = 2;

    private static final long MINUS_ONE = Goldilocks.neg(1);

    private final CircuitConfig config;
    private final List<Gate> rowGates = new ArrayList<>();
    private final List<long[]> rowConstants = new ArrayList<>();
    private final List<Target[]> copies = new ArrayList<>();
    private final List<WitnessGenerator> extraGenerators = new ArrayList<>();
    private final List<Target> publicInputs = new ArrayList<>();
    private final Map<Long, Target> constantCache = new HashMap<>();
    private final Map<List<Long>, int[]> openArithmetic = new LinkedHashMap<>();
    private final Map<List<Long>, int[]> openExtArithmetic = new LinkedHashMap<>();
    private int numVirtual;
    private int openConstantRow = -1;
    private int openConstantSlot;
    private boolean built;

    public CircuitBuilder(CircuitConfig config) {
        this.config = config;
    }

    public CircuitConfig config() {
        return config;
    }

    public int numRows() {
        return rowGates.size();
    }

    public Target addVirtualTarget() {
        return new Target.Virtual(numVirtual++);
    }

    /** Appends a row using {@code gate} with the given gate constants (missing ones are 0) and returns its index. */
    public int addGate(Gate gate, long... constants) {
        if (built) {
            throw new IllegalStateException("the circuit is already built");
        }
        if (gate.numWires() > config.numWires() || gate.numConstants() > config.numConstants()
                || gate.degree() > config.maxGateDegree() || constants.length > config.numConstants()) {
            throw new IllegalArgumentException(gate.id() + " does not fit " + config);
        }
        long[] c = new long[config.numConstants()];
        for (int i = 0; i < constants.length; i++) {
            c[i] = Goldilocks.canonical(constants[i]);
        }
        rowGates.add(gate);
        rowConstants.add(c);
        return rowGates.size() - 1;
    }

    /** Adds a generator that is not part of a gate (a hint); its outputs must still be constrained by gates. */
    public void addGenerator(WitnessGenerator generator) {
        extraGenerators.add(generator);
    }

    /** Copy constraint a = b. Both must be routed cells or virtual targets. */
    public void assertEqual(Target a, Target b) {
        requireRouted(a);
        requireRouted(b);
        copies.add(new Target[] {a, b});
    }

    private void requireRouted(Target t) {
        if (t instanceof Target.Wire w && w.column() >= config.numRoutedWires()) {
            throw new IllegalArgumentException("wire " + w.column() + " at row " + w.row()
                    + " is not routed and cannot take part in a copy constraint");
        }
    }

    public void registerPublicInput(Target t) {
        publicInputs.add(t);
    }

    /** A target fixed to the constant c, on a shared constant-gate row. */
    public Target constant(long c) {
        long value = Goldilocks.canonical(c);
        Target cached = constantCache.get(value);
        if (cached != null) {
            return cached;
        }
        if (openConstantRow < 0 || openConstantSlot == config.numConstants()) {
            openConstantRow = addGate(new ConstantGate(config.numConstants()));
            openConstantSlot = 0;
        }
        rowConstants.get(openConstantRow)[openConstantSlot] = value;
        Target t = new Target.Wire(openConstantRow, openConstantSlot++);
        constantCache.put(value, t);
        return t;
    }

    public Target zero() {
        return constant(0);
    }

    public Target one() {
        return constant(1);
    }

    /** c0·a·b + c1·c on an arithmetic row whose constants are (c0, c1). */
    public Target arithmetic(long c0, Target a, Target b, long c1, Target c) {
        return arithmeticOp(c0, a, b, c1, c);
    }

    private Target.Wire arithmeticOp(long c0, Target a, Target b, long c1, Target c) {
        ArithmeticGate gate = ArithmeticGate.forRoutedWires(config.numRoutedWires());
        int[] slot = openSlot(openArithmetic, c0, c1, gate, gate.numOps());
        int row = slot[0];
        int op = slot[1]++;
        assertEqual(new Target.Wire(row, ArithmeticGate.wireA(op)), a);
        assertEqual(new Target.Wire(row, ArithmeticGate.wireB(op)), b);
        assertEqual(new Target.Wire(row, ArithmeticGate.wireC(op)), c);
        return new Target.Wire(row, ArithmeticGate.wireOut(op));
    }

    // returns {row, next op} of an open row for (c0, c1), starting a new row when none has a free op
    private int[] openSlot(Map<List<Long>, int[]> open, long c0, long c1, Gate gate, int opsPerRow) {
        List<Long> key = List.of(Goldilocks.canonical(c0), Goldilocks.canonical(c1));
        int[] slot = open.get(key);
        if (slot == null || slot[1] == opsPerRow) {
            slot = new int[] {addGate(gate, c0, c1), 0};
            open.put(key, slot);
        }
        return slot;
    }

    public Target add(Target a, Target b) {
        return arithmetic(1, a, one(), 1, b);
    }

    public Target sub(Target a, Target b) {
        return arithmetic(1, a, one(), MINUS_ONE, b);
    }

    public Target mul(Target a, Target b) {
        return arithmetic(1, a, b, 0, zero());
    }

    /** a·b + c. */
    public Target mulAdd(Target a, Target b, Target c) {
        return arithmetic(1, a, b, 1, c);
    }

    /** c·a for a constant c. */
    public Target scale(Target a, long c) {
        return arithmetic(c, a, one(), 0, zero());
    }

    /**
     * a / b: a generator computes q = a/b and an arithmetic op enforces q·b = a. A zero divisor fails witness
     * generation naming the op's row and divisor wire.
     */
    public Target div(Target a, Target b) {
        Target q = addVirtualTarget();
        Target.Wire product = arithmeticOp(1, q, b, 0, zero());
        assertEqual(product, a);
        int op = (product.column() - 3) / ArithmeticGate.WIRES_PER_OP;
        Target.Wire divisor = new Target.Wire(product.row(), ArithmeticGate.wireB(op));
        extraGenerators.add(new DivisionGenerator(a, b, q, divisor));
        return q;
    }

    /** b·(b − 1) = 0. */
    public void assertBool(Target b) {
        assertEqual(arithmetic(1, b, b, MINUS_ONE, b), zero());
    }

    /** Little-endian bits of t, constraining t < 2^bits (1 ≤ bits ≤ 63). */
    public List<Target> splitBits(Target t, int bits) {
        BaseSumGate gate = BaseSumGate.bits(bits);
        int row = addGate(gate);
        assertEqual(new Target.Wire(row, BaseSumGate.WIRE_SUM), t);
        List<Target> out = new ArrayList<>(bits);
        for (int i = 0; i < bits; i++) {
            out.add(new Target.Wire(row, BaseSumGate.wireLimb(i)));
        }
        return out;
    }

    /** Constrains 0 ≤ t < 2^bits. A value out of range fails witness generation. */
    public void rangeCheck(Target t, int bits) {
        splitBits(t, bits);
    }

    /** b ? x : y, with b constrained boolean: b·(x − y) + y. */
    public Target select(Target b, Target x, Target y) {
        assertBool(b);
        return mulAdd(b, sub(x, y), y);
    }

    /**
     * list[index] for a list of at most 2^{@value RandomAccessGate#MAX_BITS} targets. The list is padded with zeros
     * to a power of two; index is constrained below that power of two.
     */
    public Target randomAccess(Target index, List<Target> list) {
        if (list.isEmpty() || list.size() > 1 << RandomAccessGate.MAX_BITS) {
            throw new IllegalArgumentException("random access needs 1 to " + (1 << RandomAccessGate.MAX_BITS)
                    + " items, got " + list.size());
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(list.size() - 1));
        RandomAccessGate gate = new RandomAccessGate(bits);
        int row = addGate(gate);
        assertEqual(new Target.Wire(row, RandomAccessGate.WIRE_INDEX), index);
        for (int i = 0; i < gate.listSize(); i++) {
            Target item = i < list.size() ? list.get(i) : zero();
            assertEqual(new Target.Wire(row, RandomAccessGate.wireItem(i)), item);
        }
        return new Target.Wire(row, RandomAccessGate.WIRE_OUTPUT);
    }

    /** One Poseidon2 permutation of 12 targets on one row. */
    public List<Target> permute(List<Target> state) {
        if (state.size() != Poseidon2Gate.WIDTH) {
            throw new IllegalArgumentException("Poseidon2 state has 12 elements, got " + state.size());
        }
        int row = addGate(new Poseidon2Gate());
        List<Target> out = new ArrayList<>(Poseidon2Gate.WIDTH);
        for (int i = 0; i < Poseidon2Gate.WIDTH; i++) {
            assertEqual(new Target.Wire(row, Poseidon2Gate.WIRE_INPUT + i), state.get(i));
            out.add(new Target.Wire(row, Poseidon2Gate.WIRE_OUTPUT + i));
        }
        return out;
    }

    /**
     * The sponge hash of {@link Poseidon2Hash#hashNoPad}: up to 4 inputs are the digest, zero-padded; otherwise
     * chunks of 8 overwrite the rate and each is followed by a permutation. Returns 4 targets.
     */
    public List<Target> hashNoPad(List<Target> inputs) {
        List<Target> state = new ArrayList<>(Poseidon2Gate.WIDTH);
        for (int i = 0; i < Poseidon2Gate.WIDTH; i++) {
            state.add(i < inputs.size() && inputs.size() <= Digest.ELEMENTS ? inputs.get(i) : zero());
        }
        if (inputs.size() <= Digest.ELEMENTS) {
            return List.copyOf(state.subList(0, Digest.ELEMENTS));
        }
        for (int start = 0; start < inputs.size(); start += Poseidon2Hash.RATE) {
            for (int i = 0; i < Math.min(Poseidon2Hash.RATE, inputs.size() - start); i++) {
                state.set(i, inputs.get(start + i));
            }
            state = permute(state);
        }
        return List.copyOf(state.subList(0, Digest.ELEMENTS));
    }

    /** Poseidon2 of [a, b, 0, 0, 0, 0], truncated to 4 targets: the Merkle node compression. */
    public List<Target> twoToOne(List<Target> a, List<Target> b) {
        List<Target> state = new ArrayList<>(Poseidon2Gate.WIDTH);
        state.addAll(a);
        state.addAll(b);
        while (state.size() < Poseidon2Gate.WIDTH) {
            state.add(zero());
        }
        return List.copyOf(permute(state).subList(0, Digest.ELEMENTS));
    }

    public ExtTarget extConstant(Ext2 c) {
        return new ExtTarget(constant(c.c0()), constant(c.c1()));
    }

    /** c0·a·b + c1·c in the extension, on an extension-arithmetic row whose constants are (c0, c1). */
    public ExtTarget extArithmetic(long c0, ExtTarget a, ExtTarget b, long c1, ExtTarget c) {
        ExtensionArithmeticGate gate = ExtensionArithmeticGate.forRoutedWires(config.numRoutedWires());
        int[] slot = openSlot(openExtArithmetic, c0, c1, gate, gate.numOps());
        int row = slot[0];
        int op = slot[1]++;
        connectExt(row, ExtensionArithmeticGate.wireA(op), a);
        connectExt(row, ExtensionArithmeticGate.wireB(op), b);
        connectExt(row, ExtensionArithmeticGate.wireC(op), c);
        int out = ExtensionArithmeticGate.wireOut(op);
        return new ExtTarget(new Target.Wire(row, out), new Target.Wire(row, out + 1));
    }

    private void connectExt(int row, int wire, ExtTarget t) {
        assertEqual(new Target.Wire(row, wire), t.c0());
        assertEqual(new Target.Wire(row, wire + 1), t.c1());
    }

    public ExtTarget extAdd(ExtTarget a, ExtTarget b) {
        return extArithmetic(1, a, extConstant(Ext2.ONE), 1, b);
    }

    public ExtTarget extSub(ExtTarget a, ExtTarget b) {
        return extArithmetic(1, a, extConstant(Ext2.ONE), MINUS_ONE, b);
    }

    public ExtTarget extMul(ExtTarget a, ExtTarget b) {
        return extArithmetic(1, a, b, 0, extConstant(Ext2.ZERO));
    }

    /** a·b + c in the extension. */
    public ExtTarget extMulAdd(ExtTarget a, ExtTarget b, ExtTarget c) {
        return extArithmetic(1, a, b, 1, c);
    }

    public void assertEqual(ExtTarget a, ExtTarget b) {
        assertEqual(a.c0(), b.c0());
        assertEqual(a.c1(), b.c1());
    }

    /** Finishes the circuit. The builder cannot be used afterwards. */
    public CircuitData build() {
        List<Target> hash = hashNoPad(publicInputs);
        int piRow = addGate(new PublicInputGate());
        for (int i = 0; i < PublicInputGate.HASH_ELEMENTS; i++) {
            assertEqual(new Target.Wire(piRow, i), hash.get(i));
        }
        built = true;
        int degreeBits = Math.max(MIN_DEGREE_BITS, 32 - Integer.numberOfLeadingZeros(rowGates.size() - 1));
        int n = 1 << degreeBits;
        while (rowGates.size() < n) {
            rowGates.add(new NoopGate());
            rowConstants.add(new long[config.numConstants()]);
        }

        // one selector per distinct gate, in order of first use
        List<Gate> gates = new ArrayList<>();
        Map<Gate, Integer> selectorOf = new HashMap<>();
        int[] rowGate = new int[n];
        for (int r = 0; r < n; r++) {
            Gate g = rowGates.get(r);
            if (g instanceof NoopGate) {
                rowGate[r] = -1;
                continue;
            }
            rowGate[r] = selectorOf.computeIfAbsent(g, key -> {
                gates.add(key);
                return gates.size() - 1;
            });
        }
        long[][] constants = new long[gates.size() + config.numConstants()][n];
        for (int r = 0; r < n; r++) {
            if (rowGate[r] >= 0) {
                constants[rowGate[r]][r] = 1;
            }
            for (int i = 0; i < config.numConstants(); i++) {
                constants[gates.size() + i][r] = rowConstants.get(r)[i];
            }
        }

        int numWires = config.numWires();
        int numTargets = n * numWires + numVirtual;
        int[] parent = new int[numTargets];
        for (int i = 0; i < numTargets; i++) {
            parent[i] = i;
        }
        for (Target[] pair : copies) {
            int a = find(parent, index(pair[0], n));
            int b = find(parent, index(pair[1], n));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] partition = new int[numTargets];
        for (int i = 0; i < numTargets; i++) {
            partition[i] = find(parent, i);
        }

        // each copy class's routed cells form one cycle of σ, in row-major order
        int routed = config.numRoutedWires();
        int[] copyNext = new int[n * routed];
        Map<Integer, Integer> firstOfClass = new HashMap<>();
        Map<Integer, Integer> lastOfClass = new HashMap<>();
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < routed; j++) {
                int cell = r * routed + j;
                int cls = partition[r * numWires + j];
                Integer last = lastOfClass.put(cls, cell);
                if (last == null) {
                    firstOfClass.put(cls, cell);
                } else {
                    copyNext[last] = cell;
                }
            }
        }
        for (Map.Entry<Integer, Integer> e : lastOfClass.entrySet()) {
            copyNext[e.getValue()] = firstOfClass.get(e.getKey());
        }
        long[] shifts = PermutationArgument.cosetShifts(routed);
        if (!PermutationArgument.cosetsDisjoint(shifts, degreeBits)) {
            throw new IllegalStateException("coset shifts overlap for 2^" + degreeBits + " rows");
        }
        long[][] sigmas = PermutationArgument.sigmaColumns(copyNext, routed, degreeBits, shifts);

        List<WitnessGenerator> generators = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            generators.addAll(rowGates.get(r).generators(r, rowConstants.get(r)));
        }
        generators.addAll(extraGenerators);
        long[] digest = CircuitDigest.compute(config, degreeBits, gates, rowGate, constants, sigmas,
                publicInputs.size());
        return new CircuitData(config, degreeBits, gates, rowGate, constants, copyNext, sigmas, shifts, numVirtual,
                partition, generators, publicInputs, digest);
    }

    private int index(Target t, int n) {
        if (t instanceof Target.Wire w) {
            if (w.row() >= n || w.column() >= config.numWires()) {
                throw new IllegalArgumentException("no cell at row " + w.row() + ", column " + w.column());
            }
            return w.row() * config.numWires() + w.column();
        }
        return n * config.numWires() + ((Target.Virtual) t).index();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Computes q = a/b; fails naming the divisor's cell when b = 0. */
    record DivisionGenerator(Target a, Target b, Target q, Target.Wire divisorCell) implements WitnessGenerator {
        @Override
        public List<Target> inputs() {
            return List.of(a, b);
        }

        @Override
        public List<Target> outputs() {
            return List.of(q);
        }

        @Override
        public void run(WitnessAccess w) {
            long divisor = w.get(b);
            if (Goldilocks.canonical(divisor) == 0) {
                throw new WitnessGenerationException("division by zero: " + describe() + ", divisor on wire "
                        + divisorCell.column() + " is zero");
            }
            w.set(q, Goldilocks.mul(w.get(a), Goldilocks.inverse(divisor)));
        }

        @Override
        public String describe() {
            int op = divisorCell.column() / ArithmeticGate.WIRES_PER_OP;
            return "division checked by ArithmeticGate at row " + divisorCell.row() + ", op " + op;
        }
    }
}
