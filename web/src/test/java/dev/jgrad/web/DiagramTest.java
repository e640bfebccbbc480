package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The diagram's numbers are network()'s weights, biases, gradients and flags, in their documented places. */
class DiagramTest {
    @ParameterizedTest
    @ValueSource(strings = {"hidden=3", "hidden=16,16,16,16,16,16", "hidden=4,2&features=x1,x2,x1sq&loss=bce",
        "hidden=&data=xor", "hidden=6&activation=relu&lr=3&seed=2", "data=custom&hidden=2"})
    @SuppressWarnings("unchecked")
    void holdsTheNetworksNumbersNeuronByNeuron(String query) {
        Playground.setup(query);
        for (int e = 0; e < 3; e++) {
            Playground.epoch();
        }
        double[] d = Playground.diagram();
        Map<String, Object> net = PlaygroundTest.json(Playground.network());
        int at = 0;
        for (Object o : (List<Object>) net.get("layers")) {
            Map<String, Object> layer = (Map<String, Object>) o;
            List<List<Object>> weights = (List<List<Object>>) layer.get("weights");
            List<Object> biases = (List<Object>) layer.get("biases");
            List<List<Object>> grads = (List<List<Object>>) layer.get("grads");
            List<Object> units = (List<Object>) layer.get("units");
            for (int j = 0; j < weights.size(); j++) {
                int n = weights.get(j).size();
                for (int i = 0; i < n; i++) {
                    same(d[at + i], weights.get(j).get(i));
                    same(d[at + n + 1 + i], grads == null ? Double.NaN : grads.get(j).get(i));
                }
                same(d[at + n], biases.get(j));
                same(d[at + 2 * n + 1], grads == null ? Double.NaN : grads.get(j).get(n));
                Object unit = units == null ? null : units.get(j);
                same(d[at + 2 * n + 2], unit == null ? Double.NaN
                        : unit.equals("saturated") ? Diagram.SATURATED : unit.equals("dead") ? Diagram.DEAD : 0.0);
                at += 2 * n + 3;
            }
        }
        assertThat(d).hasSize(at);
    }

    /** The same double, NaN included; JSON's null (a number that is not finite) is any such number. */
    private static void same(double actual, Object expected) {
        if (expected == null) {
            assertThat(Double.isFinite(actual)).as("%s is not finite", actual).isFalse();
        } else {
            assertThat(Double.valueOf(actual)).isEqualTo(expected);
        }
    }
}
