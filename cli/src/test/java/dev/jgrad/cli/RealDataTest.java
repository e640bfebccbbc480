package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train and predict on tabular files as a scikit-learn user would: scaling, a test file, metrics, JSON, probabilities. */
class RealDataTest {
    @TempDir
    Path dir;

    /**
     * Two classes far from the origin and on very different scales (u near 1000, v near 0.001), with
     * a constant column c: unscaled, such data trains badly; the label is 0 or 1 as written.
     */
    private Path csv(String name, int rows, long seed, String label0, String label1) throws IOException {
        Rng r = new Rng(seed);
        StringBuilder s = new StringBuilder("u,c,v,kind\n");
        for (int i = 0; i < rows; i++) {
            boolean one = i % 2 == 1;
            s.append(1000 + (one ? 40 : -40) + 15 * r.nextGaussian()).append(",5,")
                    .append(0.001 * ((one ? 1 : -1) + 0.3 * r.nextGaussian())).append(',').append(one ? label1 : label0).append('\n');
        }
        return Files.writeString(dir.resolve(name), s);
    }

    private Run train(String... more) throws IOException {
        Path data = csv("train.csv", 80, 1, "0", "1");
        return MainTest.run(TrainCommandTest.concat(new String[] {"train", "--csv", data.toString(), "--label", "kind",
            "--hidden", "8", "--activation", "tanh", "--epochs", "60", "--progress", "none", "--out", dir.resolve("m").toString()}, more));
    }

    @Test
    void aCsvIsStandardisedByDefaultAndTheScalerAndConstantColumnsAreRecorded() throws IOException {
        Run r = train();
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("features scaled: standard, fitted on the training split; constant there, so scaled to 0: c");
        ModelFile model = ModelFile.load(dir.resolve("m/model.json"));
        assertThat(model.scaler().kind().id()).isEqualTo("standard");
        assertThat(model.scaler().constant()).containsExactly(1);
        assertThat(model.scaler().shift()[0]).isCloseTo(1000, within(10.0));
        assertThat(model.metadata()).containsEntry("scale", "standard").containsEntry("constantFeatures", List.of("c"));
        assertThat(r.out()).containsPattern("final: train loss [0-9.]+, accuracy 1\\.000");

        Run builtIn = MainTest.run("train", "--data", "xor", "--epochs", "2", "--hidden", "3", "--progress", "none",
                "--out", dir.resolve("x").toString());
        assertThat(ModelFile.load(dir.resolve("x/model.json")).scaler().isIdentity()).isTrue();
        assertThat(Files.readString(dir.resolve("x/model.json"))).contains("\"version\": 1,").doesNotContain("scaler");
        assertThat(builtIn.out()).doesNotContain("features scaled");
    }

    @Test
    void predictScalesAsTrainingDidSoTheTrainingFileIsPredictedAsTrainingMeasuredIt() throws IOException {
        assertThat(train("--val", "0", "--scale", "minmax").code()).isZero();
        double accuracy = (Double) ModelFile.load(dir.resolve("m/model.json")).metadata().get("trainAccuracy");
        Run p = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(), "--input", dir.resolve("train.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.err()).startsWith(String.format(java.util.Locale.ROOT, "accuracy %.3f on 80 labelled rows", accuracy));
        assertThat(accuracy).isEqualTo(1.0);
    }

    @Test
    void aTestFileIsEvaluatedAfterTrainingWithPerClassMetrics() throws IOException {
        Path test = csv("test.csv", 30, 2, "0.0", "1.0");
        Run r = train("--test", test.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("test \\(test\\.csv, 30 points\\): loss [0-9.]+, accuracy [01]\\.\\d{3}")
                .contains("on the test set:").contains("precision    recall  f1-score   support")
                .contains("weighted avg").contains("true \\ predicted");
        Map<String, Object> meta = ModelFile.load(dir.resolve("m/model.json")).metadata();
        assertThat(meta).containsEntry("testPoints", 30.0).containsKey("testAccuracy").containsKey("testLoss");
    }

    @Test
    void aTestFileWithoutTheModelsColumnsNamesThemAndAnUnknownClassNamesItsLine() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "u,kind\n1000,1\n");
        Run r = train("--test", wrong.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + wrong + ": missing columns c, v (expected u, c, v; the file has u, kind)"
                + System.lineSeparator());
        assertThat(dir.resolve("m/model.json")).doesNotExist();

        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "kind,v,c,u\n1,0.001,5,1040\n2,0,5,1000\n");
        Run u = train("--test", unknown.toString());
        assertThat(u.code()).isEqualTo(1);
        assertThat(u.err()).isEqualTo("jgrad: " + unknown + ":3: class '2' in column 'kind' is not one the model knows (0, 1); "
                + "--allow-unknown skips such rows" + System.lineSeparator());
        Run allowed = train("--test", unknown.toString(), "--allow-unknown");
        assertThat(allowed.code()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("test (unknown.csv, 1 points)").contains("skipped 1 test rows");
    }

    @Test
    void jsonIsOneObjectOnStandardOutputWithEveryFieldAndTheSummaryOnStandardError() throws IOException {
        Run r = train("--test", csv("test.csv", 20, 3, "0", "1").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("trained MLP").contains("on the test set:");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
        assertThat(json).containsKeys("settings", "engine", "seconds", "epochs", "train", "validation", "test", "model", "metrics")
                .containsEntry("epochs", 60.0).containsEntry("engine", "tensor").containsEntry("constantFeatures", List.of("c"));
        assertThat((Double) json.get("seconds")).isPositive();
        assertThat((Map<String, Object>) json.get("settings")).containsEntry("scale", "standard").containsEntry("init", "pytorch")
                .containsEntry("hidden", List.of(8.0));
        for (String set : List.of("train", "validation", "test")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) json.get(set);
            assertThat(m).as(set).containsKeys("points", "loss", "accuracy", "confusion", "perClass", "macro", "weighted");
            assertThat(m.get("classes")).isEqualTo(List.of("0", "1"));
        }
        @SuppressWarnings("unchecked")
        List<List<Double>> confusion = (List<List<Double>>) ((Map<String, Object>) json.get("test")).get("confusion");
        assertThat(confusion.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).sum()).isEqualTo(20);
    }

    @Test
    void metricsCsvEndsWithTheElapsedSecondsWhichOnlyGrow() throws IOException {
        assertThat(train().code()).isZero();
        List<String> lines = Files.readAllLines(dir.resolve("m/metrics.csv"));
        assertThat(lines.get(0)).endsWith(",elapsed_s");
        double previous = 0;
        for (String line : lines.subList(1, lines.size())) {
            double t = Double.parseDouble(line.substring(line.lastIndexOf(',') + 1));
            assertThat(t).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
    }

    @Test
    void predictComparesNumericLabelsAsNumbersAndNamesAnUnknownClass() throws IOException {
        assertThat(train("--val", "0").code()).isZero();
        String model = dir.resolve("m/model.json").toString();
        Path written = csv("written.csv", 10, 4, "0.0", "1.00");
        Run r = MainTest.run("predict", "--model", model, "--input", written.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("accuracy 1.000 on 10 labelled rows");

        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "u,c,v,kind\n1000,5,0,1\n1000,5,0,3\n");
        Run bad = MainTest.run("predict", "--model", model, "--input", unknown.toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).isEqualTo("jgrad: " + unknown + ":3: class '3' in column 'kind' is not one the model knows (0, 1); "
                + "--allow-unknown skips such rows" + System.lineSeparator());
        Run allowed = MainTest.run("predict", "--model", model, "--input", unknown.toString(), "--allow-unknown");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out().lines()).hasSize(3);
        assertThat(allowed.err()).contains("on 1 labelled rows").contains("not scored: 1 rows labelled with a class the model never saw");
    }

    @Test
    void probabilitiesSumToOneBesideThePredictedClass() throws IOException {
        for (String loss : List.of("bce", "cross-entropy")) {
            assertThat(train("--loss", loss).code()).isZero();
            Run r = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(),
                    "--input", dir.resolve("train.csv").toString(), "--proba");
            assertThat(r.code()).as(r.err()).isZero();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).as(loss).endsWith(",prediction,score,p_0,p_1");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",");
                double p0 = Double.parseDouble(cells[6]), p1 = Double.parseDouble(cells[7]);
                assertThat(p0 + p1).isCloseTo(1, within(1e-12));
                assertThat(cells[4]).isEqualTo(p1 > 0.5 ? "1" : "0");
            }
        }
    }

    @Test
    void mseScoresAreSaidNotToBeProbabilities() throws IOException {
        assertThat(train("--loss", "mse").code()).isZero();
        Run r = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(),
                "--input", dir.resolve("train.csv").toString(), "--proba");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("note: a mse model gives scores, not probabilities; writing its scores");
        assertThat(r.out().lines().findFirst().orElseThrow()).endsWith(",prediction,score");
    }

    @Test
    void predictJsonIsOneObjectWithTheMetricsAndThePredictions() throws IOException {
        assertThat(train().code()).isZero();
        Run r = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(),
                "--input", dir.resolve("train.csv").toString(), "--json");
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
        assertThat(json).containsEntry("rows", 80.0).containsEntry("scale", "standard").containsKeys("metrics", "predictions");
        assertThat((List<?>) json.get("predictions")).hasSize(80);
        assertThat((Map<String, Object>) json.get("metrics")).containsKeys("accuracy", "confusion", "macro");
    }

    @Test
    void optionsThatNeedAnotherAreUsageErrors() throws IOException {
        Run r = train("--allow-unknown");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --allow-unknown applies with --test only" + System.lineSeparator());
        Run s = train("--scale", "robust");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.err()).isEqualTo("jgrad: unknown scale 'robust'; expected one of standard, minmax, none" + System.lineSeparator());
    }

    @Test
    void earlyStoppingSaysWhenItStoppedAndNeedsAValidationSplit() throws IOException {
        // noisy moons and a wide network: it overfits, and the validation loss turns up
        Run r = MainTest.run("train", "--data", "moons", "--noise", "0.5", "--hidden", "32,32", "--lr", "0.05", "--epochs", "500",
                "--early-stop", "2", "--json", "--progress", "none", "--out", dir.resolve("m").toString());
        assertThat(r.code()).as(r.err()).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(r.out());
        double epochs = (Double) json.get("epochs");
        assertThat(epochs).isLessThan(400);
        assertThat(r.err()).contains("stopped early after epoch " + (int) epochs + ": the validation loss was lowest at epoch "
                + ((Double) json.get("bestEpoch")).intValue() + ", whose weights are kept");
        assertThat(Files.readAllLines(dir.resolve("m/metrics.csv"))).hasSize((int) epochs + 1);
        // the summary and the model file record the epochs run and the best one, not the 500 asked for
        assertThat(r.err()).contains("\n" + (int) epochs + " of 500 epochs, batch full").doesNotContain("\n500 epochs,");
        Map<String, Object> meta = dev.jgrad.io.ModelFile.load(dir.resolve("m/model.json")).metadata();
        assertThat(meta).containsEntry("epochs", epochs).containsEntry("bestEpoch", json.get("bestEpoch"))
                .containsEntry("maxEpochs", 500.0);
        Run bad = train("--early-stop", "5", "--val", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("jgrad: --early-stop watches the validation loss, but val is 0" + System.lineSeparator());
    }
}
