package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ROC AUC and average precision against scikit-learn's, on the cases core/src/test/scripts/ranking_cases.py wrote. */
class RankingTest {

    static Stream<String> cases() throws IOException {
        try (var in = RankingTest.class.getResourceAsStream("ranking-cases.csv");
                var r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = r.lines().skip(1).toList();
            assertThat(lines).hasSizeGreaterThan(20);
            return lines.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void bothAreasEqualScikitLearns(String line) {
        String[] cells = line.split(",");
        int[] labels = Arrays.stream(cells[0].split(" ")).mapToInt(Integer::parseInt).toArray();
        double[] scores = Arrays.stream(cells[1].split(" ")).mapToDouble(Double::parseDouble).toArray();
        Ranking r = Ranking.of(labels, scores);
        assertThat(r.rocAuc()).isCloseTo(Double.parseDouble(cells[2]), within(1e-12));
        assertThat(r.averagePrecision()).isCloseTo(Double.parseDouble(cells[3]), within(1e-12));
    }

    @Test
    void aRisingFunctionOfTheScoresRanksAlikeAndOneClassAloneHasNoArea() {
        int[] labels = {0, 1, 1, 0, 1, 0};
        double[] logits = {-1.5, 2, 0.3, 0.4, -0.2, -3};
        double[] probabilities = Arrays.stream(logits).map(x -> 1 / (1 + Math.exp(-x))).toArray();
        assertThat(Ranking.of(labels, probabilities)).isEqualTo(Ranking.of(labels, logits));
        assertThat(Ranking.of(new int[] {1, 1}, new double[] {0.2, 0.4}).rocAuc()).isNaN();
        assertThatThrownBy(() -> Ranking.of(new int[] {1, 0}, new double[] {0.2, Double.NaN})).hasMessage("score 1 is NaN");
    }

    @Test
    void aBinaryRunsMeasurementRanksByItsProbabilitiesAndAMulticlassOneHasNoRanking() {
        TrainingConfig config = TrainingConfig.builder().hidden(List.of(4)).epochs(5).validation(0.3).build();
        Training run = Training.start(config, dev.jgrad.data.Datasets.moons(60, 0.3, new dev.jgrad.base.Rng(2)), new dev.jgrad.base.Rng(3));
        run.fit();
        Measurement m = run.measure("validation", run.validation());
        double[] p = Arrays.stream(run.validation().points()).mapToDouble(x -> run.predictor().probabilities(x)[1]).toArray();
        Ranking expected = Ranking.of(run.validation().labels(), p);
        assertThat(m.ranking().rocAuc()).isCloseTo(expected.rocAuc(), within(1e-12)).isBetween(0.5, 1.0);
        assertThat(m.ranking().averagePrecision()).isCloseTo(expected.averagePrecision(), within(1e-12));
        assertThat(m.toMap()).containsEntry("rocAuc", m.ranking().rocAuc()).containsEntry("prAuc", m.ranking().averagePrecision());
        Training three = Training.start(config, dev.jgrad.data.Datasets.generate("gauss", 30, 0.1, 3, new dev.jgrad.base.Rng(2)),
                new dev.jgrad.base.Rng(3));
        assertThat(three.measure("train", three.train()).ranking()).isNull();
    }
}
