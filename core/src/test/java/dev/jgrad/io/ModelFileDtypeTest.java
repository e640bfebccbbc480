package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.tensor.DType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A model file records the dtype its model computed in, and predicts in it. */
class ModelFileDtypeTest {
    private static TensorMLP model() {
        return new TensorMLP(Network.initialise(3, List.of(5, 4), Network.activations(2, Activation.TANH, Activation.LINEAR),
                Init.PYTORCH, new Rng(3)), DType.FLOAT32);
    }

    @Test
    void aFloat32ModelPredictsItsOwnBitsAfterSavingAndLoading() {
        TensorMLP trained = model();
        ModelFile saved = new ModelFile(trained.network(), Map.of("dtype", "float32"));
        ModelFile loaded = ModelFile.fromJson(saved.toJson());
        assertThat(loaded.dtype()).isEqualTo(DType.FLOAT32);
        assertThat(loaded.predictor().model().dtype()).isEqualTo(DType.FLOAT32);
        double[] x = {0.3, -1.7, 2.25};
        assertThat(loaded.predictor().outputs(x)).containsExactly(trained.predict(x));
    }

    @Test
    void aFileWithoutDtypeIsFloat64AndABadOneIsRefused() {
        ModelFile plain = new ModelFile(model().network(), Map.of());
        assertThat(ModelFile.fromJson(plain.toJson()).dtype()).isEqualTo(DType.FLOAT64);
        String bad = new ModelFile(model().network(), Map.of("dtype", "float16")).toJson();
        assertThatThrownBy(() -> ModelFile.fromJson(bad))
                .hasMessage("the metadata's \"dtype\" should be float64 or float32, not float16");
    }
    /** A network of seeded float32 weights spread over many magnitudes, as trained weights are. */
    private static Network floats(long seed) {
        Rng r = new Rng(seed);
        Network start = Network.initialise(40, List.of(30, 10), Network.activations(2, Activation.RELU, Activation.LINEAR),
                Init.PYTORCH, r.split());
        List<Network.Dense> layers = new java.util.ArrayList<>();
        for (Network.Dense d : start.layers()) {
            double[][] w = new double[d.outputs()][];
            double[] b = new double[d.outputs()];
            for (int o = 0; o < w.length; o++) {
                w[o] = new double[d.inputs()];
                for (int i = 0; i < w[o].length; i++) {
                    w[o][i] = (float) (d.weights()[o][i] * Math.pow(10, -r.nextInt(8)));
                }
                b[o] = (float) (r.nextDouble() - 0.5);
            }
            layers.add(new Network.Dense(w, b, d.activation()));
        }
        return new Network(40, layers);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void float32WeightsReadBackAsTheSameFloats(long seed) {
        Network network = floats(seed);
        ModelFile loaded = ModelFile.fromJson(new ModelFile(network, Map.of("dtype", "float32")).toJson());
        for (int l = 0; l < network.layers().size(); l++) {
            Network.Dense saved = network.layers().get(l), read = loaded.network().layers().get(l);
            for (int o = 0; o < saved.outputs(); o++) {
                for (int i = 0; i < saved.inputs(); i++) {
                    assertThat(Float.floatToIntBits((float) read.weights()[o][i]))
                            .isEqualTo(Float.floatToIntBits((float) saved.weights()[o][i]));
                    assertThat(read.weights()[o][i]).as("held as the float itself").isEqualTo((double) (float) read.weights()[o][i]);
                }
                assertThat(read.biases()[o]).isEqualTo(saved.biases()[o]);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    // 9 significant digits instead of 17; the separators, signs and exponents are the same in both
    void aFloat32ModelFileIsAboutSixTenthsOfTheFloat64One(long seed) {
        Network network = floats(seed);
        int single = new ModelFile(network, Map.of("dtype", "float32")).toJson().length();
        int dbl = new ModelFile(network, Map.of("dtype", "float64")).toJson().length();
        assertThat((double) single / dbl).as(single + " against " + dbl + " characters").isLessThan(0.65);
    }
}
