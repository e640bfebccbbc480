package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.Dataset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** "Download the data": the points on the plot, drawn ones included, as a CSV that reads back to the same points. */
class DataCsvTest {
    @Test
    void theDownloadedPointsReadBackBitForBitWithTheDrawnOnes() {
        Playground.setup("points=30&noise=0.2&seed=3");
        PlaygroundTest.json(Playground.addPoint(0.123456789, -1.1, 0));
        String csv = Playground.dataCsv();
        assertThat(csv).startsWith("x1,x2,label\n").contains("\n0.123456789,-1.1,outside\n");
        double[] shown = Playground.points();
        java.util.Set<String> before = new java.util.HashSet<>();
        for (int i = 0; i < shown.length; i += 4) {
            // The circle's classes: 0 outside the unit circle, 1 inside.
            before.add(shown[i] + "," + shown[i + 1] + "," + (shown[i + 2] == 1 ? "inside" : "outside"));
        }
        Dataset back = CsvText.read(csv).data();
        java.util.Set<String> after = new java.util.HashSet<>();
        for (int i = 0; i < back.size(); i++) {
            after.add(back.points()[i][0] + "," + back.points()[i][1] + "," + back.classNames().get(back.labels()[i]));
        }
        assertThat(after).hasSize(31).isEqualTo(before);
        assertThat(PlaygroundTest.json(Playground.loadCsv(csv))).containsEntry("ok", true);
    }

    /**
     * Regression data (the plane and the gaussian mixture in the plane, the sine's curve) downloaded and loaded back: the
     * same points and targets, bit for bit, still a regression (its curve drawn for the sine), and the command line reads the
     * file as one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"data=plane&points=40", "data=gaussian-mixture&points=40", "data=sine&points=40"})
    void downloadedRegressionDataLoadsBackAsTheSameRegression(String query) {
        assertThat(PlaygroundTest.json(Playground.setup(query + "&hidden=3"))).containsEntry("ok", true);
        Map<String, Object> view = PlaygroundTest.json(Playground.view());
        Set<String> before = targets(Playground.points());
        String csv = Playground.dataCsv();

        Map<String, Object> loaded = PlaygroundTest.json(Playground.loadCsv(csv));

        assertThat(loaded).containsEntry("ok", true).containsEntry("task", "regression");
        assertThat((String) loaded.get("command")).contains("--csv data.csv --task regression --label target ");
        assertThat(targets(Playground.points())).hasSize(40).isEqualTo(before);
        Map<String, Object> back = PlaygroundTest.json(Playground.view());
        assertThat(back.get("task")).isEqualTo("regression");
        assertThat(back.get("curve")).isEqualTo(view.get("curve"));
        assertThat(back.get("range")).isEqualTo(view.get("range"));
        // Training goes on, on the file's numbers.
        assertThat(PlaygroundTest.json(Playground.epoch())).containsEntry("ok", true).containsKey("trainR2");
    }

    /** Each point as x1, x2 (or its target for a curve) and target, in any order. */
    private static Set<String> targets(double[] points) {
        Set<String> s = new HashSet<>();
        for (int i = 0; i < points.length; i += 4) {
            s.add(points[i] + "," + points[i + 1] + "," + points[i + 2]);
        }
        return s;
    }
}
