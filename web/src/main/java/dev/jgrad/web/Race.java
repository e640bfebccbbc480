package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.train.Learner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer race: the page's setup trained by 2 to 4 variants of it at once (each overriding some controls:
 * {@code optimizer=adam&lr=0.01}), on the same data and — as long as the variants keep the seed and the
 * initialisation — from the same initial weights, bit for bit, since each is the session {@code jgrad train}
 * would make from its own setup. Each racer keeps its curve, one row per epoch.
 */
final class Race {
    static final int MIN = 2;
    static final int MAX = 4;

    /**
     * One contender: what it overrides, its session, and per epoch {epoch, train loss, train accuracy, test accuracy}; on
     * regression data R² (core's, as jgrad train reports it) stands where the accuracies stand.
     */
    record Racer(String label, Session session, List<double[]> curve) {
    }

    private final List<Racer> racers = new ArrayList<>();
    /** Whether the starts are the same: every tick's answer says it, and it never changes. */
    private final boolean sameStart;
    /** What {@link #reached} last looked for, how many rows of each curve it has read, and the epoch found (or null). */
    private double lookedFor = Double.NaN;
    private final int[] looked;
    private final Integer[] found;

    private Race(List<Racer> racers) {
        this.racers.addAll(racers);
        sameStart = sameStart(racers);
        looked = new int[racers.size()];
        found = new Integer[racers.size()];
    }

    /** The race of {@code overrides} (each a query of the controls it changes) on {@code page}'s setup and points. */
    static Race of(Session page, List<String> overrides) {
        if (overrides.size() < MIN || overrides.size() > MAX) {
            throw new IllegalArgumentException("a race has " + MIN + " to " + MAX + " setups, got " + overrides.size());
        }
        List<Racer> racers = new ArrayList<>();
        Setup base = page.setup();
        Dataset points = base.generated() ? null : page.allPoints();
        for (int i = 0; i < overrides.size(); i++) {
            String o = overrides.get(i).trim();
            Setup setup;
            try {
                setup = Setup.parse(merge(base.query(), o), base.shape());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("setup " + (i + 1) + " (" + o + "): " + e.getMessage());
            }
            if (setup.data().equals("custom") != base.data().equals("custom") || setup.data().equals("csv") != base.data().equals("csv")) {
                throw new IllegalArgumentException("setup " + (i + 1) + " (" + o + "): a race keeps the page's data");
            }
            Session s = Session.of(setup, points);
            if (!s.hasPoints()) {
                throw new IllegalArgumentException("no training points to race on");
            }
            racers.add(new Racer(o.isEmpty() ? "as the page" : o, s, new ArrayList<>()));
        }
        return new Race(racers);
    }

    /** The base query with the override's keys replaced (or added): {@code lr=0.05&hidden=3} + {@code lr=0.1}. */
    static String merge(String base, String override) {
        List<String> parts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (String pair : override.split("&")) {
            if (!pair.isEmpty()) {
                keys.add(pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('=')));
            }
        }
        for (String pair : base.split("&")) {
            String key = pair.indexOf('=') < 0 ? pair : pair.substring(0, pair.indexOf('='));
            if (!pair.isEmpty() && !keys.contains(key)) {
                parts.add(pair);
            }
        }
        if (!override.isEmpty()) {
            parts.add(override);
        }
        return String.join("&", parts);
    }

    /** Whether every racer starts from the same weights, bit for bit. */
    boolean sameStart() {
        return sameStart;
    }

    private static boolean sameStart(List<Racer> racers) {
        for (Racer r : racers) {
            if (!r.session().start().equals(racers.get(0).session().start())) {
                return false;
            }
        }
        return true;
    }

    /** One more epoch of every racer that has not stopped, each then measured. */
    void epoch() {
        for (Racer r : racers) {
            Session s = r.session();
            if (s.stopped() != null) {
                continue;
            }
            s.epoch();
            Learner.Evaluation[] e = s.measure();
            r.curve().add(new double[] {s.epochs(), e[0].loss(), score(e[0]), score(e[1])});
        }
    }

    /** The figure a racer is ranked by: the accuracy, or R² for a regression (NaN without points). */
    private static double score(Learner.Evaluation e) {
        return e.fit() != null ? e.fit().r2() : e.accuracy();
    }

    /** "accuracy", or "R²" when the racers fit numbers: what the curves' third and fourth columns and the target are. */
    String measure() {
        return racers.get(0).session().setup().regression() ? "R²" : "accuracy";
    }

    List<Racer> racers() {
        return racers;
    }

    /**
     * {@code {"ok":true,"sameStart":bool,"racers":[{"label":..,"epoch":..,"stopped":..,"reached":first epoch with
     * train accuracy ≥ target or null,"curve":[[epoch, train loss, train accuracy, test accuracy],…]}],"measure":"accuracy"
     * or "R²"}} (for regression R² stands for the accuracies, and the target is an R²);
     * the curves from epoch {@code from} on (the page keeps the earlier rows).
     */
    String answer(double target, int from) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < racers.size(); i++) {
            Racer r = racers.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", r.label());
            m.put("query", r.session().query());
            m.put("epoch", r.session().epochs());
            m.put("stopped", r.session().stopped());
            m.put("reached", reached(i, target));
            m.put("curve", rowsAfter(r.curve(), from));
            list.add(m);
        }
        return Answers.ok("sameStart", sameStart(), "measure", measure(), "racers", list);
    }

    /**
     * The rows of epochs after {@code from}, found from the end: a tick asks for the few rows since the last, and a long
     * race's curve has thousands.
     */
    private static List<Object> rowsAfter(List<double[]> curve, int from) {
        int first = curve.size();
        while (first > 0 && curve.get(first - 1)[0] > from) {
            first--;
        }
        List<Object> rows = new ArrayList<>();
        for (double[] row : curve.subList(first, curve.size())) {
            rows.add(List.of(row[0], Answers.number(row[1]), Answers.number(row[2]), Answers.number(row[3])));
        }
        return rows;
    }

    /**
     * The first epoch at which racer i's training accuracy reached {@code target}, or null. Each tick asks again with the
     * same target: the rows already looked at are not read again.
     */
    private Object reached(int i, double target) {
        if (Double.compare(target, lookedFor) != 0) {
            lookedFor = target;
            java.util.Arrays.fill(looked, 0);
            java.util.Arrays.fill(found, null);
        }
        List<double[]> curve = racers.get(i).curve();
        for (; found[i] == null && looked[i] < curve.size(); looked[i]++) {
            double[] row = curve.get(looked[i]);
            if (row[2] >= target) {
                found[i] = (int) row[0];
            }
        }
        return found[i];
    }
}
