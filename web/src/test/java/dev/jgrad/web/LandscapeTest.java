package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import dev.jgrad.optim.Sgd;
import dev.jgrad.train.Learner;
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
        Param pw = new Param(0, 0, 0), pb = new Param(0, 0, 1);
        Landscape land = new Landscape(net, pw, pb, new Landscape.Points(x, t, null, Loss.MSE), Engine.SCALAR, Penalty.NONE, null, null);
        int n = 81;
        double best = Double.POSITIVE_INFINITY, bw = 0, bb = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double vw = -2 + 4.0 * i / (n - 1), vb = -2 + 4.0 * j / (n - 1);
                double loss = land.at(vw, vb);
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

    /**
     * Pairs of parameters of 2-8-8-1: one neuron's two weights (through the next layer into the output in one pass),
     * the same in the second layer, two neurons of a layer, two layers, biases, the output.
     */
    private static final int[][] PAIRS = {{0, 0, 0, 0, 0, 1}, {1, 4, 0, 1, 4, 8}, {0, 1, 0, 1, 2, 8}, {1, 3, 2, 1, 5, 8}, {0, 2, 2, 0, 6, 1},
        {2, 0, 3, 2, 0, 8}, {1, 7, 0, 2, 0, 7}, {1, 0, 8, 0, 4, 0}};

    /**
     * Every cell is the loss the learner measures on a model of those weights, to the bit: on either engine (their
     * tanh differ in the last bits), for each loss, for parameters anywhere, with a penalty or without.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {4, 5, 6, 7, 8, 9, 10, 11})
    void everyCellIsTheLearnersTrainingLossBitForBit(int seed) {
        Rng r = new Rng(seed);
        Loss loss = List.of(Loss.MSE, Loss.BCE, Loss.HINGE).get(seed % 3);
        Engine engine = seed % 2 == 0 ? Engine.TENSOR : Engine.SCALAR;
        Penalty penalty = seed % 4 < 2 ? Penalty.NONE : new Penalty(seed % 4 == 2 ? 0.01 : 0, 0.003);
        Network net = Network.initialise(2, List.of(8, 8, 1), Network.activations(3, Activation.TANH,
                loss == Loss.MSE ? Activation.TANH : Activation.LINEAR), Init.PYTORCH, r.split());
        double[][] x = new double[60][];
        int[] t = new int[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2};
            t[i] = r.nextInt(2);
        }
        Dataset data = new Dataset("points", x, t, 2, List.of("0", "1"));
        for (int[] pair : PAIRS) {
            Param a = new Param(pair[0], pair[1], pair[2]), b = new Param(pair[3], pair[4], pair[5]);
            double[] order = flat(engine, net);
            Landscape land = new Landscape(net, a, b, new Landscape.Points(x, t, null, loss), engine, penalty, order,
                    new int[] {index(engine, net, a, order), index(engine, net, b, order)});
            int cells = 5;
            double[] va = new double[cells], vb = new double[cells], got = new double[cells];
            for (int c = 0; c < cells; c++) {
                va[c] = c == 0 ? a.read(net) : a.read(net) + 3 * (r.nextDouble() - 0.5);
                vb[c] = c == 0 ? b.read(net) : b.read(net) + 3 * (r.nextDouble() - 0.5);
            }
            land.losses(va, vb, 0, cells, got, 0);
            for (int c = 0; c < cells; c++) {
                Model model = engine.build(with(with(net, a, va[c]), b, vb[c]));
                double expected = new Learner(model, loss, penalty.l1(), penalty.l2(), new Sgd(model.trainable(), 0.1)).evaluate(data).loss();
                assertThat(got[c]).as("%s %s cell %d", a.id(), b.id(), c).isEqualTo(expected);
                assertThat(land.at(va[c], vb[c])).isEqualTo(expected);
            }
        }
    }

    /** The page's session: the surface's "loss now" is the training loss the page shows, on the engine it picked. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hidden=8,8&batch=10", "hidden=3&batch=1&reg=l2&rate=0.01", "hidden=8,8&batch=10&loss=bce&reg=l1&rate=0.003"})
    void theLossNowIsTheSessionsTrainingLoss(String query) {
        Session s = Session.of(Setup.parse("data=circle&points=120&" + query), null);
        for (int e = 0; e < 3; e++) {
            s.epoch();
        }
        Network net = s.network();
        Param a = new Param(0, 0, 0), b = new Param(net.layers().size() - 1, 0, 1);
        assertThat(LandscapeExports.landscape(s, net, a, b).at(a.read(net), b.read(net))).isEqualTo(s.measure()[0].loss());
    }

    @Test
    void aSurfaceComputedAcrossCallsIsTheSurfaceComputedAtOnce() {
        // 80 training points × 4 neurons: a block of 102 cells, so the 400 take four calls
        Session s = Session.of(Setup.parse("data=circle&points=100&hidden=4,4&batch=10"), null);
        s.epoch();
        String whole = LandscapeExports.surface(s, "0-1-0", "1-2-4", 20);
        double[] values = LandscapeExports.values().clone();
        assertThat(LandscapeExports.begin(s, "0-1-0", "1-2-4", 20)).containsPattern("\"done\": ?false");
        String last;
        int calls = 0;
        do {
            last = LandscapeExports.more(0);
            calls++;
        } while (last.matches("(?s).*\"done\": ?false.*"));
        assertThat(calls).isGreaterThan(1);
        assertThat(last).isEqualTo(whole);
        assertThat(LandscapeExports.values()).hasSize(400).containsExactly(values);
    }

    private static double[] flat(Engine engine, Network net) {
        Model m = engine.build(net);
        double[] flat = new double[m.trainable().size()];
        m.trainable().readData(flat, 0);
        return flat;
    }

    private static int index(Engine engine, Network net, Param p, double[] order) {
        double[] moved = flat(engine, with(net, p, p.read(net) + 1));
        for (int i = 0; i < moved.length; i++) {
            if (moved[i] != order[i]) {
                return i;
            }
        }
        throw new AssertionError(p.id());
    }

    /** The network with parameter p set to v. */
    private static Network with(Network net, Param p, double v) {
        List<Network.Dense> layers = new ArrayList<>(net.layers());
        Network.Dense d = layers.get(p.layer());
        double[][] w = new double[d.outputs()][];
        for (int o = 0; o < w.length; o++) {
            w[o] = d.weights()[o].clone();
        }
        double[] bias = d.biases().clone();
        if (p.col() == d.inputs()) {
            bias[p.row()] = v;
        } else {
            w[p.row()][p.col()] = v;
        }
        layers.set(p.layer(), new Network.Dense(w, bias, d.activation()));
        return new Network(net.inputs(), layers);
    }

    @Test
    void aParameterThatDoesNotExistIsOneLine() {
        Network net = Network.initialise(2, List.of(3, 1), Network.activations(2, Activation.TANH, Activation.LINEAR),
                Init.PYTORCH, new Rng(1));
        assertThat(Param.parse("1-0-3", net).name(net)).isEqualTo("b of the output");
        assertThat(Param.parse("0-2-1", net).name(net)).isEqualTo("w2 of neuron 3, hidden layer 1");
        assertThatThrownBy(() -> Param.parse("0-3-0", net)).hasMessage("the network has no parameter 0-3-0");
        assertThatThrownBy(() -> Param.parse("x", net)).hasMessageContaining("layer-neuron-input");
    }
}
