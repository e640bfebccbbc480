package dev.jgrad.bench;

import dev.jgrad.engine.Value;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Retained heap per node of a scalar graph: heap in use after a full GC with a graph alive, minus the
 * same without it, divided by its node count. Run:
 * {@code java -cp bench/target/benchmarks.jar dev.jgrad.bench.NodeFootprint}.
 */
public final class NodeFootprint {
    private static final int NODES = 2_000_000;

    private NodeFootprint() {
    }

    public static void main(String[] args) {
        long before = usedAfterGc();
        Value x = Value.of(1.0, "x");
        Value w = Value.of(0.5, "w");
        Value y = x;
        for (int i = 0; i < NODES / 2; i++) {
            y = y.mul(w).tanh(); // one binary and one unary node per round
        }
        long after = usedAfterGc();
        int nodes = y.topologicalOrder().size();
        System.out.printf("graph of %,d nodes: %.1f bytes per node retained%n", nodes, (after - before) / (double) nodes);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
