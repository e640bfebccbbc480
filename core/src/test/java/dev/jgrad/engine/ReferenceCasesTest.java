package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the 300 PyTorch-computed graphs of value-cases.txt (shared/reference) through Value. */
class ReferenceCasesTest {
    private static final double RELATIVE = 1e-9;

    record Case(int id, List<String[]> lines) {
        @Override
        public String toString() {
            return "case " + id;
        }
    }

    static Stream<Case> cases() throws IOException {
        return cases("/value-cases.txt");
    }

    /** The cases of a file in value-cases.txt's format (higher-order-cases.txt shares it). */
    static Stream<Case> cases(String resource) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ReferenceCasesTest.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
            List<String[]> lines = null;
            int id = -1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                switch (f[0]) {
                    case "case" -> {
                        id = Integer.parseInt(f[1]);
                        lines = new ArrayList<>();
                    }
                    case "end" -> cases.add(new Case(id, lines));
                    default -> lines.add(f);
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void everyValueAndLeafGradientMatchesPyTorch(Case c) {
        Map<Integer, Value> nodes = new HashMap<>();
        List<Value> leaves = new ArrayList<>();
        Value last = null;
        for (String[] f : c.lines()) {
            int i = Integer.parseInt(f[1]);
            switch (f[0]) {
                case "leaf" -> {
                    Value leaf = Value.of(Double.parseDouble(f[2]), "x" + i);
                    leaves.add(leaf);
                    nodes.put(i, leaf);
                }
                case "op" -> {
                    last = apply(f, nodes);
                    nodes.put(i, last);
                }
                default -> { }
            }
        }
        last.backward();
        int checked = 0;
        for (String[] f : c.lines()) {
            if (f[0].equals("value")) {
                assertClose(nodes.get(Integer.parseInt(f[1])).data(), Double.parseDouble(f[2]), "value of node " + f[1]);
                checked++;
            } else if (f[0].equals("grad")) {
                assertClose(nodes.get(Integer.parseInt(f[1])).grad(), Double.parseDouble(f[2]), "grad of leaf " + f[1]);
                checked++;
            }
        }
        assertThat(checked).as("expectations in %s", c).isGreaterThan(leaves.size());
    }

    static Value apply(String[] f, Map<Integer, Value> nodes) {
        Value a = nodes.get(Integer.parseInt(f[3]));
        return switch (f[2]) {
            case "neg" -> a.neg();
            case "exp" -> a.exp();
            case "log" -> a.log();
            case "tanh" -> a.tanh();
            case "relu" -> a.relu();
            case "sigmoid" -> a.sigmoid();
            case "add" -> a.add(nodes.get(Integer.parseInt(f[4])));
            case "sub" -> a.sub(nodes.get(Integer.parseInt(f[4])));
            case "mul" -> a.mul(nodes.get(Integer.parseInt(f[4])));
            case "div" -> a.div(nodes.get(Integer.parseInt(f[4])));
            case "powv" -> a.pow(nodes.get(Integer.parseInt(f[4])));
            case "powk" -> a.pow(Double.parseDouble(f[4]));
            case "addk" -> a.add(Double.parseDouble(f[4]));
            case "mulk" -> a.mul(Double.parseDouble(f[4]));
            case "rdivk" -> a.pow(-1).mul(Double.parseDouble(f[4]));
            default -> throw new IllegalArgumentException("unknown op " + f[2]);
        };
    }

    private static void assertClose(double actual, double expected, String what) {
        double tolerance = RELATIVE * Math.max(1, Math.abs(expected));
        assertThat(actual).as(what).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
    }
}
