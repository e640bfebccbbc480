package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.Dataset;
import dev.jgrad.train.Regression;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Regression in the page: core's plane, gaussian-mixture and sine train, with R² as core computes it and a true command line. */
class RegressionPageTest {
    private static Map<String, Object> json(String text) {
        return PlaygroundTest.json(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plane", "gaussian-mixture", "sine"})
    void aRegressionSetupTrainsAndItsR2Rises(String data) {
        Map<String, Object> a = json(Playground.setup("data=" + data + "&hidden=8&lr=0.01"));
        assertThat(a).containsEntry("ok", true).containsEntry("task", "regression");
        Map<String, Object> before = json(Playground.stats());
        Map<String, Object> s = before;
        for (int e = 0; e < 30; e++) {
            s = json(Playground.epoch());
        }
        assertThat(s.get("trainAccuracy")).isNull();
        assertThat((double) s.get("trainR2")).isGreaterThan((double) before.get("trainR2")).isGreaterThan(0.3);
        assertThat(s.get("testR2")).isNotNull();
        // Playing answers the last finished epoch's measure: its R² too.
        Map<String, Object> playing = json(Playground.train(50));
        assertThat(playing.get("trainR2")).isNotNull();
        assertThat(playing.get("testR2")).isNotNull();
    }

    @Test
    void theR2ShownIsCoresRegressionOfTheOutputsAgainstTheTargets() {
        json(Playground.setup("data=plane&hidden=4&lr=0.01"));
        json(Playground.step());
        Session s = sessionOfPage();
        Dataset train = s.train();
        double[] predicted = new double[train.size()];
        for (int i = 0; i < predicted.length; i++) {
            double[][] a = Grid.activations(s.network(), train.points()[i]);
            predicted[i] = a[a.length - 1][0];
        }
        double r2 = Regression.of(train.targets(), predicted).r2();
        assertThat((double) json(Playground.stats()).get("trainR2")).isCloseTo(r2, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void theCommandLineTrainsTheSameRegressionOnTheJvm() {
        Map<String, Object> a = json(Playground.setup("data=sine&hidden=8&momentum=0.5"));
        assertThat(a.get("command")).isEqualTo("jgrad train --data sine --points 300 --noise 0.1 --hidden 8 --activation tanh "
                + "--output-activation linear --init uniform --loss mse --optimizer sgd --lr 0.01 --momentum 0.5 --batch 1 "
                + "--val 0.2 --epochs 200 --seed 42");
        assertThat(json(Playground.setup("data=plane")).get("command").toString()).contains("--data plane ")
                .contains("--output-activation linear").doesNotContain("--features");
    }

    @Test
    void thePicturesAreTheOutputInTheTargetsUnitsWithoutABoundary() {
        json(Playground.setup("data=gaussian-mixture&hidden=4"));
        Map<String, Object> view = json(Playground.view());
        assertThat(view).containsEntry("task", "regression").containsEntry("curve", false);
        assertThat((double) view.get("range")).isEqualTo(Fit.range(sessionOfPage().allPoints())).isGreaterThan(0.5);
        double[] map = Playground.boundary(10);
        assertThat(map).hasSize(100);
        assertThat(Playground.contour()).isEmpty();
        // The centre cell's colour is the network's output there, not a margin around 0.5.
        Session s = sessionOfPage();
        double[][] a = Grid.activations(s.network(), new double[] {s.view().x(4, 10), s.view().y(4, 10)});
        assertThat(map[4 * 10 + 4]).isEqualTo(a[a.length - 1][0]);
        double[] points = Playground.points();
        assertThat(points[2]).isEqualTo(s.rawTrain().targets()[0]);
    }

    @Test
    void theSineIsDrawnAsTheModelsCurveOverItsPoints() {
        json(Playground.setup("data=sine&hidden=4"));
        Map<String, Object> view = json(Playground.view());
        assertThat(view).containsEntry("curve", true);
        double[] curve = Playground.curve(50);
        assertThat(curve).hasSize(50);
        Session s = sessionOfPage();
        double[][] a = Grid.activations(s.network(), new double[] {s.view().x(7, 50)});
        assertThat(curve[7]).isEqualTo(a[a.length - 1][0]);
        double[] p = Playground.points();
        // A 1-D point is drawn at (x, its target).
        assertThat(p[1]).isEqualTo(s.rawTrain().targets()[0]).isEqualTo(p[2]);
        assertThat(json(Playground.setup("data=plane")).get("ok")).isEqualTo(true);
        assertThat(Playground.curve(50)).isEmpty();
    }

    @Test
    void thePanelsThatAssumeClassesSayWhatTheyDoForRegression() {
        json(Playground.setup("data=sine&hidden=4"));
        assertThat(json(Playground.hiddenSpace(1, 0, 1)).get("error").toString()).contains("one coordinate");
        assertThat(json(Playground.addPoint(0, 0, 1)).get("error").toString()).contains("regression data");
        json(Playground.setup("data=plane&hidden=4"));
        Map<String, Object> race = json(Playground.raceStart("lr=0.01\nlr=0.03", 0.5));
        assertThat(race).containsEntry("measure", "R²");
        Map<String, Object> h = json(Playground.hiddenSpace(1, 0, 1));
        List<Object> points = (List<Object>) h.get("points");
        assertThat((double) points.get(2)).isEqualTo(sessionOfPage().allPoints().targets()[0]);
        assertThat(Playground.dataCsv()).startsWith("x1,x2,target\n");
    }

    @Test
    void theLandscapeOfARegressionIsItsMeanSquaredError() {
        json(Playground.setup("data=plane&hidden=3"));
        Map<String, Object> at = json(Playground.landscapeAt("0-0-0", "0-0-1", 0.25, -0.5));
        Session s = sessionOfPage();
        Dataset train = s.train();
        dev.jgrad.nn.Network net = s.network();
        double sum = 0;
        for (int i = 0; i < train.size(); i++) {
            double[] x = train.points()[i];
            double[][] w = net.layers().get(0).weights();
            double[] b = net.layers().get(0).biases();
            double[] h = new double[w.length];
            for (int o = 0; o < h.length; o++) {
                double z = (o == 0 ? 0.25 * x[0] + -0.5 * x[1] : w[o][0] * x[0] + w[o][1] * x[1]) + b[o];
                h[o] = Math.tanh(z);
            }
            double out = net.layers().get(1).biases()[0];
            for (int o = 0; o < h.length; o++) {
                out += net.layers().get(1).weights()[0][o] * h[o];
            }
            sum += (out - train.targets()[i]) * (out - train.targets()[i]);
        }
        assertThat((double) at.get("loss")).isCloseTo(sum / train.size(), org.assertj.core.api.Assertions.within(1e-9));
    }

    private static Session sessionOfPage() {
        return Page.session();
    }
}
