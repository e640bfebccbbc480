package dev.jgrad.web;

import dev.jgrad.data.Dataset;
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

    private LandscapeExports() {
    }

    /** {@code {"ok":true,"params":[{"id":"0-0-0","name":"w1 of neuron 1, hidden layer 1"},…],"a":id,"b":id}}. */
    static String params(Network net) {
        List<Object> list = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            Network.Dense d = net.layers().get(l);
            for (int o = 0; o < d.outputs(); o++) {
                for (int i = 0; i <= d.inputs(); i++) {
                    Landscape.Param p = new Landscape.Param(l, o, i);
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
     * The loss over an n×n grid around the two parameters' values, row by row from the top (b largest) left
     * (a smallest), cell centres: {@code {"ok":true,"a":..,"b":..,"aName","bName","a0","b0","aLo","aHi","bLo","bHi",
     * "n","loss":[..],"lo":smallest,"hi":largest,"at":the loss now,"slice":one line}}.
     */
    static String surface(Session s, String ida, String idb, int n) {
        Network net = s.network();
        Landscape.Param a = Landscape.Param.parse(ida, net);
        Landscape.Param b = Landscape.Param.parse(idb, net);
        if (a.equals(b)) {
            throw new IllegalArgumentException("pick two different parameters");
        }
        Landscape land = landscape(s, net, a, b);
        double a0 = a.read(net), b0 = b.read(net);
        double aLo = a0 - half(a0), aHi = a0 + half(a0), bLo = b0 - half(b0), bHi = b0 + half(b0);
        List<Object> values = new ArrayList<>(n * n);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double vb = bHi - (j + 0.5) * (bHi - bLo) / n;
            for (int i = 0; i < n; i++) {
                double loss = land.at(a, aLo + (i + 0.5) * (aHi - aLo) / n, b, vb);
                values.add(Answers.number(loss));
                if (Double.isFinite(loss)) {
                    lo = Math.min(lo, loss);
                    hi = Math.max(hi, loss);
                }
            }
        }
        computedWith = net;
        int others = net.parameterCount() - 2;
        return Answers.ok("a", a.id(), "b", b.id(), "aName", a.name(net), "bName", b.name(net), "a0", a0, "b0", b0,
                "aLo", aLo, "aHi", aHi, "bLo", bLo, "bHi", bHi, "n", n, "loss", values, "lo", Answers.number(lo),
                "hi", Answers.number(hi), "at", Answers.number(land.at(a, a0, b, b0)),
                "slice", "A slice: the training loss over these two parameters with the other " + others
                        + " held at their values of epoch " + s.epochs() + "; the real surface has " + net.parameterCount() + " dimensions.");
    }

    /** {@code {"ok":true,"loss":..}}: the training loss with the two parameters at va and vb, the rest as they are. */
    static String at(Session s, String ida, String idb, double va, double vb) {
        Network net = s.network();
        Landscape.Param a = Landscape.Param.parse(ida, net);
        Landscape.Param b = Landscape.Param.parse(idb, net);
        return Answers.ok("loss", Answers.number(landscape(s, net, a, b).at(a, va, b, vb)));
    }

    /**
     * Where training has the two parameters now: {@code {"ok":true,"a":..,"b":..,"moved":..}}, moved being the
     * largest change of any other parameter since the surface was computed, over the window's half-width
     * (the page recomputes the surface when it passes a tenth).
     */
    static String now(Session s, String ida, String idb) {
        Network net = s.network();
        Landscape.Param a = Landscape.Param.parse(ida, net);
        Landscape.Param b = Landscape.Param.parse(idb, net);
        double moved = 0;
        if (computedWith != null && computedWith.parameterCount() == net.parameterCount()
                && computedWith.layers().size() == net.layers().size()) {
            moved = largestChange(computedWith, net, a, b) / Math.min(half(a.read(net)), half(b.read(net)));
        } else {
            moved = Double.POSITIVE_INFINITY;
        }
        return Answers.ok("a", Answers.number(a.read(net)), "b", Answers.number(b.read(net)), "moved", Answers.number(moved));
    }

    private static double largestChange(Network before, Network after, Landscape.Param a, Landscape.Param b) {
        double most = 0;
        for (int l = 0; l < after.layers().size(); l++) {
            Network.Dense d = after.layers().get(l);
            for (int o = 0; o < d.outputs(); o++) {
                for (int i = 0; i <= d.inputs(); i++) {
                    Landscape.Param p = new Landscape.Param(l, o, i);
                    if (!p.equals(a) && !p.equals(b)) {
                        most = Math.max(most, Math.abs(p.read(after) - p.read(before)));
                    }
                }
            }
        }
        return most;
    }

    private static Landscape landscape(Session s, Network net, Landscape.Param a, Landscape.Param b) {
        Dataset train = s.train();
        if (train == null || train.size() == 0) {
            throw new IllegalStateException("no training points: the landscape is the training loss");
        }
        return new Landscape(net, train.points(), train.labels(), train.targets(), s.setup().loss(), Math.min(a.layer(), b.layer()));
    }
}
