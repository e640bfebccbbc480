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
        assertThat(s).containsOnlyKeys("ok", "i", "count", "title", "text", "svg", "query");
        assertThat(s.get("ok")).isEqualTo(true);
        assertThat(s.get("i")).isEqualTo((double) i);
        assertThat(s.get("count")).isEqualTo((double) Tour.count());
        assertThat((String) s.get("title")).isNotBlank();
        assertThat((String) s.get("text")).isNotBlank().doesNotContain("\n");
        Object svg = s.get("svg");
        Object query = s.get("query");
        assertThat(svg == null).as("a screen has a picture or a setup, not both").isNotEqualTo(query == null);
        if (svg != null) {
            assertThat(Svg.boxes((String) svg)).isNotEmpty().allSatisfy((id, text) -> assertThat(text).contains("data ").contains("grad "));
        } else {
            Map<String, String> pairs = pairs((String) query);
            assertThat(pairs).containsEntry("data", "circle").containsEntry("activation", "tanh").containsEntry("batch", "1")
                    .containsEntry("play", "1").containsKey("hidden").containsKey("lr");
            assertThat(Double.parseDouble(pairs.get("lr"))).isPositive();
        }
    }

    @Test
    void theTourFollowsThePost() {
        assertThat(Tour.count()).isEqualTo(11);
        Map<String, String> after = Svg.boxes(svg(1));
        assertThat(after.get("node-a")).isEqualTo("a | data 1.0000 | grad 2.0000");
        assertThat(after.get("node-b")).isEqualTo("b | data 2.0000 | grad 1.0000");
        assertThat(Svg.boxes(svg(0)).get("node-a")).endsWith("grad 0.0000");
        assertThat(Svg.boxes(svg(2)).get("node-o")).isEqualTo("o | data 0.7071 | grad 1.0000");
        assertThat(Svg.boxes(svg(2)).get("node-n")).isEqualTo("n | data 0.8814 | grad 0.5000");
        assertThat(Svg.boxes(svg(3)).get("node-o1")).endsWith("grad 0.0000");
        assertThat(Svg.boxes(svg(4)).get("node-o1")).endsWith("grad 2.0000");
        assertThat(Svg.boxes(svg(4)).get("node-w1")).endsWith("grad 0.0000");
        Map<String, String> swapped = Svg.boxes(svg(5));
        assertThat(swapped.get("node-w1")).endsWith("grad 4.0000");
        assertThat(swapped.get("node-x1")).endsWith("grad 6.0000");
        assertThat(swapped.get("node-w2")).endsWith("grad 8.0000");
        assertThat(swapped.get("node-x2")).endsWith("grad 10.0000");
        assertThat(text(5)).contains("w1.grad += x1 · o1.grad = 2.0 · 2.0 = 4.0");
        assertThat(text(6)).contains("2.96").contains("4.92").contains("h1 = 25.6, lower than 26");
        assertThat(Svg.boxes(svg(6)).get("node-h1")).startsWith("h1 | data 25.6000");
        List<String> hidden = IntStream.range(7, 11).mapToObj(i -> pairs(query(i)).get("hidden")).toList();
        assertThat(hidden).containsExactly("1", "2", "3", "9");
    }

    @Test
    void aStepOutsideTheTourIsAnError() {
        assertThat(GraphPanelTest.parse(Tour.step(-1)).get("ok")).isEqualTo(false);
        assertThat(GraphPanelTest.parse(Tour.step(Tour.count())).get("ok")).isEqualTo(false);
    }

    private static Map<String, String> pairs(String query) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            assertThat(pair).matches("[a-z0-9]+=[A-Za-z0-9.]+");
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
