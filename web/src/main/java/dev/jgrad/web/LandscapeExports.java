package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import dev.jgrad.nn.Network;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The landscape panel's answers behind {@link Playground}'s {@code landscape…} exports: the parameters one may
 * pick, the surface of the training loss over a window around two of them, the loss at a dragged point, and
 * where the training has taken the two now. Keeps the weights the surface was computed with, to tell the page
 * when the other parameters have moved enough to make the surface stale.
 */
final class LandscapeExports {
    /** The largest grid side: 100 × 100 cells of a full pass over the training points each. */
    static final int MAX_GRID = 100;
    /** The window reaches this far each way from a parameter's value, or its size if that is larger. */
    static final double HALF_WINDOW = 1;

    private static Network computedWith;
    /** The surface being computed, or null. */
    private static SurfaceJob job;
    private static double[] values = new double[0];

    private LandscapeExports() {
    }

    /** {@code {"ok":true,"params":[{"id":"0-0-0","name":"w1 of neuron 1, hidden layer 1"},…],"a":id,"b":id}}. */
    static String params(Network net) {
        List<Object> list = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            Network.Dense d = net.layers().get(l);
            for (int o = 0; o < d.outputs(); o++) {
                for (int i = 0; i <= d.inputs(); i++) {
                    Param p = new Param(l, o, i);
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", p.id());
                    m.put("name", p.name(net));
                    list.add(m);
                }
            }
        }
        // The post's first neuron: its two weights.
        String b = net.layers().get(0).inputs() > 1 ? "0-0-1" : "0-0-" + net.layers().get(0).inputs();
        return Answers.ok("params", list, "a", "0-0-0", "b", b);
    }

    /** Half the window's width around value v. */
    static double half(double v) {
        return Math.max(HALF_WINDOW, Math.abs(v));
    }

    /**
     * The loss over an n×n grid around the two parameters' values, at the cell centres: {@code {"ok":true,"done":true,
     * "a":..,"b":..,"aName","bName","a0","b0","aLo","aHi","bLo","bHi","n","lo":smallest,"hi":largest,"at":the loss now,
     * "slice":one line}}; the n² losses themselves, row by row from the top (b largest) left (a smallest), are
     * {@link #values()} (2,500 numbers written as JSON text cost more than computing them).
     */
    static String surface(Session s, String ida, String idb, int n) {
        begin(s, ida, idb, n);
        return more(Double.POSITIVE_INFINITY);
    }

    /**
     * Starts the surface of {@link #surface} on the weights as they are now, to be computed by {@link #more}
     * a block of cells at a time, so that a page training meanwhile never waits for the whole grid:
     * {@code {"ok":true,"done":false,"cells":n²}}.
     */
    static String begin(Session s, String ida, String idb, int n) {
        Network net = s.network();
        Param a = Param.parse(ida, net);
        Param b = Param.parse(idb, net);
        if (a.equals(b)) {
            throw new IllegalArgumentException("pick two different parameters");
        }
        job = new SurfaceJob(net, s.epochs(), a, b, landscape(s, net, a, b), n);
        return Answers.ok("done", false, "cells", n * n);
    }

    /**
     * Computes the started surface for about {@code millis} (one block at least): {@code {"ok":true,"done":false,
     * "computed":cells so far,"cells":n²}}, then, once every cell is computed, the surface's answer.
     */
    static String more(double millis) {
        if (job == null) {
            throw new IllegalStateException("no landscape being computed: start one first");
        }
        SurfaceJob j = job;
        if (!j.advance(millis)) {
            return Answers.ok("done", false, "computed", j.computed(), "cells", j.cells());
        }
        job = null;
        computedWith = j.net();
        values = j.values();
        return j.answer();
    }

    /** The losses of the last surface finished, row by row from the top left; empty before the first. */
    static double[] values() {
        return values;
    }

    /** {@code {"ok":true,"loss":..}}: the training loss with the two parameters at va and vb, the rest as they are. */
    static String at(Session s, String ida, String idb, double va, double vb) {
        Network net = s.network();
        Param a = Param.parse(ida, net);
        Param b = Param.parse(idb, net);
        return Answers.ok("loss", Answers.number(landscape(s, net, a, b).at(va, vb)));
    }

    /**
     * Where training has the two parameters now: {@code {"ok":true,"a":..,"b":..,"moved":..}}, moved being the
     * largest change of any other parameter since the surface was computed, over the window's half-width
     * (the page recomputes the surface when it passes a tenth).
     */
    static String now(Session s, String ida, String idb) {
        Network net = s.network();
        Param a = Param.parse(ida, net);
        Param b = Param.parse(idb, net);
        double moved = 0;
        if (computedWith != null && computedWith.parameterCount() == net.parameterCount()
                && computedWith.layers().size() == net.layers().size()) {
            moved = largestChange(computedWith, net, a, b) / Math.min(half(a.read(net)), half(b.read(net)));
        } else {
            moved = Double.POSITIVE_INFINITY;
        }
        return Answers.ok("a", Answers.number(a.read(net)), "b", Answers.number(b.read(net)), "moved", Answers.number(moved));
    }

    private static double largestChange(Network before, Network after, Param a, Param b) {
        double most = 0;
        for (int l = 0; l < after.layers().size(); l++) {
            Network.Dense d = after.layers().get(l);
            for (int o = 0; o < d.outputs(); o++) {
                for (int i = 0; i <= d.inputs(); i++) {
                    Param p = new Param(l, o, i);
                    if (!p.equals(a) && !p.equals(b)) {
                        most = Math.max(most, Math.abs(p.read(after) - p.read(before)));
                    }
                }
            }
        }
        return most;
    }

    /** The slice of the session's training loss over a and b, as the session's learner measures it. */
    static Landscape landscape(Session s, Network net, Param a, Param b) {
        Dataset train = s.train();
        if (train == null || train.size() == 0) {
            throw new IllegalStateException("no training points: the landscape is the training loss");
        }
        Penalty penalty = new Penalty(s.config().l1(), s.config().l2());
        double[] order = null;
        int[] where = null;
        if (penalty.l1() != 0 || penalty.l2() != 0) {
            order = flat(s.engine(), net);
            where = new int[] {index(s.engine(), net, order, a), index(s.engine(), net, order, b)};
        }
        return new Landscape(net, a, b, new Landscape.Points(train.points(), train.labels(), train.targets(), s.setup().loss()),
                s.engine(), penalty, order, where);
    }

    /** The network's parameters in the order of the engine's model, which its learner's penalty sums in. */
    private static double[] flat(Engine engine, Network net) {
        Model model = engine.build(net);
        double[] flat = new double[model.trainable().size()];
        model.trainable().readData(flat, 0);
        return flat;
    }

    /** Where parameter p sits in that order: the one number that moves when p does. */
    private static int index(Engine engine, Network net, double[] order, Param p) {
        List<Network.Dense> layers = new ArrayList<>(net.layers());
        Network.Dense d = layers.get(p.layer());
        double[][] w = d.weights().clone();
        double[] bias = d.biases().clone();
        if (p.col() == d.inputs()) {
            bias[p.row()] = bias[p.row()] + 1;
        } else {
            w[p.row()] = w[p.row()].clone();
            w[p.row()][p.col()] = w[p.row()][p.col()] + 1;
        }
        layers.set(p.layer(), new Network.Dense(w, bias, d.activation()));
        double[] marked = flat(engine, new Network(net.inputs(), layers));
        for (int i = 0; i < marked.length; i++) {
            if (Double.compare(marked[i], order[i]) != 0) {
                return i;
            }
        }
        throw new IllegalStateException("parameter " + p.id() + " is not among the model's");
    }
}
