package dev.zkcluster.circuits.rollup.exec;

import dev.zkcluster.circuits.rollup.batch.Deposit;
import dev.zkcluster.circuits.rollup.batch.Transfer;
import dev.zkcluster.circuits.rollup.batch.Withdrawal;

/** One op with the leaves it touches, as a basic circuit slot consumes it. */
public sealed interface OpStep {

    /** The op encoding that the ops hash absorbs. */
    long[] encode();

    /** The first leaf the op updates; its path reaches the root before the op. */
    LeafWitness firstLeaf();

    record DepositStep(Deposit op, LeafWitness to) implements OpStep {
        @Override
        public long[] encode() {
            return op.encode();
        }

        @Override
        public LeafWitness firstLeaf() {
            return to;
        }
    }

    /** The to-leaf's path is the one valid after the from-leaf's update. */
    record TransferStep(Transfer op, LeafWitness from, LeafWitness to) implements OpStep {
        @Override
        public long[] encode() {
            return op.encode();
        }

        @Override
        public LeafWitness firstLeaf() {
            return from;
        }
    }

    record WithdrawalStep(Withdrawal op, LeafWitness from) implements OpStep {
        @Override
        public long[] encode() {
            return op.encode();
        }

        @Override
        public LeafWitness firstLeaf() {
            return from;
        }
    }
}
