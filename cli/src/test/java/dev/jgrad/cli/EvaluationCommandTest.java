package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** jgrad train's evaluation: a held-out test split, cross-validation, ranking metrics, class weights and a threshold. */
class EvaluationCommandTest {
    @TempDir
    Path dir;

    private Run train(String... more) {
        return MainTest.run(TrainCommandTest.concat(new String[] {"train", "--hidden", "4", "--epochs", "20", "--progress", "none",
            "--out", dir.resolve("m").toString()}, more));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Run r) {
        return (Map<String, Object>) Json.parse(r.out());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTestSplitIsHeldOutStratifiedFromTheSeedAndReportedAsTheTestSet() throws IOException {
        String[] args = {"--data", "gauss", "--classes", "3", "--points", "120", "--test-split", "0.25", "--json"};
        Run r = train(args);
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> json = json(r);
        Map<String, Object> test = (Map<String, Object>) json.get("test");
        assertThat(test).containsEntry("points", 30.0);
        assertThat(json).containsEntry("testSplit", 0.25).doesNotContainKey("testFile");
        // 40 points a class, so 10 of each are held out
        for (List<Double> row : (List<List<Double>>) test.get("confusion")) {
            assertThat(row.stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(10.0);
        }
        assertThat(r.err()).contains("(72 training, 18 validation points)")
                .containsPattern("test \\(held out: 0\\.25 of the data, stratified, 30 points\\): loss [0-9.]+, accuracy [01]\\.\\d{3}")
                .contains("on the test set:");
        assertThat(ModelFile.load(dir.resolve("m/model.json")).metadata()).containsEntry("testSplit", 0.25)
                .containsEntry("testPoints", 30.0).containsEntry("trainPoints", 72.0);
        assertThat(json(train(args)).get("test")).isEqualTo(test);
    }

    @Test
    void aTestSplitWithATestFileIsAUsageError() {
        Run r = train("--test-split", "0.2", "--test", dir.resolve("t.csv").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --test-split and --test both name the test set: give one" + System.lineSeparator());
        Run bad = train("--test-split", "1.5");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("jgrad: --test-split must be in (0, 1), got 1.5" + System.lineSeparator());
    }

    @Test
    @SuppressWarnings("unchecked")
    void foldsPrintEachFoldAndTheMeanWriteFoldsCsvAndNoModel() throws IOException {
        Run r = train("--data", "moons", "--points", "60", "--folds", "3", "--repeats", "2", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).containsPattern("repeat 1, fold 1: 20 test points, accuracy [01]\\.\\d{3}")
                .contains("repeat 2, fold 3: 20 test points")
                .containsPattern("accuracy [01]\\.\\d{3} ± 0\\.\\d{3} \\(mean ± std over 6 folds, 3 folds × 2 repeats of moons;")
                .contains("(no model: train without --folds to keep one)");
        Map<String, Object> json = json(r);
        assertThat(json).containsEntry("folds", 3.0).containsEntry("repeats", 2.0).containsEntry("metric", "accuracy");
        List<Double> scores = (List<Double>) json.get("scores");
        assertThat(scores).hasSize(6);
        assertThat((Double) json.get("mean")).isCloseTo(scores.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                org.assertj.core.api.Assertions.within(1e-12));
        List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("m/folds.csv"));
        assertThat(csv).hasSize(7).first().isEqualTo(FoldsReport.HEADER);
        assertThat(Double.parseDouble(csv.get(4).split(",")[5])).isEqualTo(scores.get(3));
        assertThat(dir.resolve("m/model.json")).doesNotExist();
        assertThat(json(train("--data", "moons", "--points", "60", "--folds", "3", "--repeats", "2", "--json")).get("scores"))
                .isEqualTo(scores);
    }

    @Test
    void foldsOfRegressionAreScoredByRSquared() {
        Run r = train("--data", "sine", "--points", "60", "--folds", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("repeat 1, fold 3: 20 test points, R² ").containsPattern("R² -?[0-9.]+ ± [0-9.]+ \\(mean ± std over 3 folds of sine");
    }

    @Test
    void foldsRefuseASecondTestSetAndRepeatsNeedFolds() {
        assertThat(train("--folds", "3", "--test-split", "0.2").err())
                .isEqualTo("jgrad: --test-split does not apply with --folds: each fold in turn is the test set" + System.lineSeparator());
        assertThat(train("--repeats", "3").err()).isEqualTo("jgrad: --repeats applies with --folds only" + System.lineSeparator());
        Run many = train("--points", "4", "--folds", "5");
        assertThat(many.code()).isEqualTo(2);
        assertThat(many.err()).isEqualTo("jgrad: --folds 5 is more than the 4 points: a fold would be empty" + System.lineSeparator());
        assertThat(train("--folds", "3", "--repeats", "0").err()).isEqualTo("jgrad: --repeats must be ≥ 1, got 0" + System.lineSeparator());
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBinaryRunReportsRocAucAndAveragePrecisionAndAMulticlassOneDoesNot() throws IOException {
        Run r = train("--data", "moons", "--noise", "0.3", "--test-split", "0.3", "--json");
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> test = (Map<String, Object>) json(r).get("test");
        double auc = (Double) test.get("rocAuc");
        double ap = (Double) test.get("prAuc");
        assertThat(auc).isBetween(0.5, 1.0);
        assertThat(ap).isBetween(0.5, 1.0);
        assertThat(r.err()).contains(String.format(java.util.Locale.ROOT, "ROC AUC %.3f, PR AUC (average precision) %.3f", auc, ap));
        assertThat(ModelFile.load(dir.resolve("m/model.json")).metadata()).containsEntry("testRocAuc", auc).containsEntry("testPrAuc", ap)
                .containsKeys("trainRocAuc", "valRocAuc");
        Run three = train("--data", "gauss", "--classes", "3", "--json");
        assertThat((Map<String, Object>) json(three).get("train")).doesNotContainKey("rocAuc");
        assertThat(three.err()).doesNotContain("ROC AUC");
    }

    @Test
    void predictAtAThresholdCallsTheSecondClassAboveThatProbability() throws IOException {
        StringBuilder rows = new StringBuilder("x,y,label\n");
        dev.jgrad.base.Rng r = new dev.jgrad.base.Rng(3);
        for (int i = 0; i < 60; i++) {
            rows.append(2 * r.nextGaussian() + i % 2).append(',').append(r.nextGaussian()).append(',').append(i % 2).append('\n');
        }
        Path input = java.nio.file.Files.writeString(dir.resolve("rows.csv"), rows);
        assertThat(train("--csv", input.toString(), "--label", "label", "--val", "0").code()).isZero();
        String model = dir.resolve("m/model.json").toString();
        Run low = MainTest.run("predict", "--model", model, "--input", input.toString(), "--proba", "--threshold", "0.3");
        assertThat(low.code()).as(low.err()).isZero();
        assertThat(low.err()).startsWith("predicting 1 when its probability exceeds 0.3 (--threshold)");
        Run plain = MainTest.run("predict", "--model", model, "--input", input.toString(), "--proba");
        List<String[]> at = low.out().lines().skip(1).map(l -> l.split(",")).toList();
        List<String[]> half = plain.out().lines().skip(1).map(l -> l.split(",")).toList();
        int more = 0;
        for (int i = 0; i < at.size(); i++) {
            double p1 = Double.parseDouble(at.get(i)[6]);
            assertThat(at.get(i)[3]).as("row %d, p = %s", i, p1).isEqualTo(p1 > 0.3 ? "1" : "0");
            assertThat(half.get(i)[3]).isEqualTo(p1 > 0.5 ? "1" : "0");
            more += at.get(i)[3].equals(half.get(i)[3]) ? 0 : 1;
        }
        assertThat(more).isPositive();
        Run scored = MainTest.run("predict", "--model", model, "--input", input.toString(), "--json");
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = (Map<String, Object>) json(scored).get("metrics");
        double[] p1 = at.stream().mapToDouble(row -> Double.parseDouble(row[6])).toArray();
        int[] truth = at.stream().mapToInt(row -> Integer.parseInt(row[2])).toArray();
        assertThat((Double) metrics.get("rocAuc")).isCloseTo(dev.jgrad.train.Ranking.of(truth, p1).rocAuc(),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(scored.err()).contains("ROC AUC ");
        Run bad = MainTest.run("predict", "--model", model, "--input", input.toString(), "--threshold", "1");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("jgrad: --threshold must be in (0, 1), got 1.0" + System.lineSeparator());
        assertThat(train("--csv", input.toString(), "--label", "label", "--loss", "hinge", "--val", "0").code()).isZero();
        Run hinge = MainTest.run("predict", "--model", model, "--input", input.toString(), "--threshold", "0.3");
        assertThat(hinge.code()).isEqualTo(2);
        assertThat(hinge.err()).isEqualTo("jgrad: --threshold: " + model + ": a decision threshold applies to a model of 2 classes "
                + "with probabilities (bce or cross-entropy); this one has 2 classes and hinge loss" + System.lineSeparator());
    }

    @Test
    @SuppressWarnings("unchecked")
    void balancedClassWeightsAreUsedSaidAndRecordedInTheModel() throws IOException {
        StringBuilder rows = new StringBuilder("a,b,kind\n");
        dev.jgrad.base.Rng r = new dev.jgrad.base.Rng(5);
        for (int i = 0; i < 100; i++) {
            boolean rare = i % 5 == 0;
            rows.append(r.nextGaussian() + (rare ? 1 : 0)).append(',').append(r.nextGaussian()).append(',')
                    .append(rare ? "rare" : "common").append('\n');
        }
        Path csv = java.nio.file.Files.writeString(dir.resolve("d.csv"), rows);
        Run run = train("--csv", csv.toString(), "--label", "kind", "--val", "0", "--class-weight", "balanced", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("bce loss (classes weighted: balanced)");
        assertThat((Map<String, Object>) json(run).get("settings")).containsEntry("classWeight", "balanced");
        // 80 common and 20 rare points: 100 / (2 · 80) and 100 / (2 · 20)
        assertThat(ModelFile.load(dir.resolve("m/model.json")).metadata()).containsEntry("classWeight", "balanced")
                .containsEntry("classWeights", List.of(0.625, 2.5));
        Run plain = train("--csv", csv.toString(), "--label", "kind", "--val", "0", "--json");
        assertThat(((Map<String, Object>) json(plain).get("train")).get("loss"))
                .isNotEqualTo(((Map<String, Object>) json(run).get("train")).get("loss"));
        assertThat(ModelFile.load(dir.resolve("m/model.json")).metadata()).containsEntry("classWeight", "none")
                .doesNotContainKey("classWeights");
        Run regression = train("--data", "sine", "--class-weight", "balanced");
        assertThat(regression.code()).isEqualTo(2);
        assertThat(regression.err()).isEqualTo("jgrad: --class-weight weighs classes; regression has none" + System.lineSeparator());
        Run typo = train("--class-weight", "balance");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).startsWith("jgrad: unknown class-weight 'balance' (did you mean balanced?); expected one of none, balanced");
    }
}
