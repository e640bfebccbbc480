package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import java.util.List;
import java.util.function.Consumer;

/**
 * The page's state and what changes it: one session at a time (the page holds one setup), the points drawn so far and
 * the last CSV loaded, which outlive a setup. {@link Playground}'s exports of the setup, the data and training are
 * answered here; an answer that fails leaves the previous valid setup.
 */
final class Page {
    /** The page's one setup, its data, network and training; made from the defaults on first use. */
    private static Session session;
    /** The points drawn so far (kept across setups, so changing the network keeps the drawing). */
    private static Dataset drawn;
    /** The last CSV loaded, kept so that data=csv can come back to it. */
    private static CsvText.Table loaded;

    private Page() {
    }

    /** The page's session. */
    static Session session() {
        if (session == null) {
            session = sessionFor(Setup.defaults());
        }
        return session;
    }

    /** The last CSV loaded, or null. */
    static CsvText.Table loaded() {
        return loaded;
    }

    /** The session of {@code setup} on the points it names: generated, drawn so far, or the loaded file's. */
    private static Session sessionFor(Setup setup) {
        if (setup.data().equals("csv")) {
            if (loaded == null) {
                throw new IllegalArgumentException("data: csv needs a loaded file; load one first");
            }
            return Session.of(setup, loaded.data());
        }
        if (setup.data().equals("custom")) {
            return Session.of(setup, drawn != null ? drawn : new Dataset("drawn", new double[0][], new int[0], 2, List.of("0", "1")));
        }
        return Session.of(setup, null);
    }

    /**
     * Applies a URL query ({@code data=circle&hidden=9&activation=tanh&lr=0.01&batch=1&seed=42&play=1}): a
     * key left out keeps its default. On success the data are drawn and the weights initialised from the
     * seed, epoch 0: {@code {"ok":true,"query":canonical query of every non-default key,"command":the
     * equivalent jgrad train command line,"setup":{every control's value, as the URL writes it},"engine":"scalar"|
     * "tensor","parameters":N,"trainPoints":N,"testPoints":N}}. The keys, their ranges and defaults are
     * {@link Playground#controls()}'s; an unknown key or a value out of range is {@code "ok":false} with a line naming both
     * ("hidden: 17 neurons is more than 16"). {@code data=csv} needs a file loaded by {@link #loadCsv}; {@code
     * data=custom} starts from the points drawn so far.
     */
    static String setup(String query) {
        try {
            Setup next = Setup.parse(query, loaded == null ? DataShape.CLASSES : DataShape.of(loaded.data()));
            session = sessionFor(next);
            GraphExports.close();
            return Answers.setup(session, loaded);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** {@link Playground#reset}: the session of the current setup drawn again from its seed. */
    static String reset() {
        try {
            session = sessionFor(session().setup());
            GraphExports.close();
            return Answers.setup(session, loaded);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** {@link Playground#step} and {@link Playground#epoch}: the updates, going on past the epoch budget. */
    static String press(Consumer<Session> updates) {
        return train(s -> {
            if (s.atBudget()) {
                s.goOn();
            }
            updates.accept(s);
        }, true);
    }

    /**
     * Updates until {@code millis} (0 to {@value Playground#MAX_TRAIN_MILLIS}) have passed (at least one), checking
     * the clock after each, so a frame stays within its budget however long an epoch is; answers
     * {@link Playground#stats()} with the last finished epoch's losses and accuracies (the trainer's own measure at that epoch's
     * end, as {@code jgrad train} prints it: playing does not pass over every point again each frame), or an error for a
     * budget that is not such a number or when there are no points.
     */
    static String play(double millis) {
        if (!(millis >= 0 && millis <= Playground.MAX_TRAIN_MILLIS)) {
            return Answers.error(new IllegalArgumentException("train: the budget must be 0 to " + (int) Playground.MAX_TRAIN_MILLIS
                    + " ms, got " + millis));
        }
        long end = System.currentTimeMillis() + (long) Math.max(0, Math.min(millis, 60_000));
        String refused = train(s -> {
            do {
                s.step();
            } while (s.stopped() == null && !s.atBudget() && System.currentTimeMillis() < end);
        }, false);
        return refused != null ? refused : Answers.playing(session());
    }

    /** Runs the updates and answers the stats (when {@code answer}), or the refusal when there is nothing to train on (else null). */
    private static String train(Consumer<Session> updates, boolean answer) {
        Session s = session();
        if (!s.hasPoints()) {
            return Answers.error(new IllegalStateException(s.setup().data().equals("custom")
                    ? "no points to train on yet: click the plot to add some (shift-click for the other class)"
                    : "no training points: choose more points or a larger training share"));
        }
        updates.accept(s);
        return answer ? Answers.stats(session()) : null;
    }

    /**
     * Adds a point drawn by the learner (class 0 or 1) to the training data, training on from the weights as they
     * are; answers {@link Playground#stats()} with {@link #setup}'s fields (query, command, setup), for the page to show the
     * drawing as its data. At most {@code points}' largest value of points. On generated data the first click makes the points so far a drawing
     * ({@code data=custom}, a new start from the seed).
     */
    static String addPoint(double x1, double x2, int label) {
        try {
            if (!Double.isFinite(x1) || !Double.isFinite(x2) || (label != 0 && label != 1)) {
                throw new IllegalArgumentException("a drawn point needs finite coordinates and class 0 or 1");
            }
            Session s = session();
            if (s.setup().regression()) {
                throw new IllegalArgumentException("drawing adds points of a class; " + s.setup().data()
                        + " is regression data (a number per point): choose circle, moons, … or custom to draw");
            }
            if (s.allPoints().size() >= Control.MAX_POINTS) {
                throw new IllegalArgumentException("the plot has " + s.allPoints().size() + " points; drawing adds none beyond "
                        + Control.MAX_POINTS);
            }
            if (!s.setup().data().equals("custom")) {
                // The points so far become the drawing's start; the drawing is a new data set, so a new start.
                drawn = s.allPoints();
                s = Session.of(s.setup().withData("custom", DataShape.CLASSES), drawn);
            }
            session = s.withPoint(x1, x2, label);
            drawn = session.allPoints();
            return Answers.drawn(session, loaded);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /**
     * Reads a CSV of a header row, two numeric features and a label of two classes, or (a last column named
     * {@code target}) two or one numeric features and a number to fit, as "Download the data" writes them (text read in
     * the page); at most 10,000 rows. On success the file is the data ({@code data=csv}) and the answer is {@link #setup}'s; a
     * bad file is one line naming the problem (and the row), and the previous data stay.
     */
    static String loadCsv(String text) {
        try {
            CsvText.Table table = CsvText.read(text);
            Session next = Session.of(session().setup().withData("csv", DataShape.of(table.data())), table.data());
            loaded = table;
            session = next;
            return Answers.setup(session, loaded);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }
}
