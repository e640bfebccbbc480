package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.train.EpochMetrics;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the JavaScript TeaVM made of {@link Experiment} in Node and reads what it printed. */
class ExperimentTest {
    /** The compiled file, passed in by the pom (TeaVM writes it in process-classes, before the tests). */
    private static final Path SCRIPT = Path.of(System.getProperty("jgrad.web.js", "target/javascript/jgrad.js"));
    /** TeaVM's CommonJS output only exports main(args): loading the file alone runs nothing. */
    private static final String RUN = "require(process.argv[1]).main(process.argv.slice(2))";
    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    @Test
    void theCompiledExperimentReachesThePostsTrainAccuracyInNode() throws IOException, InterruptedException {
        String out = runInNode(Long.toString(Experiment.SEED));

        assertThat(number(out, "train accuracy")).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void theTensorEngineScoresTheTrainedWeightsAsTheScalarEngineDoesInNode() throws IOException, InterruptedException {
        String out = runInNode(Long.toString(Experiment.SEED));

        // The tensor engine reached the matrix kernels: plain loops in one thread, as in a browser.
        assertThat(number(out, "tensor train accuracy")).isEqualTo(number(out, "train accuracy"));
    }

    @Test
    void aSeedTrainsTheSameNetworkInNodeAsOnTheJvm() throws IOException, InterruptedException {
        String out = runInNode("7");

        EpochMetrics jvm = CircleExperiment.run(9, 7).last();
        // The same seed draws the same points, weights and shuffles (the 64-bit generator is
        // emulated in JavaScript), so only Math.tanh's last bits may differ between V8 and the JVM:
        // the loss agrees to far better than a millionth, the accuracy exactly.
        assertThat(number(out, "train loss")).isCloseTo(jvm.trainLoss(), withinPercentage(1e-4));
        assertThat(number(out, "train accuracy")).isEqualTo(jvm.trainAccuracy());
    }

    /** The number after {@code label} on a line of its own. */
    private static double number(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + label + " (\\S+)$").matcher(out);
        assertThat(m.find()).as("a '%s' line in node's output:%n%s", label, out).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /**
     * Node's stdout from the script's main with these arguments, after checking that node exited
     * normally; skips when there is no node (fails in CI, which installs it: see .ci/run).
     */
    private String runInNode(String... args) throws IOException, InterruptedException {
        Optional<Path> node = node();
        // A developer machine without node skips, so the README's test command passes with only a JDK.
        if (System.getenv("CI") != null) {
            assertThat(node).as("node on the PATH in CI").isPresent();
        }
        assumeTrue(node.isPresent(), "Node is not installed: the JavaScript was built, its run is skipped");
        assertThat(SCRIPT).as("TeaVM's output").isRegularFile();

        Path stdout = Files.createTempFile(dir, "stdout", ".txt"), stderr = Files.createTempFile(dir, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(node.get().toString(), "-e", RUN,
                SCRIPT.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        // Output to files, so that no pipe can fill up and stall node.
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("node did not finish within " + TIMEOUT_SECONDS + " s; its output so far:\n"
                    + Files.readString(stdout) + Files.readString(stderr));
        }
        assertThat(p.exitValue()).as("node's exit code; its stderr:%n%s", Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }

    /** {@code node} (or {@code node.exe}) from the PATH, if it is there. */
    private static Optional<Path> node() {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("node", "node.exe")) {
                Path p = Path.of(d.isEmpty() ? "." : d, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
