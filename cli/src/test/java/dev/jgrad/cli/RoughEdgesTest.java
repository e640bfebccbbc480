package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Settings that were ignored, misreported or answered with a silent number: each is now one line, or works. */
class RoughEdgesTest {
    @TempDir
    Path dir;

    private String out(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void anUnknownCommandWithHelpIsStillAUsageError() {
        Run r = MainTest.run("frobnicate", "--help");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("jgrad: unknown command 'frobnicate'; the commands are train,").hasLineCount(1);
        assertThat(MainTest.run("train", "--epochz", "3", "--help").code()).isEqualTo(2);
    }

    @Test
    void slipsOfTheKeyboardGetAGuess() {
        assertThat(MainTest.run("trian").err()).startsWith("jgrad: unknown command 'trian' (did you mean train?); the commands are");
        assertThat(MainTest.run("train", "--epochz", "3").err())
                .isEqualTo("jgrad: Unknown options: '--epochz', '3'; did you mean --epochs? (see 'jgrad train --help')\n");
        assertThat(MainTest.run("train", "--data", "moonz").err()).contains("unknown dataset 'moonz' (did you mean moons?)");
    }

    @Test
    void theExperimentIsNamedInAnyCaseAsEveryOtherChoice() {
        Run r = MainTest.run("experiment", "CIRCLE", "--hidden", "1");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 runs in");
    }

    @ParameterizedTest
    @ValueSource(strings = {"datasets", "version", "--help"})
    void aClosedPipeOnStandardOutputEndsQuietly(String command) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.jgrad.cli.Main", command));
        Process p = new ProcessBuilder(cmd).start();
        // closed before the JVM has started, so every write meets a closed pipe, as after `| head -0`
        p.getInputStream().close();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(err).isZero();
        assertThat(err).isEmpty();
    }

    @Test
    void theHelpShowsTheShellsWholeSummary() {
        assertThat(MainTest.run("--help").out().replaceAll("\\s+", " "))
                .contains("shell Start JShell with jgrad's packages imported and draw(v) for a value's graph.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jgrad.kernel | bogus | -Djgrad.kernel must be auto, plain or vector; got 'bogus'",
        "jgrad.threads | 0 | -Djgrad.threads must be a whole number from 1 to 256; got '0'",
        "jgrad.threads | -5 | -Djgrad.threads must be a whole number from 1 to 256; got '-5'",
        "jgrad.threads | 100000 | -Djgrad.threads must be a whole number from 1 to 256; got '100000'"})
    void aBadKernelPropertyIsRefusedNotIgnored(String property, String value, String message) {
        String before = System.getProperty(property);
        System.setProperty(property, value);
        try {
            Run r = MainTest.run("version");
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("jgrad: " + message + "\n");
        } finally {
            if (before == null) {
                System.clearProperty(property);
            } else {
                System.setProperty(property, before);
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
        "--data sine --plots --frame-every 3 => --frame-every sets boundary.gif's frames; regression draws fit.png, no animation",
        "--l1 1e308 => --l1 1.0E308 is too large: its penalty on the starting weights, β·Σ|p|, is Infinity",
        "--noise 1e300 => --noise must be at most 1000 (the data span a few units: more noise only buries them), got 1.0E300",
        "--data spiral --classes 2147483647 => --classes 2147483647 is more than the 200 points: each class needs one",
        "--points 2 => --val 0.2 of 2 points holds out none, so nothing would be validated; use --val 0 to train on all of them, or more points"})
    void anIgnoredOrMisreportedSettingIsAUsageError(String args, String message) {
        List<String> a = new ArrayList<>(List.of("train", "--epochs", "2", "--progress", "none", "--out", out("m")));
        a.addAll(List.of(args.trim().split(" ")));
        Run r = MainTest.run(a.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: " + message + "\n");
    }

    @Test
    void anActivationWithoutHiddenLayersIsWarnedAbout() {
        Run r = MainTest.run("train", "--hidden", "none", "--activation", "relu", "--epochs", "2", "--progress", "none", "--out", out("n"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("warning: --activation applies to hidden layers, and --hidden none has none: "
                + "relu is not used (--output-activation sets the output's)\n");
    }

    @Test
    void whatCannotFitIsRefusedAtOnce() throws IOException {
        Run points = MainTest.run("train", "--points", "2147483647", "--progress", "none", "--out", out("p"));
        assertThat(points.code()).isEqualTo(1);
        assertThat(points.err()).startsWith("jgrad: --points 2147483647 needs more memory than the").hasLineCount(1);
        Run matmul = MainTest.run("bench", "--matmul", "100000", "--workload", "circle-9");
        assertThat(matmul.code()).isEqualTo(1);
        assertThat(matmul.err()).startsWith("jgrad: --matmul 100000 needs more memory than the").hasLineCount(1);
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/dev/zero")));
        Run zero = MainTest.run("train", "--csv", "/dev/zero", "--progress", "none", "--out", out("z"));
        assertThat(zero.code()).isEqualTo(1);
        assertThat(zero.err()).isEqualTo("jgrad: /dev/zero: a device, not a file (jgrad reads files and pipes)\n");
    }

    @Test
    void aRegressionTargetTooLargeToScaleIsNamedAndIsADataProblem() throws IOException {
        Path csv = Files.writeString(dir.resolve("big.csv"), "x,y\n1,2\n2,1e308\n3,-1e308\n4,5\n5,6\n");
        Run r = MainTest.run("train", "--csv", csv.toString(), "--task", "regression", "--label", "y", "--val", "0",
                "--progress", "none", "--out", out("b"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("jgrad: the regression target: ").contains("too large to scale").hasLineCount(1);
    }

    @Test
    void aFeatureColumnTooLargeToScaleIsNamedByItsHeader() throws IOException {
        Path csv = Files.writeString(dir.resolve("wide.csv"), "a,big,label\n1,1e308,x\n2,-1e308,y\n3,1e308,x\n4,-1e308,y\n");
        for (String folds : new String[] {"", "2"}) {
            List<String> args = new ArrayList<>(List.of("train", "--csv", csv.toString(), "--progress", "none", "--out", out("w" + folds)));
            args.addAll(folds.isEmpty() ? List.of("--val", "0") : List.of("--folds", folds));
            Run r = MainTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("jgrad: column 'big' has shift ").contains("too large to scale").hasLineCount(1);
        }
    }

    @Test
    void aTrainingSplitWithoutAClassIsWarnedAbout() throws IOException {
        Path csv = Files.writeString(dir.resolve("two.csv"), "a,b,label\n1,2,x\n2,1,y\n");
        Run r = MainTest.run("train", "--csv", csv.toString(), "--val", "0.5", "--epochs", "2", "--progress", "none", "--out", out("t"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("warning: the training split \\(1 point\\) has no point of class [xy], so the model "
                + "cannot learn it; lower --val or use more data");
    }

    @Test
    void rSquaredOfOnePointIsUndefined() {
        Run r = MainTest.run("train", "--data", "sine", "--points", "1", "--val", "0", "--epochs", "2", "--progress", "none",
                "--out", out("s"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("R² undefined (1 point)").contains("(1 training, 0 validation points)");
    }

    @Test
    void predictReadsStandardInputAndReportsAccuracyForBuiltInData() throws IOException {
        Run t = MainTest.run("train", "--data", "moons", "--points", "50", "--epochs", "5", "--progress", "none", "--out", out("m"));
        assertThat(t.code()).as(t.err()).isZero();
        String rows = "x,y,label\n0.0,0.5,0\n1.5,-0.4,1\n";
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream(rows.getBytes(StandardCharsets.UTF_8)));
        Run r;
        try {
            r = MainTest.run("predict", "--model", out("m/model.json"), "--input", "-");
        } finally {
            System.setIn(stdin);
        }
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("x,y,label,prediction,score\n0.0,0.5,0,");
        assertThat(r.err()).contains("on 2 labelled rows");

        Path one = Files.writeString(dir.resolve("one.csv"), "x,y,label\n0.0,0.5,0\n");
        assertThat(MainTest.run("predict", "--model", out("m/model.json"), "--input", one.toString()).err())
                .contains("on 1 labelled row\n");
    }

    @Test
    void allowUnknownOnARegressionModelIsRefused() throws IOException {
        Run t = MainTest.run("train", "--data", "sine", "--points", "50", "--epochs", "2", "--progress", "none", "--out", out("r"));
        assertThat(t.code()).as(t.err()).isZero();
        Path rows = Files.writeString(dir.resolve("x.csv"), "x\n0.5\n");
        Run r = MainTest.run("predict", "--model", out("r/model.json"), "--input", rows.toString(), "--allow-unknown");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: --allow-unknown skips rows of classes a classifier never saw;").hasLineCount(1);
    }

    @Test
    void aNumberBeyondADoublesRangeIsNamedInTheWarning() {
        Run r = MainTest.run("graph", "a*1e400", "--set", "a=1", "-o", out("g.dot"));
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("jgrad: warning: 2 values are NaN or infinite, first a number in the expression = Infinity "
                + "(beyond a double's range of about ±1.8e308)\n");
    }

    @ParameterizedTest
    @CsvSource({"0.12345678901234, true, 0.123457", "0.12345678901234, false, 0.12345678901234", "0.99999999999, true, 1",
        "-3.5e-7, true, -3.5E-7", "0.0, true, 0.0"})
    void probabilitiesReadAtATerminalKeepSixSignificantDigits(double v, boolean terminal, String shown) {
        assertThat(PredictCommand.figure(v, terminal)).isEqualTo(shown);
    }
}
