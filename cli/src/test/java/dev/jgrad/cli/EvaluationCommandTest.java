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
}
