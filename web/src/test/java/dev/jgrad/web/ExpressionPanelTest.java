package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.app.Expression;
import dev.jgrad.engine.Value;
import dev.jgrad.io.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionPanelTest {
    private static final String NEURON = "tanh(x1*w1 + x2*w2 + b)";
    private static final String POST = "x1=2, w1=-3, x2=0, w2=1, b=6.8813735870195432";

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
        "tanh(x1*w1 + x2*w2 + b) | x1=2, w1=-3, x2=0, w2=1, b=6.8813735870195432",
        "a*b + c                 | a=2, b=-3, c=10",
        "x*x + exp(x) / y        | x=0.5, y=2",
        "sigmoid(a - b)**2 + log(c) * relu(a) | a=1.5, b=-0.25, c=3",
        "-(p^q) + p*q*q          | p=1.3, q=2.5"})
    void steppingBackwardToTheEndGivesValueBackwardsGrads(String text, String values) {
        ExpressionPanel panel = ExpressionPanel.open(text, values);
        Map<String, Object> a = parse(panel.answer());
        while (!(Boolean) a.get("backwardDone")) {
            a = parse(panel.backwardStep());
        }
        Value expected = Expression.parse(text).evaluate(ExpressionValues.parse(values));
        expected.backward();
        Map<?, ?> grads = (Map<?, ?>) a.get("grads");
        for (Map.Entry<String, Value> leaf : Expression.leaves(expected).entrySet()) {
            assertThat(((Number) grads.get(leaf.getKey())).doubleValue()).as(leaf.getKey()).isEqualTo(leaf.getValue().grad());
        }
        assertThat(grads).hasSize(Expression.leaves(expected).size());
    }

    @Test
    void theForwardPassAppearsNodeByNodeWithItsRule() {
        ExpressionPanel panel = ExpressionPanel.open(NEURON, POST);
        Map<String, Object> a = parse(panel.answer());
        assertThat((String) a.get("svg")).contains("data ?");
        a = parse(panel.forwardStep());
        assertThat((String) a.get("explain")).isEqualTo("forward 1/5: x1·w1 = x1 · w1 = 2.0000 · -3.0000 = -6.0000");
        int steps = 1;
        while (!(Boolean) a.get("forwardDone")) {
            a = parse(panel.forwardStep());
            steps++;
        }
        assertThat(steps).isEqualTo(5);
        assertThat((String) a.get("explain")).contains("= 0.7071");
        assertThat((String) a.get("svg")).doesNotContain("data ?");
    }

    /** A node whose formula is too long for its box goes by its id: the box shows it, as the rules say it. */
    @Test
    void everyNameTheForwardRulesSayIsDrawnInTheGraph() {
        ExpressionPanel panel = ExpressionPanel.open(NEURON, POST);
        Map<String, Object> a = parse(panel.forwardStep());
        while (true) {
            String explain = (String) a.get("explain");
            String name = explain.substring(explain.indexOf(": ") + 2, explain.indexOf(" = "));
            assertThat((String) a.get("svg")).as(explain).contains(">" + name + "</text>");
            if ((Boolean) a.get("forwardDone")) {
                break;
            }
            a = parse(panel.forwardStep());
        }
    }

    @Test
    void theGradientCheckAgreesWithBackprop() {
        Map<String, Object> a = parse(ExpressionPanel.open(NEURON, POST).gradientCheck("w1"));
        double backprop = ((Number) a.get("backprop")).doubleValue();
        assertThat(backprop).isEqualTo(1.0000, offset(1e-4));   // the post: w1.grad = 1.0 (x1 · n.grad = 2 · 0.5)
        assertThat(((Number) a.get("numeric")).doubleValue()).isEqualTo(backprop, offset(1e-6));
        assertThat(ExpressionPanel.open(NEURON, POST).gradientCheck("nothing")).contains("no node 'nothing'");
    }

    @Test
    void aGradientStepOnChosenVariablesLowersTheOutput() {
        ExpressionPanel panel = ExpressionPanel.open(NEURON, POST).descend(List.of("w1", "b"), 0.1);
        Map<String, Object> a = parse(panel.answer());
        assertThat((String) a.get("values")).startsWith("x1=2, w1=-3.1, x2=0, w2=1, b=6.83");
        assertThat((String) a.get("explain")).contains("w1: -3.00 → -3.10").contains("(lower than it was)");
        assertThat(((Number) a.get("value")).doubleValue()).isLessThan(0.7071);
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource(delimiter = '|', value = {
        "tanh(x1*w1 +)   | x1=1, w1=2 | column 13: expected a number",
        "tahn(x1)        | x1=1       | column 1: unknown function 'tahn'",
        "x1*w1 + b       | x1=1, w1=2 | column 9: b has no value",
        "x1*w1           | x1=1, w1=z | values, column 10: w1=z: 'z' is not a number"})
    void badInputIsOneLineNamingThePlaceAndKeepsTheLastGoodGraph(String text, String values, String expected) {
        Map<String, Object> good = parse(ExpressionExports.open(NEURON, POST));
        Map<String, Object> bad = parse(ExpressionExports.open(text, values));
        assertThat((String) bad.get("error")).startsWith(expected).doesNotContain("\n");
        assertThat(parse(ExpressionExports.forward()).get("expression")).isEqualTo(good.get("expression"));
    }

    @Test
    void aGraphOfFiveHundredNodesIsRefused() {
        String big = "x" + " + x".repeat(499);
        assertThat(parse(ExpressionExports.open(big, "x=1")).get("error")).isEqualTo(
                "the graph has 500 nodes; the panel steps through at most " + ExpressionPanel.MAX_NODES);
        String fits = "x" + " + x".repeat(300);
        assertThat(parse(ExpressionExports.open(fits, "x=1")).get("ok")).isEqualTo(true);
    }

    @Test
    void valuesReadBackAsTheSameNumbers() {
        Map<String, Double> v = ExpressionValues.parse("a=0.1; b=-2.5e-3 c=6.8813735870195432");
        assertThat(ExpressionValues.parse(ExpressionValues.text(v))).isEqualTo(v);
        assertThat(ExpressionExports.names(" w1, b  x2 ")).containsExactly("w1", "b", "x2");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String json) {
        return (Map<String, Object>) Json.parse(json);
    }
}
