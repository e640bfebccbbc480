package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.base.Rng;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LandscapeTest {
    /** A line fit to 0/1 targets under MSE: least squares says where the minimum is. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3})
    void theMinimumOfALineFitSitsWhereLeastSquaresSays(int seed) {
        Rng r = new Rng(seed);
        int m = 60;
        double[][] x = new double[m][];
        int[] t = new int[m];
        double sx = 0, st = 0, sxx = 0, sxt = 0;
        for (int i = 0; i < m; i++) {
            double v = 2 * r.nextDouble() - 1;
            x[i] = new double[] {v};
            t[i] = v + 0.6 * (r.nextDouble() - 0.5) > 0 ? 1 : 0;
            sx += v;
            st += t[i];
            sxx += v * v;
            sxt += v * t[i];
        }
        double w = (m * sxt - sx * st) / (m * sxx - sx * sx);
        double b = (st - w * sx) / m;
        Network net = new Network(1, List.of(new Network.Dense(new double[][] {{0.0}}, new double[] {0.0}, Activation.LINEAR)));
        Landscape land = new Landscape(net, x, t, Loss.MSE, 0);
        Landscape.Param pw = new Landscape.Param(0, 0, 0), pb = new Landscape.Param(0, 0, 1);
        int n = 81;
        double best = Double.POSITIVE_INFINITY, bw = 0, bb = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double vw = -2 + 4.0 * i / (n - 1), vb = -2 + 4.0 * j / (n - 1);
                double loss = land.at(pw, vw, pb, vb);
                if (loss < best) {
                    best = loss;
                    bw = vw;
                    bb = vb;
                }
            }
        }
        double cell = 4.0 / (n - 1);
        assertThat(bw).isCloseTo(w, offset(cell));
        assertThat(bb).isCloseTo(b, offset(cell));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {4, 5, 6, 7})
    void atTheWeightsAsTheyAreItIsTheScalarEnginesMeanLoss(int seed) {
        Rng r = new Rng(seed);
        Loss loss = Loss.values()[seed % 3];
        Network net = Network.initialise(2, List.of(8, 8, 1), Network.activations(3, Activation.TANH, Activation.LINEAR),
                Init.PYTORCH, r.split());
        double[][] x = new double[50][];
        int[] t = new int[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2};
            t[i] = r.nextInt(2);
        }
        Landscape.Param a = new Landscape.Param(seed % 2, 1, 0), b = new Landscape.Param(1, 2, 8);
        MLP mlp = new MLP(net);
        List<List<Value>> outs = new ArrayList<>();
        for (double[] p : x) {
            outs.add(mlp.forward(p));
        }
        double expected = loss.mean(outs, t).data();
        assertThat(new Landscape(net, x, t, loss, seed % 2).at(a, a.read(net), b, b.read(net))).isCloseTo(expected, offset(1e-12));
        // and moving one parameter changes it, then leaves the landscape's own copy as it was
        Landscape land = new Landscape(net, x, t, loss, seed % 2);
        assertThat(land.at(a, a.read(net) + 0.5, b, b.read(net))).isNotEqualTo(expected);
        assertThat(land.at(a, a.read(net), b, b.read(net))).isCloseTo(expected, offset(1e-12));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {8, 9})
    void theShortcutLossesAreTheGraphsBitForBit(int seed) {
        Rng r = new Rng(seed);
        for (int k = 0; k < 2000; k++) {
            double o = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(6) - 2);
            int y = r.nextInt(2);
            for (Loss loss : List.of(Loss.MSE, Loss.HINGE)) {
                assertThat(Landscape.sampleLoss(loss, o, y)).isEqualTo(loss.sample(List.of(Value.of(o)), y).data());
            }
        }
        assertThat(Landscape.sampleLoss(Loss.BCE, 0.3, 1)).isNaN();
    }

    @Test
    void aParameterThatDoesNotExistIsOneLine() {
        Network net = Network.initialise(2, List.of(3, 1), Network.activations(2, Activation.TANH, Activation.LINEAR),
                Init.PYTORCH, new Rng(1));
        assertThat(Landscape.Param.parse("1-0-3", net).name(net)).isEqualTo("b of the output");
        assertThat(Landscape.Param.parse("0-2-1", net).name(net)).isEqualTo("w2 of neuron 3, hidden layer 1");
        assertThatThrownBy(() -> Landscape.Param.parse("0-3-0", net)).hasMessage("the network has no parameter 0-3-0");
        assertThatThrownBy(() -> Landscape.Param.parse("x", net)).hasMessageContaining("layer-neuron-input");
    }
}
