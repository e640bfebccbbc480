package dev.jgrad.bench;

import dev.jgrad.app.Workload;
import dev.jgrad.data.Batch;
import dev.jgrad.nn.Engine;
import dev.jgrad.tensor.JvmKernels;
import dev.jgrad.train.Learner;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One full-batch training step (forward, loss, backward, SGD update) of the shared workloads W1–W4
 * on either engine, the same work {@code jgrad bench} times. The scalar engine skips W3 and W4
 * (millions of nodes a step). {@code -jvmArgsAppend -Djgrad.threads=1} measures one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {
    @Param({"circle-9", "moons-16x16", "circle-64x64", "mlp-784-128-10"})
    public String workload;
    @Param({"tensor", "scalar"})
    public String engine;
    private Batch batch;
    private Learner learner;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        JvmKernels.install();
        Workload w = Workload.CHOICES.parse(workload);
        Engine e = Engine.CHOICES.parse(engine);
        if (!w.feasibleOn(e)) {
            throw new IllegalStateException("skipped: " + workload + " on the " + engine + " engine builds millions of nodes a step");
        }
        batch = w.data(1).batch();
        learner = w.learner(e, 2);
    }

    @Benchmark
    public double step() {
        return learner.step(batch);
    }
}
