package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictCommandTest {
    @TempDir
    Path dir;

    private Path trained() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "u,v,kind\n" + "0,0,in\n2,2,out\n0.1,0,in\n2,1.9,out\n".repeat(5));
        Run r = MainTest.run("train", "--csv", csv.toString(), "--label", "kind", "--epochs", "300", "--hidden", "4", "--activation", "tanh",
                "--val", "0", "--progress", "none", "--out", dir.resolve("m").toString());
        assertThat(r.code()).as(r.err()).isZero();
        return dir.resolve("m/model.json");
    }

    @Test
    void predictionsNameTheClassesAndAccuracyIsReportedWhenLabelsArePresent() throws IOException {
        Path model = trained();
        Path input = Files.writeString(dir.resolve("new.csv"), "kind,v,u\nin,0.05,0.05\nout,2,2.1\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("kind,v,u,prediction,score");
        assertThat(lines.get(1)).startsWith("in,0.05,0.05,in,-");
        assertThat(lines.get(2)).startsWith("out,2,2.1,out,");
        assertThat(r.err()).contains("accuracy 1.000 on 2 labelled rows");
    }

    /** --features x1sq,x2sq: model.json records the transform, and predict squares the raw columns x, y itself. */
    @Test
    void aModelTrainedOnTransformedFeaturesPredictsFromTheRawColumns() throws IOException {
        Run t = MainTest.run("train", "--data", "circle", "--points", "300", "--features", "x1sq,x2sq", "--hidden", "2",
                "--activation", "tanh", "--epochs", "60", "--lr", "0.05", "--progress", "none", "--out", dir.resolve("c").toString());
        assertThat(t.code()).as(t.err()).isZero();
        Path model = dir.resolve("c/model.json");
        assertThat(Files.readString(model)).contains("\"transform\": [\"x1sq\", \"x2sq\"]");
        Path input = Files.writeString(dir.resolve("points.csv"), "x,y,label\n0.1,-0.2,1\n1.1,-1.0,0\n-0.3,0.2,1\n-1.2,1.1,0\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out().lines().skip(1).map(l -> l.split(",")[3])).containsExactly("inside", "outside", "inside", "outside");

        Run bad = MainTest.run("train", "--data", "circle", "--features", "x1,x3", "--progress", "none", "--out", dir.resolve("d").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown feature 'x3'");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/dev/stdout", "/dev/stderr"})
    void predictionsCanGoToAPipeNamedByTheKernel(String file) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(Path.of("/proc/self/fd/1")), "no /proc here");
        Path model = trained();
        Path input = Files.writeString(dir.resolve("new.csv"), "u,v\n0,0\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.jgrad.cli.Main", "predict", "--model", model.toString(),
                "--input", input.toString(), "-o", file).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).startsWith("u,v,prediction,score\n0,0,in,");
    }

    @Test
    void predictionsCanGoToAFile() throws IOException {
        Path model = trained();
        Path input = Files.writeString(dir.resolve("new.csv"), "u,v\n0,0\n");
        Path output = dir.resolve("out/p.csv");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString(), "-o", output.toString());
        assertThat(r.code()).isZero();
        assertThat(Files.readAllLines(output).get(1)).startsWith("0,0,in,");
    }

    @Test
    void aCorruptModelOrAMissingColumnIsOneLineWithExitCodeOne() throws IOException {
        Path model = trained();
        String json = Files.readString(model);
        Files.writeString(model, json.substring(0, json.length() - 40));
        Path input = Files.writeString(dir.resolve("new.csv"), "u,v\n0,0\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("jgrad: " + model + ": invalid JSON at line ").hasLineCount(1);

        Path fresh = trained();
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "a,b\n0,0\n");
        Run missing = MainTest.run("predict", "--model", fresh.toString(), "--input", wrong.toString());
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("jgrad: " + wrong + ": missing columns u, v (expected u, v; the file has a, b)"
                + System.lineSeparator());
    }

    @Test
    void missingOptionsAreUsageErrors() {
        Run r = MainTest.run("predict", "--input", "x.csv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: Missing required option: '--model=FILE'");
    }

    @Test
    void aLossThatDoesNotFitTheOutputsIsAnErrorNamingTheModel() throws IOException {
        Path model = trained();
        Files.writeString(model, Files.readString(model).replace("\"loss\": \"bce\"", "\"loss\": \"cross-entropy\""));
        Path input = Files.writeString(dir.resolve("new.csv"), "u,v\n0,0\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + model + ": cross-entropy loss for 2 classes needs 2 outputs, the model has 1"
                + System.lineSeparator());
    }

    @Test
    void directoriesWhereFilesShouldBeAreNamed() throws IOException {
        Path model = trained();
        Path input = Files.writeString(dir.resolve("new.csv"), "u,v\n0,0\n");
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Files.writeString(folder.resolve("inside"), "");
        assertThat(MainTest.run("predict", "--model", folder.toString(), "--input", input.toString()).err())
                .isEqualTo("jgrad: " + folder + ": is a directory, not a model file" + System.lineSeparator());
        assertThat(MainTest.run("predict", "--model", model.toString(), "--input", folder.toString()).err())
                .isEqualTo("jgrad: " + folder + ": is a directory" + System.lineSeparator());
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString(), "-o", folder.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: -o " + folder + ": is a directory; give a file, e.g. -o predictions.csv"
                + System.lineSeparator());
    }

    @Test
    void aModelWhoseOutputIsNaNNamesTheRowInsteadOfGivingAClass() throws IOException {
        dev.jgrad.nn.Network huge = new dev.jgrad.nn.Network(2, List.of(
                new dev.jgrad.nn.Network.Dense(new double[][] {{1e308, 1e308}, {1e308, 1e308}}, new double[2], dev.jgrad.nn.Activation.LINEAR),
                new dev.jgrad.nn.Network.Dense(new double[][] {{1e308, -1e308}}, new double[1], dev.jgrad.nn.Activation.LINEAR)));
        Path model = dir.resolve("huge.json");
        new dev.jgrad.io.ModelFile(huge, java.util.Map.of("loss", "bce", "classes", List.of("no", "yes"))).save(model);
        Path input = Files.writeString(dir.resolve("rows.csv"), "u,v\n10,10\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("jgrad: " + input + ":2: the model's output is NaN");
    }

    @Test
    void predictingOnItsOwnOutputWritesACsvJgradCanReadAgain() throws IOException {
        Path model = trained();
        Path input = Files.writeString(dir.resolve("new.csv"), "u,v\n0,0\n2,2\n");
        Path once = dir.resolve("once.csv");
        Path twice = dir.resolve("twice.csv");
        assertThat(MainTest.run("predict", "--model", model.toString(), "--input", input.toString(), "-o", once.toString()).code()).isZero();
        assertThat(MainTest.run("predict", "--model", model.toString(), "--input", once.toString(), "-o", twice.toString()).code()).isZero();
        assertThat(Files.readAllLines(twice).get(0)).isEqualTo("u,v,prediction,score,prediction_2,score_2");
        assertThat(dev.jgrad.io.Csv.read(twice).rows()).hasSize(2);
    }
}
