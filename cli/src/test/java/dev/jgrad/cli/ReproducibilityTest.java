package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The same seed gives the same bits whatever the kernel, thread count, vector width or JIT tier. Each setting
 * needs a JVM of its own: the system properties and the vector module are read once, at start, so
 * each run is {@code java … dev.jgrad.cli.Main} in a child process, as the launcher starts it.
 */
class ReproducibilityTest {
    private static final String MODULE = "--add-modules=jdk.incubator.vector";
    /**
     * Spiral data, full batches of 264 points (330 less a fifth held out) through layers of 192 and 190 units,
     * relu then tanh: the least that still takes every path whose order of operations could change a bit, in
     * both dtypes (the thresholds are the same for float32 and float64), the layers' bias, activation and
     * slopes among them (the vector passes with the vector kernel; a row of 190 ends in less than a vector).
     * The hidden-to-hidden products, forward and both backward, are 264·192·190 = 9.6M multiply-adds, past
     * Kernels' THREADS_FROM (2^23 = 8.4M), so with two threads they are split by rows, each block's passes
     * on the thread that computed it; the weight gradient's k, 264 points, is past the vector kernels' KC
     * (256), so its tiles run two KC blocks, the second starting from C; 264 and 192 rows are past MC (96);
     * the forced vector settings take the vector kernel and passes at any size. Two epochs: the second
     * step's products run on the first step's weights.
     */
    private static final String[] TRAIN = {"train", "--data", "spiral", "--classes", "3", "--points", "330",
        "--hidden", "192,190", "--activation", "relu,tanh", "--epochs", "2", "--engine", "tensor",
        "--progress", "none", "--seed", "9"};

    @TempDir
    Path dir;

    /** A setting's JVM options and what {@code jgrad version} must then say of the kernels. */
    record Setting(String name, List<String> options, String kernel) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> settings() {
        return Stream.of(
                new Setting("no vector module", List.of(), "plain loops with fused multiply-adds (the Vector API"),
                // how ./jgrad runs a small table's training: the quick compiler alone, no vector module
                new Setting("quick JIT", List.of("-XX:TieredStopAtLevel=1"), "plain loops with fused multiply-adds (the Vector API"),
                new Setting("plain", List.of(MODULE, "-Djgrad.kernel=plain"), "plain loops with fused multiply-adds (forced)"),
                new Setting("vector", List.of(MODULE, "-Djgrad.kernel=vector"), "Vector API kernel ("),
                new Setting("1 thread", List.of(MODULE, "-Djgrad.threads=1"), "1 thread(s)"),
                new Setting("2 threads", List.of(MODULE, "-Djgrad.threads=2"), "2 thread(s)"),
                new Setting("vector, 2 lanes", List.of(MODULE, "-Djgrad.kernel=vector", "-XX:MaxVectorSize=16"),
                        "Vector API kernel (2 float64 lanes"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void eachSettingRunsTheKernelsItAsksFor(Setting s) throws IOException, InterruptedException {
        assertThat(jgrad(s, "version")).contains("matrix kernel: ").contains(s.kernel());
    }

    /** In each dtype: float32 has its own kernels (16 lanes on AVX-512), held to the same promise. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"float64", "float32"})
    void everySettingTrainsToTheSameMetricsAndWeights(String dtype) throws IOException, InterruptedException {
        List<Setting> all = settings().map(a -> (Setting) a.get()[0]).toList();
        // Two runs at a time: each is a JVM of its own writing its own folder, and a machine has two cores.
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                List<String> args = new ArrayList<>(List.of(TRAIN));
                args.addAll(List.of("--dtype", dtype, "--out", dir.resolve("run" + i).toString()));
                Setting s = all.get(i);
                runs.add(two.submit(() -> jgrad(s, args.toArray(String[]::new))));
            }
            for (Future<String> run : runs) {
                run.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            two.shutdownNow();
        }
        // elapsed_s, the wall time at each epoch's end, is the one column that may differ: compare the rest.
        String metrics = MetricsCsv.withoutElapsed(Files.readString(dir.resolve("run0/metrics.csv")));
        String model = Files.readString(dir.resolve("run0/model.json"));
        assertThat(metrics.lines()).hasSize(3);
        assertThat(model).contains("\"dtype\": \"" + dtype + "\"");
        for (int i = 1; i < all.size(); i++) {
            assertThat(MetricsCsv.withoutElapsed(Files.readString(dir.resolve("run" + i + "/metrics.csv"))))
                    .as("metrics, %s", all.get(i))
                    .isEqualTo(metrics);
            assertThat(Files.readString(dir.resolve("run" + i + "/model.json"))).as("weights, %s", all.get(i))
                    .isEqualTo(model);
        }
    }

    /** Runs jgrad in a child JVM with the setting's options; returns its output, failing on a non-zero exit. */
    private String jgrad(Setting s, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+IgnoreUnrecognizedVMOptions");
        command.addAll(s.options());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "jgrad", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(done && p.exitValue() == 0).as("%s %s exited normally:%n%s", s, String.join(" ", args), out).isTrue();
        return out;
    }
}
