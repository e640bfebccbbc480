package dev.jgrad.cli;

import dev.jgrad.app.Workload;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.engine.NoGrad;
import dev.jgrad.nn.Engine;
import dev.jgrad.tensor.Arena;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Tensor;
import dev.jgrad.train.Learner;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jgrad bench}: the median time of one full-batch training step of the shared workloads, on
 * each engine, and of dense matrix products. For numbers to set beside PyTorch's on this machine;
 * JMH (the bench module) is the careful version.
 */
@Command(name = "bench",
        description = {"Time one training step (forward, loss, backward, SGD update) of the benchmark workloads "
                + "circle-9, moons-16x16, circle-64x64 and mlp-784-128-10 on each engine, and dense n×n matrix products.",
            "Reports the median over the measured steps, after a warm-up. Compare ratios from one run, not digits."},
        sortOptions = false)
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--workload", split = ",", paramLabel = "ID",
            description = "Workloads to run (default: all but fmnist): circle-9, moons-16x16, circle-64x64, mlp-784-128-10, "
                    + "and fmnist (W5: Fashion-MNIST epochs, 784-128-10, Adam, batches of 128; Gaussian data of the same "
                    + "shapes without Debian's dataset-fashion-mnist).")
    List<String> workloads;

    @Option(names = "--dtype", split = ",", paramLabel = "D", defaultValue = "float64",
            description = "The tensor engine's numbers for the workloads: float64, float32 or both (default: ${DEFAULT-VALUE}).")
    List<String> dtypes;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "Epochs of fmnist to time (default: ${DEFAULT-VALUE}); the first is reported apart.")
    int epochs;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "all",
            description = "scalar, tensor or all (default; the scalar engine skips circle-64x64 and mlp-784-128-10).")
    String engine;

    @Option(names = "--matmul", split = ",", paramLabel = "N", defaultValue = "128,256,512,1024",
            description = "Sizes of the dense n×n products to time, in each --dtype (default: ${DEFAULT-VALUE}); 0 for none.")
    List<Integer> matmul;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "2",
            description = "Measuring time per entry, after as long again of warm-up (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--json", description = "Print a JSON array: one object per entry with workload, engine, msPerStep.")
    boolean json;

    record Result(String workload, String engine, double msPerStep, int steps, double gflops, int threads) {
    }

    @Override
    public Integer call() {
        if (!(seconds > 0 && seconds <= 600)) {
            throw new IllegalArgumentException("--seconds must be in (0, 600], got " + seconds);
        }
        boolean fmnist = workloads != null && workloads.stream().anyMatch(w -> w.trim().equalsIgnoreCase(FMNIST));
        List<Workload> chosen = workloads == null ? Workload.CHOICES.values()
                : workloads.stream().filter(w -> !w.trim().equalsIgnoreCase(FMNIST)).map(Workload.CHOICES::parse).toList();
        List<DType> types = dtypes.stream().map(BenchCommand::dtype).toList();
        if (epochs < 1) {
            throw new IllegalArgumentException("--epochs must be ≥ 1, got " + epochs);
        }
        List<Engine> engines = engine.equalsIgnoreCase("all") ? Engine.CHOICES.values() : List.of(Engine.CHOICES.parse(engine));
        List<String> skipped = new ArrayList<>();
        List<Runnable> plan = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        PrintWriter out = spec.commandLine().getOut();
        for (Workload w : chosen) {
            for (Engine e : engines) {
                if (w.feasibleOn(e)) {
                    for (DType d : e == Engine.TENSOR ? types : List.of(DType.FLOAT64)) {
                        plan.add(() -> results.add(report(out, time(w, e, d))));
                    }
                } else {
                    skipped.add("the " + e.id() + " engine skips " + w.id() + " (millions of nodes a step; too slow to time)");
                }
            }
        }
        for (int n : matmul) {
            if (n < 0) {
                throw new IllegalArgumentException("--matmul sizes must be ≥ 1, or 0 for none; got " + n);
            }
            // A, B and C: refused before the first size is timed, not after minutes of the smaller ones
            Memory.checkMatrices("--matmul " + n, n, 3);
        }
        if (fmnist) {
            plan.add(() -> fashion(out, types, results));
        }
        List<Integer> sizes = matmul.stream().filter(n -> n > 0).toList();
        if (!sizes.isEmpty() && !engines.contains(Engine.TENSOR)) {
            skipped.add("matrix products run on the tensor engine only: --matmul skipped under --engine " + engines.get(0).id());
        } else {
            sizes.forEach(n -> types.forEach(d -> plan.add(() -> results.add(report(out, timeMatmul(n, d))))));
        }
        if (plan.isEmpty()) {
            throw new IllegalArgumentException("nothing to run: " + (skipped.isEmpty() ? "--matmul 0 and no workload"
                    : String.join("; ", skipped)));
        }
        PrintWriter err = spec.commandLine().getErr();
        skipped.forEach(note -> err.println("bench: " + note));
        err.flush();
        if (fmnist) {
            FashionBench.expect(types.get(0)); // its width's kernels warm first
        }
        // waiting for the Vector API kernel to compile keeps cold code out of the tensor timings
        String kernel = engines.contains(Engine.TENSOR) ? Tensor.matmulKernel(10_000) : null;
        if (!json) {
            if (kernel != null) {
                out.printf("matrix kernel: %s%n", kernel);
            }
            out.printf("%-16s %-7s %12s %8s%n", "workload", "engine", "ms/step", "steps");
        }
        plan.forEach(Runnable::run);
        if (json) {
            out.println(toJson(results));
        }
        return 0;
    }

    private Result report(PrintWriter out, Result r) {
        if (!json) {
            out.printf(Locale.ROOT, "%-16s %-7s %12.4f %8d%s%n", r.workload(), r.engine(), r.msPerStep(), r.steps(),
                    Double.isNaN(r.gflops()) ? "" : String.format(Locale.ROOT, "   %.1f GFLOP/s, %d thread(s)", r.gflops(), r.threads()));
            out.flush();
        }
        return r;
    }

    private Result time(Workload w, Engine e, DType d) {
        Batch batch = w.data(1).batch();
        Learner learner = w.learner(e, d, 2);
        double[] ms = measure(() -> learner.step(batch));
        return new Result(w.id(), e.id() + (d == DType.FLOAT32 ? "-f32" : ""), median(ms), ms.length, Double.NaN, 0);
    }

    static final String FMNIST = "fmnist";

    /** W5: each dtype's epochs, the first apart from the median of the rest, in ms per epoch. */
    private void fashion(PrintWriter out, List<DType> types, List<Result> results) {
        FashionBench.expect(types.get(0));
        FashionBench.Data data;
        try {
            data = FashionBench.load(FashionBench.IDX);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!json) {
            out.println("fmnist: " + (data.real() ? "Fashion-MNIST from " + FashionBench.IDX
                    : "Gaussian stand-in data (no " + FashionBench.IDX + ")") + ", ms per epoch of the training loop");
        }
        for (DType d : types) {
            double[] s = FashionBench.epochs(data.train(), d, epochs, 1);
            String engine = "tensor" + (d == DType.FLOAT32 ? "-f32" : "");
            int threads = Tensor.matmulThreads(128, 128, 784);
            results.add(report(out, new Result("fmnist-first", engine, s[0] * 1e3, 1, Double.NaN, 0)));
            if (s.length > 1) {
                double[] rest = Arrays.copyOfRange(s, 1, s.length);
                for (int i = 0; i < rest.length; i++) {
                    rest[i] *= 1e3;
                }
                results.add(report(out, new Result("fmnist-later", engine, median(rest), rest.length, Double.NaN, 0)));
            }
            if (!json) {
                out.printf(Locale.ROOT, "  %s epochs (s): %s, %d thread(s) per product%n", d.id(),
                        Arrays.toString(s), threads);
            }
        }
    }

    private static DType dtype(String name) {
        try {
            return DType.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--dtype must be float64 or float32, got '" + name + "'");
        }
    }

    /**
     * An n×n product in dtype d: the operands are the same draws in either, float32's rounded from them.
     * Each product is one step of an {@link Arena}, as a training step's products are, so its output is the
     * step's reused array: a new one each time, which Java zeroes, cost 5-15 % of a 256³-512³ product.
     */
    private Result timeMatmul(int n, DType d) {
        SplittableRandom random = new SplittableRandom(n);
        Tensor a = square(random.doubles((long) n * n, -1, 1).toArray(), n, d);
        Tensor b = square(random.doubles((long) n * n, -1, 1).toArray(), n, d);
        double[] ms;
        try (NoGrad scope = NoGrad.enter()) {
            ms = measure(() -> {
                try (Arena step = Arena.open()) {
                    a.matmul(b);
                }
            });
        }
        double median = median(ms);
        return new Result("matmul-" + n, "tensor" + (d == DType.FLOAT32 ? "-f32" : ""), median, ms.length,
                2.0 * n * n * n / (median * 1e6), Tensor.matmulThreads(n, n, n));
    }

    private static Tensor square(double[] values, int n, DType d) {
        if (d == DType.FLOAT64) {
            return Tensor.of(values, n, n);
        }
        float[] floats = new float[values.length];
        for (int i = 0; i < floats.length; i++) {
            floats[i] = (float) values[i];
        }
        return Tensor.of(floats, n, n);
    }

    /** Runs {@code step} for the warm-up, then times each run for {@link #seconds}: milliseconds per run. */
    private double[] measure(Runnable step) {
        long warm = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < warm) {
            step.run();
        }
        double[] ms = new double[1024];
        int n = 0;
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (n < 5 || System.nanoTime() < end) {
            long t0 = System.nanoTime();
            step.run();
            if (n == ms.length) {
                ms = Arrays.copyOf(ms, n * 2);
            }
            ms[n++] = (System.nanoTime() - t0) / 1e6;
        }
        return Arrays.copyOf(ms, n);
    }

    private static double median(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static String toJson(List<Result> results) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            sb.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
                    "  {\"workload\": \"%s\", \"engine\": \"%s\", \"msPerStep\": %.6f, \"steps\": %d%s}",
                    r.workload(), r.engine(), r.msPerStep(), r.steps(),
                    Double.isNaN(r.gflops()) ? "" : String.format(Locale.ROOT, ", \"gflops\": %.2f, \"threads\": %d",
                            r.gflops(), r.threads())));
        }
        return sb.append("\n]").toString();
    }
}
