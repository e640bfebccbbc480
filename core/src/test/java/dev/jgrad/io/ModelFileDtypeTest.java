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
}
