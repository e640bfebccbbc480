package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.Dataset;
import org.junit.jupiter.api.Test;

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
}
