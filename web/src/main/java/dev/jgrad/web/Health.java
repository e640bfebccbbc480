package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.List;

/**
 * What the page says when a run has gone wrong without diverging: tanh or sigmoid units saturated (at ±1, or 0 and 1,
 * on nearly every point: their slope is about 0, so nothing flows back through them and the map goes one colour) and
 * ReLUs dead (0 on every point: they never learn again). Read from the weights on a few of the training points.
 */
final class Health {
    /** How many training points are looked at: enough to see "nearly every point", few enough for every frame. */
    static final int SAMPLE = 64;
    /** A tanh unit at |a| above this, a sigmoid within this of 0 or 1 (less 0.5), is at its flat end. */
    static final double FLAT = 0.97;
    /** A unit flat on at least this share of the points is saturated. */
    static final double MOST = 0.9;

    private Health() {
    }

    /** Per layer and neuron: "saturated", "dead" or "" (the output layer included). */
    static List<List<String>> units(Network net, Dataset train) {
        int n = Math.min(SAMPLE, train.size());
        List<int[]> flat = new ArrayList<>();
        List<int[]> zero = new ArrayList<>();
        for (Network.Dense d : net.layers()) {
            flat.add(new int[d.outputs()]);
            zero.add(new int[d.outputs()]);
        }
        // A block of points at a time (as a frame's pass): this runs with every answer while playing.
        Pass pass = new Pass(net, null);
        for (int k0 = 0; k0 < n; k0 += Pass.WIDTH) {
            for (int p = 0; p < Pass.WIDTH; p++) {
                // Evenly through the points, so a sorted file is seen whole.
                pass.input(p, train.points()[(int) ((long) Math.min(k0 + p, n - 1) * train.size() / n)]);
            }
            pass.forward();
            for (int p = 0; p < Pass.WIDTH && k0 + p < n; p++) {
                count(net, pass, p, flat, zero);
            }
        }
        List<List<String>> out = new ArrayList<>();
        for (int l = 0; l < flat.size(); l++) {
            List<String> layer = new ArrayList<>();
            for (int o = 0; o < flat.get(l).length; o++) {
                layer.add(n == 0 ? "" : zero.get(l)[o] == n ? "dead" : flat.get(l)[o] >= MOST * n ? "saturated" : "");
            }
            out.add(layer);
        }
        return out;
    }

    /** Adds point p of the pass to each unit's counts: flat (tanh, sigmoid at an end) and zero (a ReLU at 0 or below). */
    private static void count(Network net, Pass pass, int p, List<int[]> flat, List<int[]> zero) {
        for (int l = 0; l < flat.size(); l++) {
            Activation act = net.layers().get(l).activation();
            for (int o = 0; o < flat.get(l).length; o++) {
                double v = pass.unit(l, o, p);
                flat.get(l)[o] += isFlat(act, v) ? 1 : 0;
                zero.get(l)[o] += act == Activation.RELU && v <= 0 ? 1 : 0;
            }
        }
    }

    private static boolean isFlat(Activation act, double v) {
        return act == Activation.TANH && Math.abs(v) > FLAT || act == Activation.SIGMOID && Math.abs(v - 0.5) > FLAT / 2;
    }

    /**
     * One line when the output unit or most tanh/sigmoid units are saturated (the map goes one colour and nothing flows
     * back), or most ReLUs dead; null when the run looks healthy.
     */
    static String line(Network net, Dataset train) {
        List<List<String>> units = units(net, train);
        int squashing = 0, saturated = 0, relus = 0, dead = 0;
        for (int l = 0; l < units.size(); l++) {
            Activation act = net.layers().get(l).activation();
            for (String u : units.get(l)) {
                squashing += act == Activation.TANH || act == Activation.SIGMOID ? 1 : 0;
                relus += act == Activation.RELU ? 1 : 0;
                saturated += u.equals("saturated") ? 1 : 0;
                dead += u.equals("dead") ? 1 : 0;
            }
        }
        List<String> output = units.get(units.size() - 1);
        if (!output.isEmpty() && !output.contains("") && !output.contains("dead") || squashing > 0 && saturated * 2 > squashing) {
            return "the steps are too big: " + saturated + " of " + squashing + " tanh/sigmoid units saturated"
                    + (output.contains("saturated") ? ", the output among them" : "") + " (flat at their ends on nearly every point, "
                    + "so almost no gradient flows back); try a smaller learning rate and Reset";
        }
        if (relus > 0 && dead * 2 > relus) {
            return dead + " of " + relus + " ReLU units are dead (0 on every point, so they never learn again); try a smaller "
                    + "learning rate, or another seed";
        }
        return null;
    }
}
