package dev.jgrad.bench;

import dev.jgrad.app.Workload;
import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Engine;
import dev.jgrad.tensor.JvmKernels;
import dev.jgrad.train.Learner;
import dev.jgrad.train.Trainer;
import java.lang.management.ManagementFactory;

/**
 * Whether training holds its heap flat: a workload trained for 1,000 full-batch epochs through the
 * {@link Trainer} (each epoch also measures loss and accuracy), printing the heap in use after a
 * full GC every 100 epochs and the bytes allocated per epoch. Run:
 * {@code java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar dev.jgrad.bench.HeapProbe [workload] [engine]}.
 */
public final class HeapProbe {
    private HeapProbe() {
    }

    public static void main(String[] args) {
        JvmKernels.install();
        Workload w = Workload.CHOICES.parse(args.length > 0 ? args[0] : "moons-16x16");
        Engine e = Engine.CHOICES.parse(args.length > 1 ? args[1] : "tensor");
        Dataset data = w.data(1);
        Learner learner = w.learner(e, 2);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] last = {threads.getCurrentThreadAllocatedBytes()};
        System.out.printf("%s on the %s engine, 1,000 full-batch epochs%n%8s %16s %20s%n", w.id(), e.id(), "epoch",
                "heap after GC", "allocated/epoch");
        new Trainer(1000).batchSize(Trainer.FULL_BATCH).shuffle(false).listener(m -> {
            if (m.epoch() == 1 || m.epoch() % 100 == 0) {
                long allocated = threads.getCurrentThreadAllocatedBytes();
                long perEpoch = (allocated - last[0]) / (m.epoch() == 1 ? 1 : 100);
                last[0] = allocated;
                System.out.printf("%8d %13.2f MB %17.1f KB%n", m.epoch(), usedAfterGc() / 1e6, perEpoch / 1e3);
            }
        }).fit(learner, data, null);
    }

    static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
