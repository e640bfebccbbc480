package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Predictor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exported API on the JVM: every answer is JSON with its documented fields, and the post's circle trains. */
class PlaygroundTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @Test
    void setupAnswersTheQueryTheCommandAndEverySetting() {
        Map<String, Object> a = json(Playground.setup("?hidden=4,4&lr=0.05&seed=7"));
        assertThat(a).containsEntry("ok", true).containsEntry("query", "hidden=4,4&lr=0.05&seed=7")
                .containsKeys("command", "setup", "engine", "parameters", "trainPoints", "testPoints");
        assertThat((Map<String, Object>) a.get("setup")).containsOnlyKeys(Control.ALL.stream().map(Control::key).toList());
        assertThat(a.get("command")).isEqualTo("jgrad train --data circle --points 300 --noise 0 --hidden 4,4 --activation tanh "
                + "--output-activation tanh --init uniform --loss mse --optimizer sgd --lr 0.05 --batch 1 --val 0.2 --epochs 200 --seed 7");
        assertThat(a.get("parameters")).isEqualTo(37.0);
    }

    @Test
    void controlsListEveryKeyWithItsKindAndDefault() {
        List<Object> controls = (List<Object>) json(Playground.controls()).get("controls");
        assertThat(controls).hasSize(Control.ALL.size());
        for (Object c : controls) {
            assertThat((Map<String, Object>) c).containsKeys("key", "label", "kind", "choices", "min", "max", "default");
        }
    }

    @Test
    void thePostsNineNeuronCircleTrainsToNinetyPercentThroughTheApi() {
        json(Playground.setup("data=circle&hidden=9&activation=tanh&lr=0.01&batch=1&seed=42"));
        Map<String, Object> before = json(Playground.stats());
        assertThat(before).containsKeys("ok", "epoch", "step", "trainLoss", "trainAccuracy", "testLoss", "testAccuracy", "stopped");
        assertThat(before.get("epoch")).isEqualTo(0.0);
        Map<String, Object> s = before;
        for (int e = 0; e < 100; e++) {
            s = json(Playground.epoch());
        }
        assertThat(s.get("epoch")).isEqualTo(100.0);
        assertThat((double) s.get("step")).isEqualTo(100.0 * 240);
        assertThat((double) s.get("trainAccuracy")).isGreaterThanOrEqualTo(0.9);
        assertThat((double) s.get("trainLoss")).isLessThan((double) before.get("trainLoss"));
        assertThat(s.get("stopped")).isNull();
    }

    @Test
    void stepMakesOneUpdateAndTrainStopsWithinItsBudgetMidEpoch() {
        Playground.setup("batch=10");
        assertThat(json(Playground.step())).containsEntry("step", 1.0).containsEntry("epoch", 0.0);
        // 2,000 points one at a time through six layers of 16: an epoch is 1,600 updates, far beyond 1 ms.
        Playground.setup("points=2000&hidden=16,16,16,16,16,16&batch=1");
        Map<String, Object> t = json(Playground.train(1));
        assertThat((double) t.get("step")).isBetween(1.0, 1599.0);
        assertThat(t.get("epoch")).isEqualTo(0.0);
    }

    @Test
    void withoutPointsTrainingSaysWhyInALine() {
        Playground.setup("data=custom&hidden=2");
        Playground.reset();
        String why = "no points to train on yet: click the plot to add some (shift-click for the other class)";
        assertThat(json(Playground.step())).containsEntry("ok", false).containsEntry("error", why);
        assertThat(json(Playground.epoch())).containsEntry("error", why);
        assertThat(json(Playground.train(20))).containsEntry("error", why);
    }

    @Test
    void aDrawnPointAnswersTheDrawingsSetupAndCommand() {
        Playground.setup("data=circle&hidden=3&seed=5");
        Map<String, Object> a = json(Playground.addPoint(0.5, 0.5, 1));
        assertThat(a).containsEntry("ok", true).containsEntry("query", "data=custom&hidden=3&seed=5").containsKeys("epoch", "trainLoss");
        assertThat((Map<String, Object>) a.get("setup")).containsEntry("data", "custom");
        assertThat((String) a.get("command")).contains("--csv points.csv");
        // The next change of a setting keeps the drawing: the circle's 300 points and the one drawn.
        Map<String, Object> next = json(Playground.setup("data=custom&hidden=4&seed=5"));
        assertThat((double) next.get("trainPoints") + (double) next.get("testPoints")).isEqualTo(301.0);
    }

    @Test
    void drawnPointsStopAtThePointLimit() {
        Playground.setup("data=custom&hidden=1&ratio=90");
        Playground.reset();
        // The drawing may hold points from other tests (the page's state is static): fill it up to the limit.
        for (int i = Playground.points().length / 4; i < Control.MAX_POINTS; i++) {
            assertThat(json(Playground.addPoint(i % 100 / 100.0, i / 2000.0, i % 2))).containsEntry("ok", true);
        }
        assertThat(json(Playground.addPoint(0, 0, 1))).containsEntry("ok", false)
                .containsEntry("error", "the plot has 2000 points; drawing adds none beyond 2000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lr=1d | lr: '1d' is not a number",
        "lr=0x1p3 | lr: '0x1p3' is not a number",
        "lr=0,5 | lr: '0,5' is not a number; write decimals with a point (0.5)",
        "features= | features: none chosen; choose at least one input feature"})
    void aValueTheCliWouldNotReadIsOneLine(String query, String message) {
        assertThat(json(Playground.setup(query))).containsEntry("ok", false).containsEntry("error", message);
    }

    @Test
    void aBadSetupIsOneLineAndKeepsThePreviousOne() {
        Playground.setup("hidden=3&seed=5");
        String net = Playground.network();
        Map<String, Object> bad = json(Playground.setup("hidden=17"));
        assertThat(bad).containsEntry("ok", false).containsEntry("error", "hidden: 17 neurons is more than 16");
        assertThat(Playground.network()).isEqualTo(net);
        assertThat(json(Playground.stats()).get("query")).isEqualTo("hidden=3&seed=5");
    }

    @Test
    void thePicturesHaveOneValuePerCellAndFourNumbersPerPoint() {
        Playground.setup("hidden=5,3&ratio=50&points=100");
        assertThat(Playground.boundary(60)).hasSize(3600);
        double[] neuron = Playground.neuron(2, 2, 10);
        assertThat(neuron).hasSize(100);
        assertThat(java.util.Arrays.stream(neuron).allMatch(v -> v > -1 && v < 1)).isTrue();
        assertThat(Playground.neuron(3, 1, 10)).isEmpty();
        double[] p = Playground.points();
        assertThat(p).hasSize(400);
        int tests = 0;
        for (int i = 0; i < 100; i++) {
            tests += (int) p[4 * i + 3];
            assertThat(p[4 * i + 2]).isIn(0.0, 1.0);
        }
        assertThat(tests).isEqualTo(50);
        Map<String, Object> view = json(Playground.view());
        assertThat(view).containsKeys("xmin", "xmax", "ymin", "ymax");
        Map<String, Object> net = json(Playground.network());
        assertThat(net.get("features")).isEqualTo(List.of("x1", "x2"));
        assertThat((List<Object>) net.get("layers")).hasSize(3);
    }

    /** The boundary's sign is the model's class: the grid agrees with the model file's predictor cell by cell. */
    @Test
    void theModelFileReadsBackAndPredictsWhatTheBoundaryShows() {
        Playground.setup("features=x1sq,x2sq,x1&hidden=3&loss=bce&optimizer=adam&lr=0.05&batch=full");
        for (int e = 0; e < 20; e++) {
            Playground.epoch();
        }
        ModelFile file = ModelFile.fromJson(Playground.modelJson());
        assertThat(file.metadata()).containsEntry("transform", List.of("x1sq", "x2sq", "x1")).containsEntry("loss", "bce");
        Predictor p = file.predictor();
        Map<String, Object> v = json(Playground.view());
        View view = new View((double) v.get("xmin"), (double) v.get("xmax"), (double) v.get("ymin"), (double) v.get("ymax"));
        double[] grid = Playground.boundary(12);
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 12; i++) {
                double margin = p.loss().margin(p.outputs(view.x(i, 12), view.y(j, 12)));
                assertThat(grid[j * 12 + i]).isCloseTo(margin, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void aNeuronsGraphOpensOnTheSessionsWeightsAndStepsItsBackwardPass() {
        Playground.setup("hidden=3&features=x1,x1sq");
        Map<String, Object> g = json(Playground.graph(1, 0, 5));
        assertThat(g).containsEntry("ok", true).containsKeys("svg", "explain", "done", "node");
        assertThat((String) g.get("svg")).startsWith("<svg").contains("x1²");
        Map<String, Object> next = json(Playground.backpropStep());
        assertThat(next.get("explain")).isNotEqualTo(g.get("explain"));
        assertThat(json(Playground.backpropRun())).containsEntry("done", true);
        assertThat(json(Playground.descend())).containsEntry("ok", true);
        assertThat(json(Playground.graph(2, 0, 5))).containsEntry("ok", true);
        assertThat(json(Playground.graph(3, 0, 5))).containsEntry("ok", false);
        assertThat(json(Playground.graph(1, 0, 300))).containsEntry("ok", false).containsEntry("error", "point 300 is not one of the 300 points");
        assertThat(json(Playground.tour(0))).containsEntry("ok", true).containsEntry("i", 0.0);
    }

    @Test
    void aDivergingRunStopsWithTheEpochNamed() {
        Playground.setup("activation=linear&loss=bce&hidden=16,16,16,16,16,16&init=uniform&features=x1sq,x2sq,x1x2&lr=10&batch=full"
                + "&data=gauss&noise=1");
        // the most train takes at once: a frame's budget, not seconds of a frozen tab
        Map<String, Object> s = json(Playground.train(Playground.MAX_TRAIN_MILLIS));
        assertThat((String) s.get("stopped")).matches("the (training )?loss (became|is) \\S+ (at|after) epoch \\d+.*");
        double epoch = (double) s.get("epoch");
        assertThat(json(Playground.epoch()).get("epoch")).isEqualTo(epoch);
        // The weights are past the doubles now: the drawing's answers still come, with null for them.
        assertThat(json(Playground.network())).containsEntry("ok", true);
        assertThat(json(Playground.view())).containsKeys("xmin", "xmax");
    }

    @Test
    void drawnPointsStartCustomDataAndTrain() {
        Playground.setup("data=custom&hidden=2&ratio=90");
        Playground.reset();
        assertThat(Playground.points()).isEmpty();
        for (int i = 0; i < 10; i++) {
            Playground.addPoint(0.1 * i, 0.1 * i, i % 2);
        }
        Map<String, Object> bad = json(Playground.addPoint(0, 0, 2));
        assertThat(bad).containsEntry("ok", false);
        assertThat(Playground.points()).hasSize(40);
        assertThat(json(Playground.epoch()).get("epoch")).isEqualTo(1.0);
        assertThat(json(Playground.setup("data=custom&hidden=3")).get("trainPoints")).isEqualTo(8.0);
    }

    @Test
    void aLoadedCsvBecomesTheData() {
        Map<String, Object> a = json(Playground.loadCsv("u,v,kind\n0,0,in\n2,2,out\n0.1,0,in\n2,1.9,out\n0,0.2,in\n"));
        assertThat(a).containsEntry("ok", true);
        assertThat((String) a.get("command")).contains("--csv data.csv --label kind --scale none");
        ModelFile file = ModelFile.fromJson(Playground.modelJson());
        assertThat(file.metadata()).containsEntry("features", List.of("u", "v")).containsEntry("labelColumn", "kind")
                .containsEntry("classes", List.of("in", "out"));
    }

    @Test
    void aLoadedFilesClassesAreSortedAsTheCliSortsThem() {
        Playground.setup("");
        Map<String, Object> a = json(Playground.loadCsv("u,v,kind\n2,2,out\n0,0,in\n2,1.9,out\n0.1,0,in\n"));
        assertThat(a).containsEntry("ok", true);
        double[] p = Playground.points();
        for (int i = 0; i < p.length; i += 4) {
            assertThat(p[i + 2]).as("class of (%s, %s)", p[i], p[i + 1]).isEqualTo(p[i] < 1 ? 0.0 : 1.0);
        }
        assertThat(ModelFile.fromJson(Playground.modelJson()).metadata()).containsEntry("classes", List.of("in", "out"));
    }

    @Test
    void quotedCommasAreOneCellAsInTheCli() {
        Map<String, Object> a = json(Playground.loadCsv("x,y,\"kind, of\"\n0,0,\"a,b\"\n1,1,c\n0,1,\"a,b\"\n"));
        assertThat(a).containsEntry("ok", true);
        assertThat((String) a.get("command")).contains("--label 'kind, of'");
        assertThat(ModelFile.fromJson(Playground.modelJson()).metadata()).containsEntry("classes", List.of("a,b", "c"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'' | data.csv: empty file; expected a header row",
        "'x,y,label\n' | data.csv: no data rows after the header",
        "'a,b,c,label\n1,2,3,x\n' | the file has 3 features; the playground takes two (and a label)",
        "'a,label\n1,x\n' | the header has 2 columns; expected two features and a label, e.g. x1,x2,label (or one feature and a target, x1,target)",
        "'a,b,label\n1,2,x\n1,oops,y\n' | data.csv:3: column 2 ('b'): 'oops' is not a finite number",
        "'a,b,label\n1,2\n' | data.csv:2: 2 cells, but the header has 3",
        "'a,b,label\n1,2,x\n1,2,y\n3,3,z\n' | data.csv: column 'label' has 3 classes (x, y, z); the playground takes two",
        "'a,b,label\n1,2,x\n1,3,x\n' | data.csv: column 'label' has only one class ([x]); need at least 2",
        "'a,a,label\n1,2,x\n1,3,y\n' | data.csv:1: column 2 ('a') has the same name as column 1; header names must differ",
        "'a,b,label\n1,1d,x\n1,3,y\n' | data.csv:2: column 2 ('b'): '1d' is not a finite number",
        "'a,b,label\n1,2,\0\n' | the file is not readable as CSV text",
        "'a,b,label\n1,2e6,x\n1,3,y\n' | data.csv:2: column 'b' is 2e6; the playground trains on unscaled features of at most ±10000: scale the file first (or train it with jgrad train --scale standard)",
        "'a,b,label\n-1e308,1,x\n1e308,3,y\n' | data.csv:2: column 'a' is -1e308; the playground trains on unscaled features of at most ±10000: scale the file first (or train it with jgrad train --scale standard)"})
    void aBadCsvIsOneLineAndKeepsThePreviousData(String text, String message) {
        Playground.setup("points=50");
        double[] before = Playground.points();
        assertThat(json(Playground.loadCsv(text.replace("\\n", "\n").replace("\\0", "\0")))).containsEntry("ok", false)
                .containsEntry("error", message);
        assertThat(Playground.points()).isEqualTo(before);
    }

    @Test
    void moreThanTenThousandRowsAreRefusedBeforeAnyRowIsRead() {
        Playground.setup("");
        String rows = "a,b,label\n" + "1,2,x\n3,4,y\n".repeat(5000) + "\n\r\n" + "\"not closed,,\n".repeat(100);
        assertThat(json(Playground.loadCsv(rows))).containsEntry("error", "the file has more than 10000 rows");
        String exactly = "a,b,label\n" + "1,2,x\n3,4,y\n".repeat(5000) + "\n\n";
        assertThat(json(Playground.loadCsv(exactly))).containsEntry("ok", true).containsEntry("trainPoints", 8000.0);
    }

    @Test
    void csvDataWithoutALoadedFileIsAnError() {
        // The static session may hold a file from another test; only the wording is checked when there is none.
        Map<String, Object> a = json(Playground.setup("data=csv"));
        if (a.get("ok").equals(false)) {
            assertThat(a.get("error")).isEqualTo("data: csv needs a loaded file; load one first");
        }
    }
}
