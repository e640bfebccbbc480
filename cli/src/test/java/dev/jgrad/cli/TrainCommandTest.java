package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Choices;
import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Datasets;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.optim.ScheduleKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainingWritesTheModelTheMetricsAndASummary() throws IOException {
        Run r = MainTest.run("train", "--data", "moons", "--epochs", "30", "--hidden", "8", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained MLP 2 → 8 relu → 1 linear (33 parameters) on moons (160 training, 40 validation points)")
                .contains("final: train loss").contains("wrote " + dir.resolve("model.json"));
        List<String> metrics = Files.readAllLines(dir.resolve("metrics.csv"));
        assertThat(metrics).hasSize(31);
        assertThat(metrics.get(0)).isEqualTo("epoch,train_loss,train_accuracy,val_loss,val_accuracy,elapsed_s");
        ModelFile model = ModelFile.load(dir.resolve("model.json"));
        assertThat(model.network().parameterCount()).isEqualTo(33);
        assertThat(model.metadata()).containsEntry("loss", "bce").containsEntry("features", List.of("x", "y"));
    }

    @Test
    void notOnATerminalProgressIsAPlainLineEveryTenthOfTheRun() {
        Run r = MainTest.run("train", "--data", "xor", "--epochs", "20", "--hidden", "4", "--out", dir.toString());
        assertThat(r.out().lines().filter(l -> l.startsWith("epoch ")).toList()).hasSize(10);
        assertThat(r.out()).doesNotContain("\r");
    }

    @Test
    void theSameSeedWritesBitIdenticalMetrics() throws IOException {
        String[] args = {"train", "--data", "circle", "--epochs", "5", "--batch", "8", "--optimizer", "sgd", "--momentum", "0.9",
            "--schedule", "cosine", "--seed", "3", "--progress", "none", "--out"};
        MainTest.run(concat(args, dir.resolve("a").toString()));
        MainTest.run(concat(args, dir.resolve("b").toString()));
        String a = Files.readString(dir.resolve("a/metrics.csv"));
        assertThat(MetricsCsv.withoutElapsed(a)).isEqualTo(MetricsCsv.withoutElapsed(Files.readString(dir.resolve("b/metrics.csv"))))
                .hasLineCount(6).doesNotContain("elapsed_s");
        assertThat(a).contains(",elapsed_s\n");
    }

    @Test
    void theTensorEngineTrainsTheSameNetworkToTheSameMetrics() throws IOException {
        String[] args = {"train", "--data", "moons", "--epochs", "10", "--hidden", "6,6", "--progress", "none", "--out"};
        MainTest.run(concat(args, dir.resolve("s").toString(), "--engine", "scalar"));
        MainTest.run(concat(args, dir.resolve("t").toString(), "--engine", "tensor"));
        List<String> scalar = Files.readAllLines(dir.resolve("s/metrics.csv"));
        List<String> tensor = Files.readAllLines(dir.resolve("t/metrics.csv"));
        double a = Double.parseDouble(scalar.get(10).split(",")[1]);
        double b = Double.parseDouble(tensor.get(10).split(",")[1]);
        assertThat(b).isCloseTo(a, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void trainingOnACsvRecordsItsColumnsAndClasses() throws IOException {
        Path csv = Files.writeString(dir.resolve("points.csv"), "u,v,kind\n" + "0,0,in\n1,1,out\n0.1,0,in\n1,0.9,out\n".repeat(5));
        Run r = MainTest.run("train", "--csv", csv.toString(), "--label", "kind", "--epochs", "50", "--hidden", "4",
                "--progress", "none", "--out", dir.resolve("m").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> meta = ModelFile.load(dir.resolve("m/model.json")).metadata();
        assertThat(meta).containsEntry("features", List.of("u", "v")).containsEntry("classes", List.of("in", "out"))
                .containsEntry("labelColumn", "kind");
        assertThat(Json.parse(Files.readString(dir.resolve("m/model.json")))).isInstanceOf(Map.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--loss foo | unknown loss 'foo'; expected one of mse, hinge, bce, cross-entropy",
        "--data blobs | unknown dataset 'blobs'; expected one of circle, moons, xor, spiral, gauss, sine, plane, gaussian-mixture",
        "--batch half | --batch must be 1, a batch size ≥ 1, or full; got 'half'",
        "--optimizer rmsprop | unknown optimizer 'rmsprop'; expected one of sgd, adam, adamw",
        "--schedule exp | unknown schedule 'exp'; expected one of constant, linear, step, cosine",
        "--progress bar | unknown progress 'bar'; expected one of auto, line, plain, none",
        "--engine gpu | unknown engine 'gpu'; expected one of auto, scalar, tensor",
        "--val 1.5 | --val must be in [0, 1), got 1.5",
        "--lr -1 | --lr must be > 0, got -1",
        "--epochs 0 | --epochs must be ≥ 1, got 0",
        "--weight-decay -1 | --weight-decay must be ≥ 0, got -1",
        "--momentum 1.5 --optimizer sgd | --momentum must be in [0, 1), got 1.5",
        "--momentum 0.9 | --momentum applies to sgd only; adam and adamw have their own",
        "--hidden 16,0 | --hidden sizes must be ≥ 1, got 0",
        "--points 2 --val 0.9 | --val 0.9 holds out all 2 points, leaving none to train on; lower it or use more points",
        "--csv nowhere.csv --data moons | --data does not apply with --csv: the file holds the data",
        "--csv nowhere.csv --classes 3 | --classes does not apply with --csv: the file holds the data",
        "--label kind | --label applies to --csv only",
        "--classes 3 --data moons | --classes applies to spiral and gauss; moons always has 2 classes",
        "--frame-every 5 | --frame-every applies with --plots only",
        "--data gauss --classes 1 | --classes must be ≥ 2, got 1",
        "--noise -0.5 | --noise must be ≥ 0, got -0.5",
        "--activation gelu | unknown activation 'gelu'; expected one of tanh, relu, sigmoid, linear",
        "--data spiral --loss hinge | hinge loss needs 2 classes, the data has 3; use cross-entropy or mse"})
    void aBadArgumentIsOneLineAndExitCodeTwo(String args, String message) {
        Run r = MainTest.run(concat(concat(new String[] {"train"}, args.trim().split(" ")), "--out", dir.toString()));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: " + message + System.lineSeparator());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--schedule bogus | unknown schedule 'bogus'; expected one of constant, linear, step, cosine",
        "--optimizer bogus | unknown optimizer 'bogus'; expected one of sgd, adam, adamw",
        "--loss bogus | unknown loss 'bogus'; expected one of mse, hinge, bce, cross-entropy",
        "--progress bogus | unknown progress 'bogus'; expected one of auto, line, plain, none",
        "--batch bogus | --batch must be 1, a batch size ≥ 1, or full; got 'bogus'"})
    void aBadNameIsReportedBeforeTheCsvIsRead(String option, String message) {
        String[] name = option.trim().split(" ");
        Run r = MainTest.run("train", "--csv", dir.resolve("missing.csv").toString(), name[0], name[1],
                "--out", dir.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: " + message + System.lineSeparator());
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void aBadCsvIsOneLineNamingFileLineAndColumnAndExitCodeOne() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "x,y,label\n1,2,0\n3,?,1\n");
        Run r = MainTest.run("train", "--csv", csv.toString(), "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + csv + ":3: column 2 ('y'): '?' is not a finite number" + System.lineSeparator());
        assertThat(dir.resolve("model.json")).doesNotExist();
    }

    @Test
    void aDivergingLossStopsWithOneLineNamingEpochAndStepAndExitCodeOne() {
        Run r = MainTest.run("train", "--data", "circle", "--activation", "relu", "--loss", "mse", "--optimizer", "sgd",
                "--lr", "1e6", "--batch", "1", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).matches("jgrad: the loss became (NaN|Infinity) at epoch 1, step \\d+ of 160; try a smaller learning rate\\R");
        assertThat(dir.resolve("model.json")).doesNotExist();
    }

    @Test
    void anUnusableOutputIsAUsageErrorBeforeTrainingStarts() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "");
        Run r = MainTest.run("train", "--data", "xor", "--epochs", "100000", "--out", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --out " + file + ": is a file, not a directory" + System.lineSeparator());
        assertThat(r.out()).isEmpty();

        Run below = MainTest.run("train", "--epochs", "100000", "--out", file.resolve("sub").toString());
        assertThat(below.err()).isEqualTo("jgrad: --out " + file.resolve("sub") + ": cannot be created, " + file + " is a file"
                + System.lineSeparator());
        Run empty = MainTest.run("train", "--epochs", "100000", "--out", "");
        assertThat(empty.err()).isEqualTo("jgrad: Invalid value for option '--out': an empty path names no file or directory "
                + "(see 'jgrad train --help')" + System.lineSeparator());

        Path model = Files.createDirectories(dir.resolve("o/model.json"));
        Run blocked = MainTest.run("train", "--epochs", "100000", "--out", dir.resolve("o").toString());
        assertThat(blocked.code()).isEqualTo(2);
        assertThat(blocked.err()).isEqualTo("jgrad: --out " + dir.resolve("o") + ": " + model + " is a directory, not a file"
                + System.lineSeparator());
        assertThat(dir.resolve("o/metrics.csv")).doesNotExist();

        Path gif = Files.createDirectories(dir.resolve("p/boundary.gif"));
        Run pictures = MainTest.run("train", "--epochs", "100000", "--plots", "--out", dir.resolve("p").toString());
        assertThat(pictures.err()).isEqualTo("jgrad: --out " + dir.resolve("p") + ": " + gif + " is a directory, not a file"
                + System.lineSeparator());
    }

    @Test
    void anOutThroughAFolderNotYetMadeIsResolvedBeforeTraining() throws IOException {
        Run r = MainTest.run("train", "--data", "xor", "--epochs", "2", "--progress", "none",
                "--out", dir.resolve("m/nx/../nx2").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(dir.resolve("m/nx2/model.json"))).contains("\"layers\"");
        assertThat(dir.resolve("m/nx")).doesNotExist();
    }

    @Test
    void oldFilesThatAreLinksOrNotUtf8AreReplacedNotFollowedOrDecoded() throws IOException {
        Path out = Files.createDirectories(dir.resolve("o"));
        Path nowhere = dir.resolve("nonexistent/dir/model.json");
        Files.createSymbolicLink(out.resolve("model.json"), nowhere);
        Files.write(out.resolve("metrics.csv"), "caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Run r = MainTest.run("train", "--data", "xor", "--epochs", "2", "--progress", "none", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(dir.resolve("nonexistent")).doesNotExist();
        assertThat(Files.readString(out.resolve("model.json"))).contains("\"layers\"");
        assertThat(Files.readString(out.resolve("metrics.csv"))).startsWith("epoch,");
    }

    @Test
    void aFailedRunLeavesNoDirectoryItCreated() {
        Path out = dir.resolve("new/deeper");
        Run r = MainTest.run("train", "--data", "circle", "--loss", "mse", "--optimizer", "sgd", "--lr", "1e6", "--batch", "1",
                "--plots", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void theModelRecordsHowItWasTrained() throws IOException {
        Run r = MainTest.run("train", "--data", "xor", "--epochs", "3", "--hidden", "5,3", "--optimizer", "sgd", "--momentum", "0.5",
                "--schedule", "cosine", "--l2", "0.001", "--init", "he", "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(ModelFile.load(dir.resolve("model.json")).metadata())
                .containsEntry("hidden", List.of(5.0, 3.0)).containsEntry("activation", "relu").containsEntry("init", "he")
                .containsEntry("optimizer", "sgd").containsEntry("lr", 0.1).containsEntry("schedule", "cosine")
                .containsEntry("momentum", 0.5).containsEntry("weightDecay", 0.0).containsEntry("l2", 0.001)
                .containsEntry("loss", "bce").containsEntry("epochs", 3.0).containsEntry("batch", "full").containsEntry("seed", 42.0);
    }

    @Test
    void theAutoEngineSaysWhichItPickedAndRecordsIt() throws IOException {
        Run small = MainTest.run("train", "--data", "circle", "--hidden", "9", "--batch", "1", "--epochs", "1",
                "--progress", "none", "--out", dir.resolve("s").toString());
        assertThat(small.code()).as(small.err()).isZero();
        assertThat(small.out()).startsWith("engine: scalar (auto: per-sample steps of a 37-parameter model")
                .contains("scalar engine:");
        assertThat(ModelFile.load(dir.resolve("s/model.json")).metadata()).containsEntry("engine", "scalar");
        Run batched = MainTest.run("train", "--data", "circle", "--hidden", "9", "--epochs", "1", "--progress", "none",
                "--out", dir.resolve("t").toString());
        assertThat(batched.out()).startsWith("engine: tensor (auto:");
        assertThat(ModelFile.load(dir.resolve("t/model.json")).metadata()).containsEntry("engine", "tensor");
    }

    @Test
    void namesInAnyCaseAreRecordedInLowerCase() throws IOException {
        Run r = MainTest.run("train", "--data", "xor", "--epochs", "2", "--hidden", "3", "--engine", "TENSOR",
                "--activation", "Tanh", "--init", "HE", "--optimizer", "SGD", "--schedule", "Cosine", "--batch", "FULL",
                "--progress", "NONE", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("tensor engine").doesNotContain("TENSOR");
        assertThat(ModelFile.load(dir.resolve("model.json")).metadata())
                .containsEntry("engine", "tensor").containsEntry("activation", "tanh").containsEntry("init", "he")
                .containsEntry("optimizer", "sgd").containsEntry("schedule", "cosine").containsEntry("batch", "full");
    }

    @Test
    void aDatasetNamedInAnyCaseIsGeneratedAndRecordedInLowerCase() throws IOException {
        Run r = MainTest.run("train", "--data", "MOONS", "--epochs", "1", "--hidden", "3", "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains(" on moons (");
        assertThat(ModelFile.load(dir.resolve("model.json")).metadata()).containsEntry("dataset", "moons");
    }

    /** The help texts are written by hand (picocli wants constants): this keeps them naming every choice core knows. */
    @Test
    void theHelpOfEachNamedOptionListsEveryChoice() {
        String help = MainTest.run("train", "--help").out();
        Map<String, Choices<?>> options = Map.of("--data", Datasets.CHOICES, "--activation", Activation.CHOICES,
                "--init", Init.CHOICES, "--loss", Loss.CHOICES, "--optimizer", OptimizerKind.CHOICES,
                "--schedule", ScheduleKind.CHOICES, "--progress", Progress.CHOICES, "--scale", dev.jgrad.data.Scaling.CHOICES);
        options.forEach((option, choices) -> {
            String text = help(help, option);
            for (String id : choices.ids()) {
                assertThat(text).as(option).containsPattern("(^|[\\s:])" + id + "\\b");
            }
        });
    }

    /** The description of {@code option} in a help text, on one line. */
    private static String help(String help, String option) {
        StringBuilder text = new StringBuilder();
        boolean in = false;
        for (String line : help.lines().toList()) {
            String t = line.trim();
            if (t.startsWith("-")) {
                in = t.startsWith(option + "=");
            }
            if (in) {
                text.append(' ').append(t);
            }
        }
        return text.toString().replace(option + "=", "");
    }

    @Test
    void everySubcommandExplainsItselfWithHelp() {
        for (String command : new String[] {"train", "predict", "datasets", "experiment"}) {
            Run r = MainTest.run(command, "--help");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("Usage: jgrad " + command);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
