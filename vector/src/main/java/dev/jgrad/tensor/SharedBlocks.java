package dev.jgrad.tensor;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Which blocks of one product's op(B) are packed, for the threads that share it ({@link VectorGemm#rows},
 * {@link VectorFloatGemm#rows}): the first thread to need a block packs it, one that needs it meanwhile
 * waits, and every later one reads it. Before, the caller packed all of B before the threads started,
 * alone: 3.5–5.6 % of a two-thread product at 1024²–2048² (docs/performance.md). The parts go over the
 * blocks in the same order, so the threads share the packing instead of waiting for one another.
 */
final class SharedBlocks {
    /** Spins before a waiting thread yields its core: a block packs in tens of microseconds. */
    private static final int SPINS = 1 << 12;
    private static final int FREE = 0, PACKING = 1, PACKED = 2;
    private final AtomicIntegerArray state;

    SharedBlocks(int blocks) {
        state = new AtomicIntegerArray(blocks);
    }

    /** Whether the caller is to pack this block (then {@link #packed}); false: it is packed or being packed. */
    boolean claim(int block) {
        return state.get(block) == FREE && state.compareAndSet(block, FREE, PACKING);
    }

    /** Publishes a block the caller packed: every write to it happens before a later {@link #await} returns. */
    void packed(int block) {
        state.set(block, PACKED);
    }

    /** Returns once the block is packed. */
    void await(int block) {
        for (int i = 0; state.get(block) != PACKED; i++) {
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }
}
