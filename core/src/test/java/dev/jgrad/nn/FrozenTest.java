package dev.jgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrozenTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void aFrozenNetworkPredictsTheScalarEnginesBits(long seed) {
        Rng r = new Rng(seed);
        Activation hidden = Activation.values()[r.nextInt(Activation.values().length)];
        Network n = Network.initialise(7, List.of(13, 5, 3), Network.activations(3, hidden, Activation.LINEAR), Init.PYTORCH, r);
        Model frozen = n.frozen(), scalar = Engine.SCALAR.build(n);
        for (int k = 0; k < 50; k++) {
            double[] x = new double[7];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian() * 3;
            }
            assertThat(frozen.predict(x)).containsExactly(scalar.predict(x));
        }
        assertThat(frozen.network()).isSameAs(n);
        assertThatThrownBy(frozen::trainable).isInstanceOf(UnsupportedOperationException.class);
    }
}
