package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Task;
import dev.jgrad.io.Csv;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Predictor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** train --task regression and predict with its model, as a user of scikit-learn's MLPRegressor would. */
class RegressionCommandTest {
    @TempDir
    Path dir;

    /** price = 300 + 50·a − 20·b² plus noise: in units far from a network's, with a constant column c. */
    private Path csv(String name, int rows, long seed) throws IOException {
        Rng r = new Rng(seed);
        StringBuilder s = new StringBuilder("a,c,b,price\n");
        for (int i = 0; i < rows; i++) {
            double a = r.nextDouble(-2, 2), b = r.nextDouble(-2, 2);
            s.append(a).append(",7,").append(b).append(',').append(300 + 50 * a - 20 * b * b + 2 * r.nextGaussian()).append('\n');
        }
        return Files.writeString(dir.resolve(name), s);
    }

    private Run train(String... more) throws IOException {
        Path data = csv("train.csv", 120, 1);
        String[] base = {"train", "--csv", data.toString(), "--task", "regression", "--label", "price", "--activation", "tanh",
            "--progress", "none", "--out", dir.resolve("m").toString()};
        List<String> given = List.of(more);
        // 200 epochs and 8 hidden units unless a test says otherwise (picocli refuses an option given twice)
        if (!given.contains("--epochs")) {
            base = TrainCommandTest.concat(base, "--epochs", "200");
        }
        if (!given.contains("--hidden")) {
            base = TrainCommandTest.concat(base, "--hidden", "8");
        }
        return MainTest.run(TrainCommandTest.concat(base, more));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void aRegressionTrainsWithMseOnOneLinearOutputAndReportsErrorsInTheTargetsUnits() throws IOException {
        Run r = train("--test", csv("test.csv", 40, 2).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained MLP 3 → 8 tanh → 1 linear").contains("mse loss")
                .contains("features and target scaled: standard, fitted on the training split; constant there, so scaled to 0: c")
                .containsPattern("final: train loss [0-9.]+, MSE [0-9.e+]+, MAE [0-9.]+, R² 0\\.9\\d\\d; validation loss")
                .containsPattern("test \\(test\\.csv, 40 points\\): loss [0-9.]+, MSE [0-9.e+]+, MAE [0-9.]+, R² 0\\.9\\d\\d")
                .doesNotContain("accuracy").doesNotContain("precision");
        List<String> metrics = Files.readAllLines(dir.resolve("m/metrics.csv"));
        assertThat(metrics.get(0)).isEqualTo("epoch,train_loss,train_mse,train_mae,train_r2,val_loss,val_mse,val_mae,val_r2,elapsed_s");
        assertThat(metrics).hasSize(201);
        ModelFile model = ModelFile.load(dir.resolve("m/model.json"));
        assertThat(model.task()).isEqualTo(Task.REGRESSION);
        assertThat(model.target().kind().id()).isEqualTo("standard");
        assertThat(model.target().shift()[0]).isCloseTo(300 - 20 * 4 / 3.0, within(15.0));   // E[300 + 50a − 20b²]
        assertThat(model.metadata()).containsEntry("task", "regression").containsEntry("labelColumn", "price")
                .containsKeys("trainMse", "trainMae", "trainR2", "valR2", "testMse", "testMae", "testR2").doesNotContainKey("classes");

        // The test figures, recomputed by hand from the saved model's predictions on the raw test file.
        Csv test = Csv.read(dir.resolve("test.csv"));
        double[][] x = test.numbers(test.columns(List.of("a", "c", "b")));
        double[] y = test.targets(test.column("price"));
        Predictor p = model.predictor();
        double squares = 0, absolute = 0, mean = 0, total = 0;
        for (double t : y) {
            mean += t / y.length;
        }
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - p.value(x[i]);
            squares += e * e;
            absolute += Math.abs(e);
            total += (y[i] - mean) * (y[i] - mean);
        }
        assertThat((Double) model.metadata().get("testMse")).isCloseTo(squares / y.length, within(1e-9 * squares));
        assertThat((Double) model.metadata().get("testMae")).isCloseTo(absolute / y.length, within(1e-9 * absolute));
        assertThat((Double) model.metadata().get("testR2")).isCloseTo(1 - squares / total, within(1e-9));
        // The last epoch's row holds the final figures: the same numbers, in the same units.
        String[] last = metrics.get(200).split(",");
        assertThat(Double.parseDouble(last[2])).isEqualTo((Double) model.metadata().get("trainMse"));
        assertThat(Double.parseDouble(last[3])).isEqualTo((Double) model.metadata().get("trainMae"));
        assertThat(Double.parseDouble(last[8])).isEqualTo((Double) model.metadata().get("valR2"));
    }

    @Test
    void predictWritesTheValueInTheTargetsUnitsAndMeasuresLabelledRows() throws IOException {
        assertThat(train("--val", "0").code()).isZero();
        Path out = dir.resolve("predictions.csv");
        Run p = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(), "--input", dir.resolve("train.csv").toString(),
                "-o", out.toString());
        assertThat(p.code()).as(p.err()).isZero();
        Map<String, Object> meta = ModelFile.load(dir.resolve("m/model.json")).metadata();
        assertThat(p.err()).startsWith("MSE " + String.format(java.util.Locale.ROOT, "%.4g", (Double) meta.get("trainMse")))
                .contains("R² " + String.format(java.util.Locale.ROOT, "%.3f", (Double) meta.get("trainR2"))).contains("on 120 labelled rows");
        Csv written = Csv.read(out);
        assertThat(written.header()).containsExactly("a", "c", "b", "price", "prediction");
        double[] truth = written.targets(3), predicted = written.targets(4);
        double worst = 0;
        for (int i = 0; i < truth.length; i++) {
            worst = Math.max(worst, Math.abs(truth[i] - predicted[i]));
        }
        assertThat(worst).as("predictions are in price's units, not scaled ones").isLessThan(40).isPositive();

        Run json = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(), "--input", dir.resolve("train.csv").toString(),
                "--json");
        Map<String, Object> m = map(Json.parse(json.out()));
        assertThat(m).containsEntry("task", "regression").containsEntry("rows", 120.0);
        assertThat(map(m.get("metrics"))).containsKeys("points", "mse", "mae", "r2");
        assertThat((List<?>) m.get("predictions")).hasSize(120).first().isEqualTo(predicted[0]);
    }

    @Test
    void probaWithARegressionModelIsAUsageError() throws IOException {
        assertThat(train("--epochs", "2").code()).isZero();
        Path model = dir.resolve("m/model.json");
        Run p = MainTest.run("predict", "--model", model.toString(), "--input", dir.resolve("train.csv").toString(), "--proba");
        assertThat(p.code()).isEqualTo(2);
        assertThat(p.err()).isEqualTo("jgrad: --proba applies to classifiers; " + model
                + " is a regression model, whose 'prediction' column is its value" + System.lineSeparator());
    }

    @Test
    void jsonHasTheRegressionFiguresOfEverySet() throws IOException {
        Run r = train("--test", csv("test.csv", 20, 3).toString(), "--json", "--epochs", "20");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = map(Json.parse(r.out()));
        assertThat(json).containsEntry("task", "regression").containsEntry("target", "price").doesNotContainKey("classes");
        assertThat(map(json.get("settings"))).containsEntry("task", "regression").containsEntry("loss", "mse");
        for (String set : List.of("train", "validation", "test")) {
            assertThat(map(json.get(set))).as(set).containsKeys("points", "loss", "mse", "mae", "r2").doesNotContainKey("accuracy");
        }
        assertThat(map(json.get("test"))).containsEntry("points", 20.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-entropy", "bce", "hinge"})
    void aClassificationLossIsAUsageError(String loss) throws IOException {
        Run r = train("--loss", loss);
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --loss " + loss + " does not fit regression, which trains with mse" + System.lineSeparator());
    }

    @Test
    void aTargetThatIsNotANumberNamesItsFileAndRow() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "a,price\n1,2.5\n2,cheap\n");
        Run r = MainTest.run("train", "--csv", bad.toString(), "--task", "regression", "--label", "price", "--out", dir.resolve("m").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + bad + ":3: column 2 ('price'): 'cheap' is not a number" + System.lineSeparator());
    }

    @Test
    void aTestFileWithoutTheModelsColumnsNamesThem() throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "a,price\n1,300\n");
        Run r = train("--test", wrong.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + wrong + ": missing columns c, b (expected a, c, b; the file has a, price)"
                + System.lineSeparator());
        Path unlabelled = Files.writeString(dir.resolve("nolabel.csv"), "a,b,c,price\n1,2,7,\n");
        Run u = train("--test", unlabelled.toString());
        assertThat(u.code()).isEqualTo(1);
        assertThat(u.err()).isEqualTo("jgrad: " + unlabelled + ": no rows with a target to test on" + System.lineSeparator());
    }

    @Test
    void theBuiltInRegressionSetsTrainAsTheirTaskAndTheOtherTaskIsAUsageError() {
        Run r = MainTest.run("train", "--data", "plane", "--hidden", "4", "--epochs", "5", "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained MLP 2 → 4 relu → 1 linear").contains("mse loss").contains("R² ")
                .doesNotContain("features and target scaled");
        Run wrong = MainTest.run("train", "--data", "sine", "--task", "classification", "--out", dir.toString());
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).isEqualTo("jgrad: --data sine is regression data; --task classification needs a classification "
                + "dataset (see jgrad datasets)" + System.lineSeparator());
        Run classes = MainTest.run("train", "--data", "gaussian-mixture", "--classes", "3", "--out", dir.toString());
        assertThat(classes.code()).isEqualTo(2);
        assertThat(classes.err()).contains("--classes applies to spiral and gauss; gaussian-mixture is regression data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine", "gaussian-mixture"})
    void plotsDrawTheFitAndTheLossButNoAccuracy(String data) throws IOException {
        Run r = MainTest.run("train", "--data", data, "--points", "60", "--hidden", "4", "--epochs", "3", "--plots",
                "--progress", "none", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote fit.png, loss.png, loss.svg into " + dir);
        assertThat(javax.imageio.ImageIO.read(dir.resolve("fit.png").toFile())).isNotNull();
        assertThat(dir.resolve("accuracy.png")).doesNotExist();
        assertThat(dir.resolve("boundary.gif")).doesNotExist();
    }

    @Test
    void earlyStoppingKeepsTheBestValidationLoss() throws IOException {
        Run r = train("--hidden", "32", "--lr", "0.05", "--epochs", "400", "--early-stop", "3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = map(Json.parse(r.out()));
        double epochs = (Double) json.get("epochs");
        assertThat(epochs).isLessThan(400);
        List<String> rows = Files.readAllLines(dir.resolve("m/metrics.csv"));
        int best = ((Double) json.get("bestEpoch")).intValue();
        double bestLoss = Double.parseDouble(rows.get(best).split(",")[5]);
        assertThat((Double) map(json.get("validation")).get("loss")).isEqualTo(bestLoss);
    }

    @Test
    void predictOnAFileWithoutTheModelsColumnsNamesThem() throws IOException {
        assertThat(train("--epochs", "2").code()).isZero();
        Path wrong = Files.writeString(dir.resolve("wrong.csv"), "b,price\n1,300\n");
        Run p = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(), "--input", wrong.toString());
        assertThat(p.code()).isEqualTo(1);
        assertThat(p.err()).isEqualTo("jgrad: " + wrong + ": missing columns a, c (expected a, c, b; the file has b, price)"
                + System.lineSeparator());
    }

    @Test
    void anUnknownTaskIsAUsageErrorAndThreeFeaturesHaveNoFitPicture() throws IOException {
        Run bad = MainTest.run("train", "--csv", csv("any.csv", 5, 1).toString(), "--task", "ranking", "--label", "price",
                "--out", dir.resolve("m").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown task 'ranking'; expected one of classification, regression");
        Run r = train("--epochs", "2", "--plots");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no fit picture: it needs 1 or 2 features").contains("wrote loss.png, loss.svg into");
        assertThat(dir.resolve("m/fit.png")).doesNotExist();
    }

    @Test
    void theSameSeedRepeatsARegressionBitForBitAndProgressShowsRSquared() throws IOException {
        Path data = csv("train.csv", 60, 4);
        String[] args = {"train", "--csv", data.toString(), "--task", "regression", "--label", "price", "--hidden", "4",
            "--epochs", "10", "--batch", "8", "--seed", "5", "--progress", "plain", "--out"};
        Run a = MainTest.run(TrainCommandTest.concat(args, dir.resolve("a").toString()));
        Run b = MainTest.run(TrainCommandTest.concat(args, dir.resolve("b").toString()));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(a.out()).containsPattern("epoch 10/10  loss [0-9.]+  R² -?[0-9.]+  val R² -?[0-9.]+");
        assertThat(MetricsCsv.withoutElapsed(Files.readString(dir.resolve("a/metrics.csv"))))
                .isEqualTo(MetricsCsv.withoutElapsed(Files.readString(dir.resolve("b/metrics.csv")))).hasLineCount(11);
        assertThat(ModelFile.load(dir.resolve("a/model.json")).network()).isEqualTo(ModelFile.load(dir.resolve("b/model.json")).network());
        assertThat(b.code()).isZero();
    }

    @Test
    void theHelpsRegressionExampleRunsAsWritten() {
        List<String> help = MainTest.run("train", "--help").out().lines().toList();
        int first = 0;
        while (!help.get(first).contains("springs.csv")) {
            first++;
        }
        StringBuilder command = new StringBuilder();
        for (int i = first; ; i++) {
            String line = help.get(i).strip();
            command.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!line.endsWith("\\")) {
                break;
            }
        }
        String[] words = java.util.Arrays.stream(command.toString().strip().split("\\s+")).skip(1)
                .map(w -> w.startsWith("docs/") ? Path.of("..", w).toString() : w.startsWith("out/") ? dir.resolve(w).toString() : w)
                .toArray(String[]::new);
        assertThat(words).contains("--task", "regression", "--early-stop");
        Run r = MainTest.run(TrainCommandTest.concat(words, "--progress", "none"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("R² 0\\.9\\d\\d");
        assertThat(help).allMatch(l -> l.length() <= 80 || !l.contains("springs"));
    }
}
