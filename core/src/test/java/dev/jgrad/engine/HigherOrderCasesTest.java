package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * First, second and third derivatives of every primitive alone and of random graphs, against PyTorch's
 * {@code torch.autograd.grad(create_graph=True)} in float64 (higher-order-cases.txt, made by
 * bench/pytorch/higher_order_cases.py): each order is {@link Value#gradients} of the one before.
 */
class HigherOrderCasesTest {
    private static final double RELATIVE = 1e-10;

    static Stream<ReferenceCasesTest.Case> cases() throws IOException {
        return ReferenceCasesTest.cases("/higher-order-cases.txt");
    }

    @ParameterizedTest
    @MethodSource("cases")
    void derivativesOfOrdersOneToThreeMatchPyTorch(ReferenceCasesTest.Case c) {
        Map<Integer, Value> nodes = new HashMap<>();
        List<Value> leaves = new ArrayList<>();
        Value out = null;
        for (String[] f : c.lines()) {
            int i = Integer.parseInt(f[1]);
            if (f[0].equals("leaf")) {
                Value leaf = Value.of(Double.parseDouble(f[2]), "x" + i);
                leaves.add(leaf);
                nodes.put(i, leaf);
            } else if (f[0].equals("op")) {
                out = ReferenceCasesTest.apply(f, nodes);
                nodes.put(i, out);
            }
        }
        Map<String, Value> found = new HashMap<>();
        derive(out, leaves, "", 3, found);
        int checked = 0;
        for (String[] f : c.lines()) {
            if (f[0].matches("d[123]")) {
                String key = String.join(" ", List.of(f).subList(1, f.length - 1));
                double expected = Double.parseDouble(f[f.length - 1]);
                assertThat(found.get(key).data()).as("%s: d%s", c, key)
                        .isCloseTo(expected, within(RELATIVE * Math.max(1, Math.abs(expected))));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(leaves.size() * (1 + leaves.size() * (1 + leaves.size())));
    }

    /** Every derivative of {@code y} up to {@code orders} more, keyed by the leaves' indices ("0 1 1"). */
    private static void derive(Value y, List<Value> leaves, String key, int orders, Map<String, Value> found) {
        if (orders == 0) {
            return;
        }
        List<Value> grads = Value.gradients(y, leaves, true);
        for (int i = 0; i < leaves.size(); i++) {
            String k = key.isEmpty() ? String.valueOf(i) : key + " " + i;
            found.put(k, grads.get(i));
            derive(grads.get(i), leaves, k, orders - 1, found);
        }
    }
}
