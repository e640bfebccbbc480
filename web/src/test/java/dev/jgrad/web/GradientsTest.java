package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.data.Dataset;
import dev.jgrad.engine.Value;
import dev.jgrad.nn.MLP;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The gradients on hover are the scalar engine's backward of the mean loss over the same points, to rounding. */
class GradientsTest {
    @ParameterizedTest
    @ValueSource(strings = {"hidden=3&points=20", "hidden=4,3&activation=relu&loss=bce&points=40&seed=3",
        "hidden=5,2&activation=tanh,sigmoid&features=x1,x2,x1sq&points=10"})
    void theLayersRunBackAsTheScalarEngineDoes(String query) {
        Session s = Session.of(Setup.parse(query), null);
        s.epoch();
        Dataset train = s.train();
        double[][][] g = Gradients.of(s.network(), s.setup().loss(), train);

        MLP mlp = new MLP(s.network());
        int n = Math.min(Gradients.SAMPLE, train.size());
        List<List<Value>> out = new ArrayList<>();
        int[] labels = new int[n];
        for (int k = 0; k < n; k++) {
            int i = (int) ((long) k * train.size() / n);
            out.add(mlp.forward(train.points()[i]));
            labels[k] = train.labels()[i];
        }
        s.setup().loss().mean(out, labels).backward();
        List<Value> p = mlp.parameters();
        int at = 0;
        for (double[][] layer : g) {
            for (double[] neuron : layer) {
                for (double v : neuron) {
                    assertThat(v).isCloseTo(p.get(at++).grad(), offset(1e-12));
                }
            }
        }
        assertThat(at).isEqualTo(p.size());
    }
}
