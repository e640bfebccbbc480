package dev.jgrad.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import dev.jgrad.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hessian-vector products of small MLPs' losses, reverse over reverse (the gradient of ⟨gradient, v⟩),
 * for each hidden activation and each loss: against PyTorch's (hvp-cases.txt, made by
 * bench/pytorch/hvp_cases.py) and against a central difference of the gradient along v.
 */
class HessianVectorTest {
    private static final int[] SIZES = {2, 4, 4};

    record Case(String activation, Loss loss, int k, Map<String, double[]> lines) {
        @Override
        public String toString() {
            return activation + " " + loss;
        }

        double[] get(String key) {
            return lines.get(key);
        }

        List<Tensor> parameters(double[] flat, double step, double[] direction) {
            List<Tensor> ps = new ArrayList<>();
            int[] sizes = {SIZES[0], SIZES[1], SIZES[2], k};
            int at = 0;
            for (int l = 0; l + 1 < sizes.length; l++) {
                for (int[] shape : new int[][] {{sizes[l], sizes[l + 1]}, {sizes[l + 1]}}) {
                    int n = shape.length == 2 ? shape[0] * shape[1] : shape[0];
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = flat[at + i] + step * direction[at + i];
                    }
                    ps.add(Tensor.of(d, shape).requireGrad());
                    at += n;
                }
            }
            return ps;
        }

        Tensor loss(List<Tensor> ps) {
            Tensor h = Tensor.of(get("x"), get("x").length / 2, 2);
            for (int i = 0; i < ps.size(); i += 2) {
                h = h.matmul(ps.get(i)).add(ps.get(i + 1));
                if (i + 2 < ps.size()) {
                    h = switch (activation) {
                        case "tanh" -> h.tanh();
                        case "relu" -> h.relu();
                        default -> h.sigmoid();
                    };
                }
            }
            return loss.mean(h, Arrays.stream(get("labels")).mapToInt(d -> (int) d).toArray());
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                HessianVectorTest.class.getResourceAsStream("/hvp-cases.txt")), StandardCharsets.UTF_8))) {
            String[] head = null;
            Map<String, double[]> lines = new HashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.trim().split("\\s+");
                if (f[0].equals("case")) {
                    head = f;
                    lines = new HashMap<>();
                } else if (f[0].equals("end")) {
                    cases.add(new Case(head[1], Loss.valueOf(head[2].toUpperCase(Locale.ROOT)), Integer.parseInt(head[3]), lines));
                } else if (head != null) {
                    lines.put(f[0], Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return cases.stream();
    }

    /** The gradient of ⟨∇loss, v⟩ by the parameters: H·v. */
    private static double[] hvp(Case c, double[] v) {
        List<Tensor> ps = c.parameters(c.get("params"), 0, v);
        List<Tensor> grads = Tensor.gradients(c.loss(ps), ps, true);
        Tensor dot = null;
        int at = 0;
        for (int i = 0; i < ps.size(); i++) {
            int n = ps.get(i).size();
            Tensor term = grads.get(i).mul(Tensor.of(Arrays.copyOfRange(v, at, at + n), ps.get(i).shape())).sum();
            dot = dot == null ? term : dot.add(term);
            at += n;
        }
        return flat(Tensor.gradients(dot, ps, false));
    }

    private static double[] flat(List<Tensor> ts) {
        return ts.stream().flatMapToDouble(t -> Arrays.stream(t.data())).toArray();
    }

    private static void assertClose(double[] actual, double[] expected, double relative, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat(actual[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(relative * Math.max(1, Math.abs(expected[i]))));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossGradientAndHessianVectorProductMatchPyTorch(Case c) {
        List<Tensor> ps = c.parameters(c.get("params"), 0, c.get("v"));
        Tensor loss = c.loss(ps);
        assertThat(loss.item()).isCloseTo(c.get("loss")[0], within(1e-12));
        assertClose(flat(Tensor.gradients(loss, ps, true)), c.get("grad"), 1e-12, "grad");
        assertClose(hvp(c, c.get("v")), c.get("hvp"), 1e-10, "hvp");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hessianVectorProductIsTheCentralDifferenceOfTheGradient(Case c) {
        double[] v = c.get("v");
        double h = 1e-5;
        double[] plus = gradientAt(c, h);
        double[] minus = gradientAt(c, -h);
        double[] difference = new double[plus.length];
        for (int i = 0; i < plus.length; i++) {
            difference[i] = (plus[i] - minus[i]) / (2 * h);
        }
        assertClose(hvp(c, v), difference, 1e-6, "hvp");
    }

    /** The loss's gradient at params + step · v. */
    private static double[] gradientAt(Case c, double step) {
        List<Tensor> ps = c.parameters(c.get("params"), step, c.get("v"));
        return flat(Tensor.gradients(c.loss(ps), ps, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutAGraphTheGradientsAreBackwardsAndTouchNoGrad(Case c) {
        List<Tensor> ps = c.parameters(c.get("params"), 0, c.get("v"));
        Tensor loss = c.loss(ps);
        double[] plain = flat(Tensor.gradients(loss, ps, false));
        assertThat(flat(ps.stream().map(p -> Tensor.of(p.grad(), p.shape())).toList())).containsOnly(0.0);
        loss.backward();
        assertClose(plain, flat(ps.stream().map(p -> Tensor.of(p.grad(), p.shape())).toList()), 1e-14, "grad");
    }
}
