package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TourTest {
    static IntStream steps() {
        return IntStream.range(0, Tour.count());
    }

    @ParameterizedTest(name = "step {0}")
    @MethodSource("steps")
    void everyStepIsOneScreenOfValidJson(int i) {
        Map<String, Object> s = GraphPanelTest.parse(Tour.step(i));
        assertThat(s).containsKeys("ok", "i", "count", "title", "text", "svg", "query");
        assertThat(s.keySet()).isSubsetOf("ok", "i", "count", "title", "text", "svg", "query", "table", "reading", "graph", "edit", "panel");
        assertThat(s.get("ok")).isEqualTo(true);
        assertThat(s.get("i")).isEqualTo((double) i);
        assertThat(s.get("count")).isEqualTo((double) Tour.count());
        assertThat((String) s.get("title")).isNotBlank();
        assertThat((String) s.get("text")).isNotBlank().doesNotContain("\n");
        Object svg = s.get("svg");
        Object query = s.get("query");
        assertThat((svg != null ? 1 : 0) + (query != null ? 1 : 0) + (s.get("table") != null ? 1 : 0))
                .as("a screen has a picture, a table or a setup").isEqualTo(1);
        if (svg != null) {
            assertThat(Svg.boxes((String) svg)).isNotEmpty().allSatisfy((id, text) -> assertThat(text).contains("data ").contains("grad "));
        } else if (query != null) {
            Map<String, String> pairs = pairs((String) query);
            assertThat(pairs).containsEntry("batch", "1").containsEntry("epochs", "200").containsEntry("play", "1")
                    .containsKey("data").containsKey("activation").containsKey("hidden").containsKey("lr");
            assertThat(Setup.parse((String) query).query()).as("a setup the engine accepts").isNotNull();
            assertThat(Double.parseDouble(pairs.get("lr"))).isPositive();
        }
    }

    @Test
    void theTourFollowsThePost() {
        assertThat(Tour.count()).isEqualTo(21);
        Map<String, String> after = Svg.boxes(svg(1));
        assertThat(after.get("node-a")).isEqualTo("a | data 1.0000 | grad 2.0000");
        assertThat(after.get("node-b")).isEqualTo("b | data 2.0000 | grad 1.0000");
        assertThat(Svg.boxes(svg(0)).get("node-a")).endsWith("grad 0.0000");
        assertThat(Svg.boxes(svg(3)).get("node-o")).isEqualTo("o | data 0.7071 | grad 1.0000");
        assertThat(Svg.boxes(svg(3)).get("node-n")).isEqualTo("n | data 0.8814 | grad 0.5000");
        assertThat(Svg.boxes(svg(6)).get("node-x1_w1")).endsWith("grad 0.0000");
        assertThat(Svg.boxes(svg(7)).get("node-x1_w1")).endsWith("grad 2.0000");
        assertThat(Svg.boxes(svg(7)).get("node-w1")).endsWith("grad 0.0000");
        Map<String, String> swapped = Svg.boxes(svg(8));
        assertThat(swapped.get("node-w1")).endsWith("grad 4.0000");
        assertThat(swapped.get("node-x1")).endsWith("grad 6.0000");
        assertThat(swapped.get("node-w2")).endsWith("grad 8.0000");
        assertThat(swapped.get("node-x2")).endsWith("grad 10.0000");
        assertThat(text(8)).contains("w1.grad += x1 · (x1·w1).grad = 2.0 · 2.0 = 4.0");
        assertThat(text(9)).contains("2.96").contains("4.92").contains("h1 = 25.6, lower than 26");
        assertThat(Svg.boxes(svg(9)).get("node-h1")).startsWith("h1 | data 25.6000");
        List<String> hidden = IntStream.range(10, 15).mapToObj(i -> pairs(query(i)).get("hidden")).toList();
        assertThat(hidden).containsExactly("1", "2", "3", "9", "9");
        assertThat(panel(18)).containsEntry("name", "landscape").containsEntry("option", "landscape-preset-large");
        assertThat(panel(19)).containsEntry("name", "race").containsEntry("option", Tour.RACE);
        assertThat(panel(20)).containsEntry("name", "hidden");
        assertThat(pairs(query(20))).containsEntry("hidden", "2");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> panel(int i) {
        return (Map<String, Object>) GraphPanelTest.parse(Tour.step(i)).get("panel");
    }

    @Test
    void theLossAndChainRuleScreensSayTheRulesUnambiguously() {
        assertThat(text(4)).contains("(o − y).grad += 2.0 · (o − y) · L.grad = 2.0 · (-0.2929) · 1.0 = -0.5858");
        assertThat(Svg.boxes(svg(4)).get("node-L")).startsWith("L | data 0.0858");
        assertThat(text(5)).contains("tanh: n.grad += (1 − o²) · o.grad").contains("w1.grad += x1 · (x1·w1).grad");
        assertThat(Svg.boxes(svg(5)).get("node-w1")).endsWith("grad " + String.format(java.util.Locale.ROOT, "%.4f", 2 * 0.5 * -0.5858));
    }

    @Test
    void everyRowOfTheDerivativeTableAgreesWithItsCentralDifference() {
        List<List<String>> rows = table(2);
        assertThat(rows).hasSizeGreaterThan(6);
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(Double.parseDouble(row.get(3))).as(row.get(0)).isCloseTo(Double.parseDouble(row.get(4)), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void theTrainingScreensUseTheDemosSeedAndBudgetAndTheLastOpensH1() {
        for (int i = 10; i < 15; i++) {
            assertThat(pairs(query(i))).containsEntry("seed", Long.toString(dev.jgrad.app.Demo.SEED)).containsEntry("epochs", "200");
        }
        assertThat(GraphPanelTest.parse(Tour.step(11))).containsEntry("reading", true);
        assertThat((Map<String, Object>) GraphPanelTest.parse(Tour.step(14)).get("graph")).containsEntry("layer", 1.0).containsEntry("index", 0.0);
    }

    @Test
    void theLessonsAreADeepSigmoidNetADyingReluAndOneNeuronOnXor() {
        assertThat(pairs(query(15))).containsEntry("activation", "sigmoid").containsEntry("hidden", "6,6,6,6,6");
        assertThat(pairs(query(16))).containsEntry("activation", "relu").containsEntry("lr", "1");
        assertThat(pairs(query(17))).containsEntry("data", "xor").containsEntry("hidden", "1");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> table(int i) {
        return (List<List<String>>) GraphPanelTest.parse(Tour.step(i)).get("table");
    }

    @Test
    void aStepOutsideTheTourIsAnError() {
        assertThat(GraphPanelTest.parse(Tour.step(-1)).get("ok")).isEqualTo(false);
        assertThat(GraphPanelTest.parse(Tour.step(Tour.count())).get("ok")).isEqualTo(false);
    }

    private static Map<String, String> pairs(String query) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            assertThat(pair).matches("[a-z0-9]+=[A-Za-z0-9.,]+");
            String[] kv = pair.split("=");
            assertThat(m.put(kv[0], kv[1])).as("key %s twice", kv[0]).isNull();
        }
        return m;
    }

    private static String svg(int i) {
        return (String) GraphPanelTest.parse(Tour.step(i)).get("svg");
    }

    private static String text(int i) {
        return (String) GraphPanelTest.parse(Tour.step(i)).get("text");
    }

    private static String query(int i) {
        return (String) GraphPanelTest.parse(Tour.step(i)).get("query");
    }
}
