package dev.jgrad.bench;

import dev.jgrad.base.Rng;
import dev.jgrad.io.CsvFormat;
import dev.jgrad.io.Table;
import dev.jgrad.io.TableStream;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a Fashion-MNIST-sized CSV (60,000 rows of a label and 784 pixels, 0–255: about 130 MB) into
 * a {@link Table}, and predicting 10,000 such rows a block at a time through a frozen 784-32-10
 * network, as {@code jgrad predict} does. {@code -Djgrad.bench.train=FILE} and
 * {@code -Djgrad.bench.test=FILE} read real files instead (docs/performance.md makes them from the
 * IDX files); otherwise seeded pixels are written to a temporary folder first. With -Xmx1g, as the
 * fork runs it, the read must also fit in the heap: twice the 377 MB of its numbers at most.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TableReadBenchmark {
    private Path dir;
    private Path train;
    private Path test;
    private Model model;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("jgrad-read");
        train = file("jgrad.bench.train", "train.csv", 60_000);
        test = file("jgrad.bench.test", "test.csv", 10_000);
        Network n = Network.initialise(784, List.of(32, 10), Network.activations(2, Activation.RELU, Activation.LINEAR),
                Init.PYTORCH, new Rng(1));
        model = n.frozen();
    }

    private Path file(String property, String name, int rows) throws IOException {
        String given = System.getProperty(property);
        if (given != null) {
            return Path.of(given);
        }
        Path f = dir.resolve(name);
        Rng r = new Rng(rows);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("label," + String.join(",", IntStream.rangeClosed(1, 784).mapToObj(i -> "pixel" + i).toList()) + "\n");
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(r.nextInt(10));
                for (int j = 0; j < 784; j++) {
                    // About half the pixels of a garment are background, as in Fashion-MNIST.
                    line.append(',').append(r.nextInt(2) == 0 ? 0 : r.nextInt(256));
                }
                w.write(line.append('\n').toString());
            }
        }
        return f;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        for (Path p : List.of(dir.resolve("train.csv"), dir.resolve("test.csv"), dir)) {
            Files.deleteIfExists(p);
        }
    }

    /** The whole training file into columns. */
    @Benchmark
    public int read() throws IOException {
        return Table.read(train, CsvFormat.DEFAULT.withText(List.of("label"))).rows();
    }

    /** The test file a block at a time: its numbers, each row's class from the network, each row written back with it. */
    @Benchmark
    public long predict() throws IOException {
        long written = 0;
        StringBuilder out = new StringBuilder();
        try (TableStream in = TableStream.open(test, CsvFormat.DEFAULT.withText(List.of("label")))) {
            List<Integer> pixels = IntStream.rangeClosed(1, 784).boxed().toList();
            for (Table t; (t = in.next()) != null; ) {
                double[][] x = t.numbers(pixels);
                for (int i = 0; i < x.length; i++) {
                    double[] o = model.predict(x[i]);
                    int best = 0;
                    for (int k = 1; k < o.length; k++) {
                        best = o[k] > o[best] ? k : best;
                    }
                    out.append(in.line(i)).append(',').append(best).append('\n');
                }
                written += out.length();
                out.setLength(0);
            }
        }
        return written;
    }
}
