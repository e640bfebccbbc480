package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GridTest {
    @ParameterizedTest
    @ValueSource(strings = {"hidden=3", "hidden=16,16,16,16,16,16&activation=relu", "hidden=4,2&features=x1,x2,x1sq,sinx2&seed=5"})
    void onePassGivesEveryNeuronsPictureBitForBit(String query) {
        Playground.setup(query);
        Setup setup = Setup.parse(query);
        double[] all = Playground.neurons(12);
        int at = 0;
        for (int l = 0; l < setup.hidden().size(); l++) {
            for (int o = 0; o < setup.hidden().get(l); o++) {
                double[] one = Playground.neuron(l + 1, o, 12);
                assertThat(Arrays.copyOfRange(all, at, at + one.length)).as("layer %d neuron %d", l + 1, o).containsExactly(one);
                at += one.length;
            }
        }
        assertThat(all).hasSize(at);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hidden="})
    void aLinearModelHasNoHiddenPictures(String query) {
        Playground.setup(query);
        assertThat(Playground.neurons(12)).isEmpty();
    }
}
