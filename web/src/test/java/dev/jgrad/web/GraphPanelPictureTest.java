package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The graph panel draws the same picture and steps the same rules however it is made fast: every answer of a session
 * (open, each backprop step, the run's end, a descent, more steps, a gradient check) is the one the panel gave before
 * its drawing was sped up, pinned by the SHA-256 of the answers in order (svg, explanations, node ids, all of it).
 */
class GraphPanelPictureTest {
    @ParameterizedTest(name = "seed {0}: 2-{1}-1 {2} {3}, neuron {4}-{5}")
    @CsvSource({
        "1, 4, TANH, MSE, 1, 0",
        "1, 4, TANH, MSE, 2, 0",
        "2, 16;16;16;16;16;16, TANH, MSE, 3, 5",
        "2, 16;16;16;16;16;16, TANH, MSE, 7, 0",
        "3, 8;8, RELU, BCE, 2, 7",
        "4, 8;8, SIGMOID, HINGE, 3, 0",
        "5, 3, LINEAR, MSE, 2, 0",
        "6, 16;16, TANH, REGRESSION, 3, 0",
        "6, 16;16, TANH, REGRESSION, 2, 9",
    })
    void everyAnswerIsTheOneDrawnBefore(int seed, String sizes, Activation hidden, String loss, int layer, int index) {
        String answers = session(seed, sizes, hidden, loss, layer, index);
        assertThat(answers).contains("<svg").contains("\"done\": true").doesNotContain("\"ok\": false");
        assertThat(sha256(answers)).isEqualTo(EXPECTED.get(row(seed, sizes, loss, layer, index)));
    }

    private static String session(int seed, String sizes, Activation hidden, String loss, int layer, int index) {
        List<Integer> widths = Arrays.stream(sizes.split(";")).map(Integer::valueOf).toList();
        List<Integer> all = new ArrayList<>(widths);
        all.add(1);
        Network net = Network.initialise(2, all, Network.activations(all.size(), hidden, Activation.LINEAR), Init.UNIFORM, new Rng(seed));
        double[] x = {0.25 * seed - 0.6, 0.9 - 0.3 * seed};
        List<String> names = List.of("x1", "x2");
        GraphPanel panel = loss.equals("REGRESSION")
                ? GraphPanel.openRegression(net, names, x, 0.7, layer, index, 0.05)
                : GraphPanel.open(net, Loss.valueOf(loss), names, x, seed % 2, layer, index, 0.05);
        StringBuilder answers = new StringBuilder(panel.answer());
        for (int i = 0; i < 40; i++) {
            String a = panel.step();
            answers.append('\n').append(a);
            if (a.contains("\"done\": true")) {
                break;
            }
        }
        answers.append('\n').append(panel.run()).append('\n').append(panel.descend());
        for (int i = 0; i < 3; i++) {
            answers.append('\n').append(panel.step());
        }
        answers.append('\n').append(panel.run()).append('\n').append(panel.gradientCheck("w1")).append('\n').append(panel.gradientCheck("n"));
        return answers.toString();
    }

    private static String row(int seed, String sizes, String loss, int layer, int index) {
        return seed + " " + sizes + " " + loss + " " + layer + "-" + index;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The answers' digests as the panel gave them before its drawing was sped up (7 December 2026). */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("1 4 MSE 1-0", "a2b76e11bb40589a1dfcf633a0d3984140c35e7610a74a5e102e0e21d3db8271"),
            Map.entry("1 4 MSE 2-0", "0035424d0de9017355f8d5cbdb3039d8614e1251b173689feeb08999b2503f4b"),
            Map.entry("2 16;16;16;16;16;16 MSE 3-5", "f14678921347e290f5cab054502d3bd55abc050f0795d187f8a231232445c538"),
            Map.entry("2 16;16;16;16;16;16 MSE 7-0", "d14b1048401bfbb511095df16e311674e2ba73399400055f2f26a5195e8dac89"),
            Map.entry("3 8;8 BCE 2-7", "7e2b5c24294b3d3677595e4283f082fb4170efbfc4de5f09864ad0f5c0f24821"),
            Map.entry("4 8;8 HINGE 3-0", "25942ff2f10fa152b3a5dbc8dbeec7d3d2d26fbadf76c1a3f7f7fbd3dd9f3d3c"),
            Map.entry("5 3 MSE 2-0", "b6056e5e8d7f22ca22b98fb515fede5e311046ec820a626c7f64e13e26e08baf"),
            Map.entry("6 16;16 REGRESSION 3-0", "a1ca0d04423bed546725e58b4af80bd7c5af6ff163b455357e63614a24cc224a"),
            Map.entry("6 16;16 REGRESSION 2-9", "d819c090ec5bff29a530444ba3e0f93f9b645d0eed9520fa9fe00f8c1d4ea7ec"));
}
