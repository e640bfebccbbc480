package dev.jgrad.web;

import dev.jgrad.app.BoundaryReading;
import dev.jgrad.base.InvalidSetting;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Scorer;
import dev.jgrad.nn.Network;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSExport;

/**
 * What the playground page calls: TeaVM compiles this class to {@code engine.js}, an ES2015 module whose
 * exports are the {@link JSExport} methods below, so the page's JavaScript only draws and listens while
 * jgrad's own classes make the data, the network, the training and the graphs.
 *
 * <p>The page holds one setup at a time, so the state is one static session. Structured answers are JSON
 * text (the page reads them with {@code JSON.parse}); pictures are {@code double[]}, which TeaVM hands to
 * JavaScript as a {@code Float64Array}. Every answer that can fail is an object with {@code "ok"}: on
 * {@code false} its {@code "error"} is one line for the page to show, and the previous valid setup stays.
 * The same methods run on the JVM, where the tests call them.
 */
public final class Playground {
    /** The page's one setup, its data, network and training; made from the defaults on first use. */
    private static Session session;
    /** The points drawn so far (kept across setups, so changing the network keeps the drawing). */
    private static Dataset drawn;
    /** The last CSV loaded, kept so that data=csv can come back to it. */
    private static CsvText.Table loaded;
    /** The last boundary grid drawn, and its side, for {@link #contour()}. */
    private static double[] lastBoundary;
    private static int lastSide;
    /** The neuron's graph the learner opened last, or null. */
    private static GraphPanel panel;

    private Playground() {
    }

    /** The page's session (package-private: the tests read it beside the answers). */
    static Session session() {
        if (session == null) {
            session = sessionFor(Setup.defaults());
        }
        return session;
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

    /** TeaVM needs an entry point; the page calls the exports, not this. */
    public static void main(String[] args) {
        // Nothing to start: the page calls setup(query) once it has read its URL.
    }

    // ---- The setup (the URL's query) ----

    /**
     * Applies a URL query ({@code data=circle&hidden=9&activation=tanh&lr=0.01&batch=1&seed=42&play=1}): a
     * key left out keeps its default. On success the data are drawn and the weights initialised from the
     * seed, epoch 0: {@code {"ok":true,"query":canonical query of every non-default key,"command":the
     * equivalent jgrad train command line,"setup":{every control's value, as the URL writes it},"engine":"scalar"|
     * "tensor","parameters":N,"trainPoints":N,"testPoints":N}}. The keys, their ranges and defaults are
     * {@link #controls()}'s; an unknown key or a value out of range is {@code "ok":false} with a line naming both
     * ("hidden: 17 neurons is more than 16"). {@code data=csv} needs a file loaded by {@link #loadCsv}; {@code
     * data=custom} starts from the points drawn so far.
     */
    @JSExport
    public static String setup(String query) {
        try {
            Setup next = Setup.parse(query, loaded == null ? DataShape.CLASSES : DataShape.of(loaded.data()));
            session = sessionFor(next);
            panel = null;
            return Answers.setup(session, loaded);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /**
     * Every control with its choices, bounds and default, for the page to build its form:
     * {@code {"controls":[{"key":"data","label":"Data","kind":"choice"|"number"|"integer"|"boolean"|"list",
     * "choices":[...],"min":..,"max":..,"default":..}, ...]}}.
     */
    @JSExport
    public static String controls() {
        return Answers.controls();
    }

    /** Draws the data and the initial weights again from the current setup's seed; epoch 0. */
    @JSExport
    public static String reset() {
        try {
            session = sessionFor(session().setup());
            panel = null;
            return Answers.setup(session, loaded);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    // ---- Training ----

    /**
     * One optimizer step on the next mini-batch, going on past the epoch budget (a deliberate press); answers
     * {@link #stats()}, or says there are no points to train on.
     */
    @JSExport
    public static String step() {
        return train(s -> {
            if (s.atBudget()) {
                s.goOn();
            }
            s.step();
        });
    }

    /** The rest of the current epoch, or the next one, past the budget too; answers {@link #stats()}. */
    @JSExport
    public static String epoch() {
        return train(s -> {
            if (s.atBudget()) {
                s.goOn();
            }
            s.epoch();
        });
    }

    /**
     * The command line as it stands: {@code {"ok":true,"command":..}}; past the epoch budget it trains to the epoch the page
     * reached, so the page asks again when it pauses.
     */
    @JSExport
    public static String command() {
        return Answers.ok("command", Answers.command(session(), loaded));
    }

    /**
     * Lets playing go on past the setup's epoch budget ({@code epochs}): the page calls it when the learner presses
     * play at the budget; answers {@link #stats()} with the command line, which then names the epochs trained.
     */
    @JSExport
    public static String goOn() {
        session().goOn();
        return Answers.drawn(session(), loaded);
    }

    /** The most {@link #train} takes at once: a frame's budget, not a frozen tab. */
    static final double MAX_TRAIN_MILLIS = 1000;

    /**
     * Updates until {@code millis} (0 to {@value #MAX_TRAIN_MILLIS}) have passed (at least one), checking
     * the clock after each, so a frame stays within its budget however long an epoch is; answers
     * {@link #stats()} with the last finished epoch's losses and accuracies (the trainer's own measure at that epoch's
     * end, as {@code jgrad train} prints it: playing does not pass over every point again each frame), or an error for a
     * budget that is not such a number or when there are no points.
     */
    @JSExport
    public static String train(double millis) {
        if (!(millis >= 0 && millis <= MAX_TRAIN_MILLIS)) {
            return Answers.error(new IllegalArgumentException("train: the budget must be 0 to " + (int) MAX_TRAIN_MILLIS
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

    private static String train(java.util.function.Consumer<Session> updates) {
        return train(updates, true);
    }

    /** Runs the updates and answers {@link #stats()} (when {@code answer}), or the refusal when there is nothing to train on (else null). */
    private static String train(java.util.function.Consumer<Session> updates, boolean answer) {
        Session s = session();
        if (!s.hasPoints()) {
            return Answers.error(new IllegalStateException(s.setup().data().equals("custom")
                    ? "no points to train on yet: click the plot to add some (shift-click for the other class)"
                    : "no training points: choose more points or a larger training share"));
        }
        updates.accept(s);
        return answer ? stats() : null;
    }

    /**
     * {@code {"ok":true,"epoch":E,"step":S,"trainLoss":..,"trainAccuracy":..,"testLoss":..,"testAccuracy":..,
     * "stopped":null|"one line naming the epoch, as the CLI says it","budget":the epochs playing stops at,
     * "atBudget":whether it stopped there,"query":the setup's query}} (losses and
     * accuracies null where there are no points); the curves are the page's to keep. Step counts updates.
     */
    @JSExport
    public static String stats() {
        return Answers.stats(session());
    }

    // ---- Pictures ----

    /**
     * The view box in data coordinates: {@code {"xmin":..,"xmax":..,"ymin":..,"ymax":..,"circle":radius|null,"task":..,
     * "range":..,"curve":..}}, circle the true boundary's radius on the circle data (class 1 inside the unit circle), drawn
     * dashed as {@code jgrad demo} does; for the rest see {@link Fit#describe}.
     */
    @JSExport
    public static String view() {
        Map<String, Object> m = session().view().toMap();
        m.put("circle", session().setup().data().equals("circle") ? 1.0 : null);
        Fit.describe(session(), m);
        return Answers.write(m);
    }

    /**
     * The model's output on an n×n grid over the view box (cell centres), row by row from the top left, as the
     * loss's margin: positive for class 1, 0 on the decision boundary (for mse, the tanh output less 0.5; for
     * bce, the logit); on regression data the output itself, in the target's units. Computed from the weights as
     * plain numbers, no graph; n from 1 to 400.
     */
    @JSExport
    public static double[] boundary(double n) {
        Session s = session();
        lastBoundary = Fit.picture(s, whole("n", n, 1, 400));
        lastSide = (int) n;
        return lastBoundary;
    }

    /**
     * The decision boundary of the last {@link #boundary} grid as line segments, four numbers each (x1, y1, x2, y2 as
     * fractions of the picture from its top left): where the output crosses 0.5 under mse (0 of the margin), 0 of the logit
     * under bce. None for regression data.
     */
    @JSExport
    public static double[] contour() {
        // A regression has no classes, so no boundary between them: no line.
        return lastBoundary == null || session().setup().regression() ? new double[0] : Contour.segments(lastBoundary, lastSide);
    }

    /**
     * The model's curve over data of one coordinate (the sine): its output at n evenly spaced x across the view
     * (cell centres, left to right), for the page to draw over the points; empty for data of two coordinates.
     */
    @JSExport
    public static double[] curve(double n) {
        return Fit.curve(session(), whole("n", n, 2, 1000));
    }

    /**
     * What one neuron computes on the same grid, after its activation: layer from 1 (hidden layers; the number of
     * hidden layers + 1 is the output), index from 0. Empty for a neuron that does not exist.
     */
    @JSExport
    public static double[] neuron(double layer, double index, double n) {
        Session s = session();
        if (!(layer >= 1) || layer != Math.rint(layer) || !(index >= 0) || index != Math.rint(index)) {
            return new double[0];
        }
        return Grid.values(s.network(), s.setup().features(), s.setup().loss(), s.view(), whole("n", n, 1, 400),
                (int) Math.min(layer, Integer.MAX_VALUE), (int) Math.min(index, Integer.MAX_VALUE));
    }

    /**
     * Every hidden neuron's picture on an n×n grid from one pass of the network over the grid: what {@link #neuron} gives
     * for each, one after another (layer 1's neurons, then layer 2's, …), n² values each. One pass serves them all, so the
     * largest network (6 layers of 16) redraws its 96 maps at the cost of one.
     */
    @JSExport
    public static double[] neurons(double n) {
        Session s = session();
        return Grid.hidden(s.network(), s.setup().features(), s.view(), whole("n", n, 1, 400));
    }

    /**
     * A frame's pictures from one pass of the network over the n×n grid: the boundary ({@link #boundary}'s n² values, kept
     * for {@link #contour()}), then every neuron's map on an m×m grid read off the same pass (m dividing n; the hidden
     * neurons layer after layer, then the output's margin, m² values each, as {@link Grid#frame} samples them). So the
     * largest network (6 layers of 16) draws its boundary and its 97 maps for the cost of the boundary alone.
     */
    @JSExport
    public static double[] frame(double n, double m) {
        Session s = session();
        int side = whole("n", n, 1, 400);
        int small = whole("m", m, 1, side);
        if (side % small != 0) {
            throw new IllegalArgumentException("m must divide n, got n " + side + " and m " + small);
        }
        Grid.Frame f = Grid.frame(s.network(), s.setup().features(), Fit.reading(s), s.view(), side, small);
        lastBoundary = f.boundary();
        lastSide = side;
        double[] all = java.util.Arrays.copyOf(f.boundary(), f.boundary().length + f.maps().length);
        System.arraycopy(f.maps(), 0, all, f.boundary().length, f.maps().length);
        return all;
    }

    /** The network diagram's weights, biases, their gradients and each neuron's flag as numbers: see {@link Diagram}. */
    @JSExport
    public static double[] diagram() {
        return Diagram.of(session());
    }

    /**
     * Every neuron's activation at the point (x1, x2) of the plot, for the numbers on hover: {@code {"ok":true,"layers":
     * [[a, ..], ..]}} (the last layer is the output, after its activation).
     */
    @JSExport
    public static String activations(double x1, double x2) {
        if (!Double.isFinite(x1) || !Double.isFinite(x2)) {
            return Answers.error(new IllegalArgumentException("a point needs finite coordinates"));
        }
        Session s = session();
        double[][] a = Grid.activations(s.network(), s.setup().features().apply(new double[] {x1, x2}));
        List<Object> layers = new java.util.ArrayList<>();
        for (double[] layer : a) {
            List<Object> l = new java.util.ArrayList<>();
            for (double v : layer) {
                l.add(Answers.number(v));
            }
            layers.add(l);
        }
        return Answers.ok("layers", layers);
    }

    /**
     * The points, four numbers each: x1, x2, class (0 or 1), 1 if a test point. A regression point's third number is its
     * target; a point of one coordinate (the sine) is x1, its target, its target, 1 if a test point.
     */
    @JSExport
    public static double[] points() {
        return Fit.points(session());
    }

    /**
     * The network as the page draws it: {@code {"features":["x1","x2",..],"layers":[{"weights":[[..]],
     * "biases":[..],"activation":"tanh"}, ...]}} (the last layer is the output).
     */
    @JSExport
    public static String network() {
        return Answers.network(session());
    }

    // ---- Data ----

    /**
     * Adds a point drawn by the learner (class 0 or 1) to the training data, training on from the weights as they
     * are; answers {@link #stats()} with {@link #setup}'s fields (query, command, setup), for the page to show the
     * drawing as its data. At most {@code points}' largest value of points. On generated data the first click makes the points so far a drawing
     * ({@code data=custom}, a new start from the seed).
     */
    @JSExport
    public static String addPoint(double x1, double x2, int label) {
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
    @JSExport
    public static String loadCsv(String text) {
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

    // ---- One neuron's computational graph ----

    /**
     * Opens the graph of one neuron ({@code layer} from 1; {@code layer} = number of hidden layers + 1 is the
     * output) for point {@code sample} (its index in {@link #points()}: the training points, then the test points),
     * with the weights as they are now: {@code {"ok":true,"svg":"<svg…>","explain":"…","done":false}}. On regression data
     * the output's graph ends in the squared error against the point's target, the loss regression trains with.
     */
    @JSExport
    public static String graph(double layer, double index, double sample) {
        Session s = session();
        Dataset train = s.rawTrain(), test = s.rawTest();
        int points = train.size() + test.size();
        if (!(sample >= 0 && sample < points && sample == Math.rint(sample))) {
            return Answers.error(new IllegalArgumentException("point " + InvalidSetting.shown(sample) + " is not one of the "
                    + points + " points"));
        }
        if (!(layer == Math.rint(layer) && index == Math.rint(index))) {
            return Answers.error(new IllegalArgumentException("a neuron is a whole layer and index, got "
                    + InvalidSetting.shown(layer) + ", " + InvalidSetting.shown(index)));
        }
        boolean isTest = sample >= train.size();
        Dataset d = isTest ? test : train;
        int k = (int) sample - (isTest ? train.size() : 0);
        Setup setup = s.setup();
        int l = (int) Math.max(Integer.MIN_VALUE, Math.min(layer, Integer.MAX_VALUE));
        int i = (int) Math.max(Integer.MIN_VALUE, Math.min(index, Integer.MAX_VALUE));
        // The class, 0 or 1: each loss turns it into its own target, as training does; a regression point's number is
        // compared with the output as it is (its points are read as they are, with mse).
        GraphPanel opened = setup.regression()
                ? GraphPanel.openRegression(s.network(), setup.features().labels(), d.points()[k], d.targets()[k], l, i, setup.lr())
                : GraphPanel.open(s.network(), setup.loss(), setup.features().labels(), setup.features().apply(d.points()[k]),
                        d.labels()[k], l, i, setup.lr());
        // A refused graph leaves the open one (if any) open, as a refused setup leaves the setup.
        if (opened.isOpen()) {
            panel = opened;
        }
        return opened.answer();
    }

    /** Fires the next local rule of the open graph's backward pass: the same answer as {@link #graph}. */
    @JSExport
    public static String backpropStep() {
        return panel == null ? noGraph() : panel.step();
    }

    /** Fires every remaining rule: the same answer as {@link #graph}. */
    @JSExport
    public static String backpropRun() {
        return panel == null ? noGraph() : panel.run();
    }

    /**
     * One gradient-descent step on the open graph's parameters with the setup's learning rate, then the
     * forward pass again: the same answer as {@link #graph}, its explanation naming each change.
     */
    @JSExport
    public static String descend() {
        return panel == null ? noGraph() : panel.descend();
    }

    /** For a node of the open graph (its id in the SVG): {@code {"ok":true,"node":..,"backprop":..,"numeric":..}}. */
    @JSExport
    public static String gradientCheck(String node) {
        return panel == null ? noGraph() : panel.gradientCheck(node);
    }

    // ---- The tour and files ----

    /**
     * Step {@code i} of the post's tour: {@code {"ok":true,"i":i,"count":n,"title":..,"text":..,
     * "svg":graph or null,"query":a setup to apply or null}}.
     */
    @JSExport
    public static String tour(int i) {
        return Tour.step(i);
    }

    /**
     * What the boundary shows now, in the words {@code jgrad demo} uses for the post's figures and measured the same
     * way: {@code {"ok":true,"text":"After E epochs: …"}}, for a network of one hidden layer on the circle.
     */
    @JSExport
    public static String reading() {
        Session s = session();
        Setup setup = s.setup();
        if (setup.hidden().size() != 1 || !setup.data().equals("circle")) {
            return Answers.error(new IllegalStateException("the boundary is read on the circle with one hidden layer, as in the post"));
        }
        Network net = s.network();
        Scorer scorer = (x, y) -> Grid.margin(net, setup.features(), setup.loss(), x, y);
        return Answers.ok("text", "After " + s.epochs() + " epochs: " + BoundaryReading.of(setup.hidden().get(0), scorer));
    }

    /**
     * Every point on the plot (generated, drawn or loaded; training and test) as the CSV that {@code jgrad train --csv
     * points.csv --label label} and {@link #loadCsv} read: the page's "Download the data".
     */
    @JSExport
    public static String dataCsv() {
        return CsvText.write(session().allPoints());
    }

    /** The trained model as the model.json that {@code jgrad predict} reads. */
    @JSExport
    public static String modelJson() {
        return Answers.model(session(), loaded);
    }

    /** {@code v} as an int if it is a whole number in [lo, hi]; JavaScript passes any number, NaN included. */
    private static int whole(String what, double v, int lo, int hi) {
        if (!(v >= lo && v <= hi && v == Math.rint(v))) {
            throw new IllegalArgumentException(what + " must be a whole number from " + lo + " to " + hi + ", got " + InvalidSetting.shown(v));
        }
        return (int) v;
    }

    private static String noGraph() {
        return Answers.error(new IllegalStateException("no graph is open: click a neuron first"));
    }

    // ---- Panels: a typed expression (ExpressionExports) ----

    /** Parses and evaluates an expression at the values ({@code x1=2, w1=-3}); see {@link ExpressionPanel#answer()}. */
    @JSExport
    public static String exprOpen(String expression, String values) {
        return ExpressionExports.open(expression, values);
    }

    /** The next node of the typed expression's forward pass. */
    @JSExport
    public static String exprForward() {
        return ExpressionExports.forward();
    }

    /** The next local rule of the typed expression's backward pass. */
    @JSExport
    public static String exprBackward() {
        return ExpressionExports.backward();
    }

    /** Backprop's gradient of one node of the typed expression beside the central difference. */
    @JSExport
    public static String exprCheck(String node) {
        return ExpressionExports.check(node);
    }

    /** One gradient step on the named variables (comma separated) with learning rate lr. */
    @JSExport
    public static String exprDescend(String variables, double lr) {
        return ExpressionExports.descend(variables, lr);
    }

    // ---- Panels: the loss landscape (LandscapeExports) ----

    /** The parameters the landscape may vary, and the default two: the first neuron's two weights. */
    @JSExport
    public static String landscapeParams() {
        return LandscapeExports.params(session().network());
    }

    /** The training loss over an n×n window around parameters a and b (ids "layer-neuron-input"), the rest fixed. */
    @JSExport
    public static String landscape(String a, String b, double n) {
        try {
            return LandscapeExports.surface(session(), a, b, whole("n", n, 2, LandscapeExports.MAX_GRID));
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /**
     * Starts the surface of {@link #landscape} on the weights as they are, for {@link #landscapeMore} to compute a
     * block of cells at a time while the page trains.
     */
    @JSExport
    public static String landscapeBegin(String a, String b, double n) {
        try {
            return LandscapeExports.begin(session(), a, b, whole("n", n, 2, LandscapeExports.MAX_GRID));
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** Computes the started surface for about millis: its progress, or once done the answer of {@link #landscape}. */
    @JSExport
    public static String landscapeMore(double millis) {
        try {
            return LandscapeExports.more(Math.max(0, Math.min(millis, MAX_TRAIN_MILLIS)));
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** The losses of the last surface finished ({@link #landscape} or {@link #landscapeMore}), row by row from the top left. */
    @JSExport
    public static double[] landscapeLoss() {
        return LandscapeExports.values();
    }

    /** The training loss with parameters a and b set to va and vb: "be the optimizer". */
    @JSExport
    public static String landscapeAt(String a, String b, double va, double vb) {
        try {
            return LandscapeExports.at(session(), a, b, va, vb);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** Where training has taken parameters a and b, and how far the others moved since the surface. */
    @JSExport
    public static String landscapeNow(String a, String b) {
        try {
            return LandscapeExports.now(session(), a, b);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    // ---- Panels: the optimizer race (RaceExports) ----

    /**
     * Starts a race of the page's setup against 2 to 4 variants (one per line: the controls each changes, e.g.
     * {@code optimizer=adam&lr=0.01}); target: the training accuracy whose epoch each racer reports.
     */
    @JSExport
    public static String raceStart(String setups, double target) {
        return RaceExports.start(session(), setups, target);
    }

    /** Trains every racer an epoch at a time for about millis; their curves from epoch {@code from} on. */
    @JSExport
    public static String raceTrain(double millis, double target, double from) {
        return RaceExports.train(millis, target, (int) Math.max(0, Math.min(from, Integer.MAX_VALUE)));
    }

    /** Racer i's boundary on an n×n grid, as {@link #boundary}. */
    @JSExport
    public static double[] raceBoundary(double i, double n) {
        return RaceExports.boundary((int) Math.max(-1, Math.min(i, 10)), whole("n", n, 1, 400));
    }

    // ---- Panels: the hidden space (HiddenSpace) ----

    /**
     * The plane as neurons a and b (from 0) of layer {@code layer} (from 1) see it: {@code {"ok":true,"lines":[[x,y,…],…],
     * "points":[x,y,class,…],"box":[xmin,xmax,ymin,ymax],"widths":[neurons per layer]}}.
     */
    @JSExport
    public static String hiddenSpace(double layer, double a, double b) {
        try {
            Session s = session();
            if (s.setup().inputs() == 1) {
                throw new IllegalArgumentException("the hidden space carries the input plane through the network; "
                        + s.setup().data() + "'s points have one coordinate, so there is no plane to carry");
            }
            HiddenSpace h = new HiddenSpace(s.network(), s.setup().features(), whole("layer", layer, 1, 64), whole("a", a, 0, 1024),
                    whole("b", b, 0, 1024));
            return HiddenAnswer.of(h, s);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }
}
