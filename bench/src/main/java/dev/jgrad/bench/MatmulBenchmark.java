package dev.jgrad.bench;

import dev.jgrad.engine.NoGrad;
import dev.jgrad.tensor.JvmKernels;
import dev.jgrad.tensor.Tensor;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Dense n × n float64 products through {@link Tensor#matmul} (no graph): GFLOP/s = 2n³ / time.
 * {@code -jvmArgsAppend -Djgrad.threads=1} for one core, {@code -Djgrad.kernel=plain} for the oracle.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class MatmulBenchmark {
    @Param({"128", "256", "512", "1024"})
    public int n;
    private Tensor a;
    private Tensor b;

    @Setup(Level.Trial)
    public void setUp() {
        JvmKernels.install();
        SplittableRandom random = new SplittableRandom(n);
        a = Tensor.of(random.doubles((long) n * n, -1, 1).toArray(), n, n);
        b = Tensor.of(random.doubles((long) n * n, -1, 1).toArray(), n, n);
    }

    @Benchmark
    public Tensor product() {
        try (NoGrad scope = NoGrad.enter()) {
            return a.matmul(b);
        }
    }
}
