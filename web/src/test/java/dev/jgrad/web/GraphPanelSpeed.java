package dev.jgrad.web;

import dev.jgrad.base.Rng;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import java.util.List;

/**
 * How long one backprop step of the graph panel takes on a 16-input neuron (the second hidden layer of a
 * 2-16-16-1 tanh network), answer and SVG included: a measurement to report, not a test (the issue asks
 * for under 50 ms a step in the page). Run with the test classpath:
 * {@code java -cp web/target/classes:web/target/test-classes:core/target/classes dev.jgrad.web.GraphPanelSpeed}.
 */
public final class GraphPanelSpeed {
    private GraphPanelSpeed() {
    }

    public static void main(String[] args) {
        Network net = Network.initialise(2, List.of(16, 16, 1), Network.activations(3, Activation.TANH, Activation.TANH),
                Init.UNIFORM, new Rng(1));
        double[] sample = {0.3, -0.8};
        for (int round = 0; round < 3; round++) {
            int steps = 0;
            long stepping = 0;
            long opening = 0;
            int opened = 0;
            int chars = 0;
            while (opened < 100) {
                long t0 = System.nanoTime();
                GraphPanel panel = GraphPanel.open(net, Loss.MSE, List.of("x1", "x2"), sample, 1, 2, 3, 0.01);
                long t1 = System.nanoTime();
                opening += t1 - t0;
                opened++;
                boolean done = false;
                while (!done) {
                    long s0 = System.nanoTime();
                    String answer = panel.step();
                    stepping += System.nanoTime() - s0;
                    steps++;
                    chars = answer.length();
                    done = answer.contains("\"done\": true");
                }
            }
            System.out.printf("round %d: open %.3f ms, step %.3f ms (%d steps), answer %d chars%n", round,
                    opening / 1e6 / opened, stepping / 1e6 / steps, steps, chars);
        }
    }
}
