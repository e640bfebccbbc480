package dev.jgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.engine.NoGrad;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TensorMLPTest {
    /** Outputs come a block of rows at a time; every point's must be the bits of that point alone. */
    @ParameterizedTest(name = "{0} points")
    @ValueSource(ints = {1, 255, 256, 257, 600})
    void outputsOfManyPointsAreEachPointsOwnBits(int n) {
        Rng r = new Rng(n);
        TensorMLP model = new TensorMLP(Network.initialise(5, List.of(7, 3),
                Network.activations(2, Activation.RELU, Activation.LINEAR), Init.PYTORCH, r));
        double[] x = new double[n * 5];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextDouble(-2, 2);
        }
        double[] all = model.outputs(new Batch(x, new int[n], 5));
        double[] inScope;
        try (NoGrad scope = NoGrad.enter()) {
            inScope = model.outputs(new Batch(x, new int[n], 5));
        }
        for (int i = 0; i < n; i++) {
            double[] one = model.predict(java.util.Arrays.copyOfRange(x, i * 5, i * 5 + 5));
            assertThat(java.util.Arrays.copyOfRange(all, i * 3, i * 3 + 3)).as("point %d", i).containsExactly(one);
        }
        assertThat(inScope).containsExactly(all);
        assertThat(model.parameters().get(0).grad()).as("no gradient from measuring").containsOnly(0.0);
    }
}
