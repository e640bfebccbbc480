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

    /** The frame's boundary is boundary(n)'s and each map cell is that neuron's value at its grid cell, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"hidden=3", "hidden=16,16,16,16,16,16", "hidden=4,2&features=x1,x2,x1sq,sinx2&seed=5&loss=bce",
        "hidden=", "hidden=5,5&activation=relu,sigmoid"})
    void oneFramePassGivesTheBoundaryAndEveryNeuronsMapBitForBit(String query) {
        Playground.setup(query);
        Setup setup = Setup.parse(query);
        for (int[] sides : new int[][] {{60, 20}, {40, 20}, {30, 10}, {13, 13}, {7, 1}}) {
            int n = sides[0], m = sides[1], r = n / m;
            double[] frame = Playground.frame(n, m);
            double[] boundary = Playground.boundary(n);
            assertThat(Arrays.copyOfRange(frame, 0, n * n)).containsExactly(boundary);
            int at = n * n;
            for (int l = 0; l <= setup.hidden().size(); l++) {
                boolean output = l == setup.hidden().size();
                for (int o = 0; o < (output ? 1 : setup.hidden().get(l)); o++) {
                    double[] fine = output ? boundary : Playground.neuron(l + 1, o, n);
                    double[] map = new double[m * m];
                    for (int j = 0; j < m; j++) {
                        for (int i = 0; i < m; i++) {
                            map[j * m + i] = fine[(r * j + r / 2) * n + r * i + r / 2];
                        }
                    }
                    assertThat(Arrays.copyOfRange(frame, at, at + m * m)).as("%d×%d, layer %d neuron %d", n, m, l + 1, o)
                            .containsExactly(map);
                    at += m * m;
                }
            }
            assertThat(frame).hasSize(at);
        }
    }

    /** The output picture (the race's boundaries, the page's boundary(n)) is the plain per-point pass's, bit for bit. */
    @ParameterizedTest
    @ValueSource(strings = {"hidden=3", "hidden=16,16,16&activation=relu", "hidden=4,2&features=x1,x2,x1sq,sinx2&loss=bce",
        "hidden=", "data=plane&hidden=5,5&activation=sigmoid"})
    void theOutputPictureIsThePlainPassBitForBit(String query) {
        Playground.setup(query);
        Setup setup = Setup.parse(query);
        Session s = Session.of(setup, null);
        for (int n : new int[] {1, 7, 30}) {
            int layer = setup.regression() ? setup.hidden().size() + 1 : 0;
            assertThat(Playground.boundary(n)).as("n %d", n)
                    .containsExactly(Grid.values(s.network(), setup.features(), setup.loss(), s.view(), n, layer, 0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hidden=16,16,16,16,16,16:40", "hidden=16,16,16,16:40", "hidden=16,16,16:60", "hidden=8,8:60",
        "hidden=:60", "hidden=16,16,16,16,16,16&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2:40"})
    void aDeepNetworksBoundaryIsCoarserThanItsPassWouldAllowButNeverCoarserThanItsMaps(String queryAndSide) {
        String[] q = queryAndSide.split(":");
        Playground.setup(q[0]);
        int side = Grid.side(Session.of(Setup.parse(q[0]), null).network());
        assertThat(side).isEqualTo(Integer.parseInt(q[1]));
        assertThat(side % Grid.MAP_SIDE).isZero();
        assertThat(PlaygroundTest.json(Playground.network())).containsEntry("grid", (double) side)
                .containsEntry("mapGrid", (double) Grid.MAP_SIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"60:7", "61:20", "0:0", "401:1"})
    void aFrameRefusesGridsThatDoNotNest(String sides) {
        String[] s = sides.split(":");
        Playground.setup("hidden=3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Playground.frame(Double.parseDouble(s[0]), Double.parseDouble(s[1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageMatching("[nm] must .*");
    }
}
