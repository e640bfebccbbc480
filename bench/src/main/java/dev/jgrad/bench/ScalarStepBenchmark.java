package dev.jgrad.bench;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import java.util.ArrayList;
import java.util.List;
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
 * One forward + backward of micrograd's demo step on the scalar engine, written with plain
 * {@link Value} ops and no nn classes: MLP 2 → 16 → 16 → 1 (ReLU, linear out) over 100 points,
 * hinge loss mean(relu(1 − y·score)) plus 1e-4 · Σ p². Run with {@code -prof gc} for bytes per op;
 * divide by {@link #nodesPerStep()} (printed at setup) for bytes and nanoseconds per node.
 * {@code graph=micrograd} builds each Σ as micrograd does (0 + w₁x₁ + … + b, one node per +: about
 * 65,800 nodes, the graph micrograd times); {@code graph=sum} uses jgrad's n-ary {@code Value.sum}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ScalarStepBenchmark {
    private static final int[] SIZES = {2, 16, 16, 1};
    @Param({"sum", "micrograd"})
    public String graph;
    private double[][] x;
    private double[] y;
    private List<Value[][]> weights;   // per layer: [neuron][input weights..., bias]
    private List<Value> parameters;

    @Setup(Level.Trial)
    public void setUp() {
        Rng random = new Rng(1337);
        x = new double[100][];
        y = new double[100];
        for (int i = 0; i < 100; i++) {
            // micrograd's moons: two interleaving half circles with Gaussian-ish noise
            boolean upper = i < 50;
            double t = Math.PI * random.nextDouble();
            double px = upper ? Math.cos(t) : 1 - Math.cos(t);
            double py = upper ? Math.sin(t) : 0.5 - Math.sin(t);
            x[i] = new double[] {px + 0.1 * (random.nextDouble() - 0.5), py + 0.1 * (random.nextDouble() - 0.5)};
            y[i] = upper ? -1 : 1;
        }
        weights = new ArrayList<>();
        parameters = new ArrayList<>();
        for (int l = 0; l + 1 < SIZES.length; l++) {
            Value[][] layer = new Value[SIZES[l + 1]][SIZES[l] + 1];
            for (Value[] neuron : layer) {
                for (int i = 0; i < neuron.length; i++) {
                    neuron[i] = Value.of(i < SIZES[l] ? random.nextDouble(-1, 1) : 0);
                    parameters.add(neuron[i]);
                }
            }
            weights.add(layer);
        }
        System.out.println("\nnodes per step: " + nodesPerStep());
    }

    /** Forward over the whole batch, the loss, and backward; returns the loss node. */
    Value step() {
        for (Value p : parameters) {
            p.zeroGrad();
        }
        List<Value> losses = new ArrayList<>(x.length);
        for (int s = 0; s < x.length; s++) {
            Value[] act = {Value.of(x[s][0]), Value.of(x[s][1])};
            for (int l = 0; l < weights.size(); l++) {
                Value[][] layer = weights.get(l);
                Value[] next = new Value[layer.length];
                for (int n = 0; n < layer.length; n++) {
                    Value[] w = layer[n];
                    List<Value> terms = new ArrayList<>(w.length);
                    terms.add(w[act.length]); // the bias first: micrograd's sum(..., self.b) starts from it
                    for (int i = 0; i < act.length; i++) {
                        terms.add(w[i].mul(act[i]));
                    }
                    Value z = graph.equals("sum") ? Value.sum(terms) : chain(terms.get(0), terms.subList(1, terms.size()));
                    next[n] = l + 1 < weights.size() ? z.relu() : z;
                }
                act = next;
            }
            losses.add(act[0].mul(-y[s]).add(1).relu());
        }
        List<Value> squares = new ArrayList<>(parameters.size());
        for (Value p : parameters) {
            squares.add(p.mul(p));
        }
        Value loss = total(losses).mul(1.0 / x.length).add(total(squares).mul(1e-4));
        loss.backward();
        return loss;
    }

    /** Σ terms: one node, or Python's sum(terms) as micrograd runs it (0 + t₁ + t₂ + …). */
    private Value total(List<Value> terms) {
        return graph.equals("sum") ? Value.sum(terms) : chain(Value.of(0), terms);
    }

    private static Value chain(Value start, List<Value> terms) {
        Value s = start;
        for (Value t : terms) {
            s = s.add(t);
        }
        return s;
    }

    int nodesPerStep() {
        return step().topologicalOrder().size();
    }

    @Benchmark
    public double forwardBackward() {
        return step().data();
    }
}
