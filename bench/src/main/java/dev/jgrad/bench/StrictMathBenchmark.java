package dev.jgrad.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What reproducibility costs: jgrad takes exp, log and tanh from {@link StrictMath} (the same bits on
 * every JVM) rather than {@link Math} (HotSpot's intrinsics, which may differ by an ulp). Each
 * benchmark applies one function to 1,024 arguments in the range a training step meets; the score
 * is nanoseconds per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StrictMathBenchmark {
    private static final int N = 1024;
    private final double[] x = new double[N], positive = new double[N], out = new double[N];

    @Setup
    public void setup() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < N; i++) {
            x[i] = random.nextDouble(-5, 5);
            positive[i] = random.nextDouble(1e-6, 10);
        }
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] mathExp() {
        for (int i = 0; i < N; i++) {
            out[i] = Math.exp(x[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] strictExp() {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.exp(x[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] mathLog() {
        for (int i = 0; i < N; i++) {
            out[i] = Math.log(positive[i]);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] strictLog() {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.log(positive[i]);
        }
        return out;
    }

    /** Math.tanh is StrictMath.tanh on Java 17; it gains an intrinsic in later JDKs. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] strictTanh() {
        for (int i = 0; i < N; i++) {
            out[i] = StrictMath.tanh(x[i]);
        }
        return out;
    }

    /** The tensor engine's tanh as it is (its own exponential), over one 1,024-entry tensor. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double tensorTanh() {
        try (var scope = dev.jgrad.engine.NoGrad.enter()) {
            return dev.jgrad.tensor.Tensor.of(x, N).tanh().data()[N - 1];
        }
    }

    /** The same tanh on Math.exp, as it was, and on StrictMath.exp, the obvious reproducible form. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double[] tensorTanhOnMathExp() {
        for (int i = 0; i < N; i++) {
            out[i] = tanh(x[i], false);
        }
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(N)
    public double[] tensorTanhOnStrictExp() {
        for (int i = 0; i < N; i++) {
            out[i] = tanh(x[i], true);
        }
        return out;
    }

    /** A copy of Elementwise.tanh (package-private there) with the exponential to choose. */
    private static double tanh(double x, boolean strict) {
        double ax = Math.abs(x);
        if (ax < 0.55) {
            double y = x * x;
            double p = 2027025 + y * (270270 + y * (6930 + y * 36));
            double q = 2027025 + y * (945945 + y * (51975 + y * (630 + y)));
            return x * p / q;
        }
        if (ax > 20) {
            return Math.copySign(1, x);
        }
        double e = strict ? StrictMath.exp(-2 * ax) : Math.exp(-2 * ax);
        return Math.copySign((1 - e) / (1 + e), x);
    }
}
