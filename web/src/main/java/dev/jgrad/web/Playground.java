package dev.jgrad.web;

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
 * The same methods run on the JVM, where the tests call them. The answers are written in the classes named below, each
 * with its contract: {@link Page} (the setup, the data, training), {@link PictureExports}, {@link GraphExports}, and the
 * panels' {@link ExpressionExports}, {@link LandscapeExports}, {@link RaceExports} and {@link HiddenAnswer}.
 */
public final class Playground {
    private Playground() {
    }

    /** TeaVM needs an entry point; the page calls the exports, not this. */
    public static void main(String[] args) {
        // Nothing to start: the page calls setup(query) once it has read its URL.
    }

    // ---- The setup (the URL's query) ----

    /** Applies a URL query, a key left out keeping its default: see {@link Page#setup}. */
    @JSExport
    public static String setup(String query) {
        return Page.setup(query);
    }

    /** Every control with its choices, bounds and default, for the page to build its form: see {@link Answers#controls}. */
    @JSExport
    public static String controls() {
        return Answers.controls();
    }

    /** Draws the data and the initial weights again from the current setup's seed; epoch 0. */
    @JSExport
    public static String reset() {
        return Page.reset();
    }

    // ---- Training ----

    /** One optimizer step on the next mini-batch, going on past the epoch budget (a deliberate press); answers {@link #stats()}. */
    @JSExport
    public static String step() {
        return Page.press(Session::step);
    }

    /** The rest of the current epoch, or the next one, past the budget too; answers {@link #stats()}. */
    @JSExport
    public static String epoch() {
        return Page.press(Session::epoch);
    }

    /** {@code {"ok":true,"command":..}}, the command line as it stands (past the budget, to the epoch reached). */
    @JSExport
    public static String command() {
        return Answers.ok("command", Answers.command(Page.session(), Page.loaded()));
    }

    /** Lets playing go on past the epoch budget ({@code epochs}); answers {@link #stats()} with the command line. */
    @JSExport
    public static String goOn() {
        Page.session().goOn();
        return Answers.drawn(Page.session(), Page.loaded());
    }

    /** The most {@link #train} takes at once: a frame's budget, not a frozen tab. */
    static final double MAX_TRAIN_MILLIS = 1000;

    /** Updates for about {@code millis}, at least one, within a frame's budget: see {@link Page#play}. */
    @JSExport
    public static String train(double millis) {
        return Page.play(millis);
    }

    /** The epoch, the step, the losses and accuracies, and where playing stops: see {@link Answers#stats}. */
    @JSExport
    public static String stats() {
        return Answers.stats(Page.session());
    }

    // ---- Pictures (PictureExports) ----

    /** The view box in data coordinates, and how to read the plot: see {@link PictureExports#view}. */
    @JSExport
    public static String view() {
        return PictureExports.view();
    }

    /** The model's output (the margin, or a regression's number) on an n×n grid: see {@link PictureExports#boundary}. */
    @JSExport
    public static double[] boundary(double n) {
        return PictureExports.boundary(n);
    }

    /** The last boundary grid's decision boundary as line segments: see {@link PictureExports#contour}. */
    @JSExport
    public static double[] contour() {
        return PictureExports.contour();
    }

    /** The model's curve over data of one coordinate: see {@link PictureExports#curve}. */
    @JSExport
    public static double[] curve(double n) {
        return PictureExports.curve(n);
    }

    /** What one neuron computes on the grid: see {@link PictureExports#neuron}. */
    @JSExport
    public static double[] neuron(double layer, double index, double n) {
        return PictureExports.neuron(layer, index, n);
    }

    /** Every hidden neuron's picture from one pass: see {@link PictureExports#neurons}. */
    @JSExport
    public static double[] neurons(double n) {
        return PictureExports.neurons(n);
    }

    /** A frame's boundary and maps from one pass: see {@link PictureExports#frame}. */
    @JSExport
    public static double[] frame(double n, double m) {
        return PictureExports.frame(n, m);
    }

    /** The network diagram's weights, biases, their gradients and each neuron's flag as numbers: see {@link Diagram}. */
    @JSExport
    public static double[] diagram() {
        return Diagram.of(Page.session());
    }

    /** Every neuron's activation at a point of the plot: see {@link PictureExports#activations}. */
    @JSExport
    public static String activations(double x1, double x2) {
        return PictureExports.activations(x1, x2);
    }

    /** The points, four numbers each: see {@link Fit#points}. */
    @JSExport
    public static double[] points() {
        return Fit.points(Page.session());
    }

    /** The network as the page draws it, layer by layer: see {@link Answers#network}. */
    @JSExport
    public static String network() {
        return Answers.network(Page.session());
    }

    // ---- Data (Page) ----

    /** Adds a point the learner drew: see {@link Page#addPoint}. */
    @JSExport
    public static String addPoint(double x1, double x2, int label) {
        return Page.addPoint(x1, x2, label);
    }

    /** Reads a CSV the page read from a file as the data: see {@link Page#loadCsv}. */
    @JSExport
    public static String loadCsv(String text) {
        return Page.loadCsv(text);
    }

    // ---- One neuron's computational graph (GraphExports) ----

    /** Opens one neuron's graph for one point: see {@link GraphExports#open}. */
    @JSExport
    public static String graph(double layer, double index, double sample) {
        return GraphExports.open(layer, index, sample);
    }

    /** Fires the next local rule of the open graph's backward pass. */
    @JSExport
    public static String backpropStep() {
        return GraphExports.backpropStep();
    }

    /** Fires every remaining rule. */
    @JSExport
    public static String backpropRun() {
        return GraphExports.backpropRun();
    }

    /** One gradient-descent step on the open graph's parameters. */
    @JSExport
    public static String descend() {
        return GraphExports.descend();
    }

    /** Backprop's gradient of a node of the open graph beside the central difference. */
    @JSExport
    public static String gradientCheck(String node) {
        return GraphExports.gradientCheck(node);
    }

    // ---- The tour and files ----

    /** Step {@code i} of the post's tour: see {@link Tour#step}. */
    @JSExport
    public static String tour(int i) {
        return Tour.step(i);
    }

    /** What the boundary shows now, in {@code jgrad demo}'s words: see {@link PictureExports#reading}. */
    @JSExport
    public static String reading() {
        return PictureExports.reading();
    }

    /** Every point on the plot as the CSV that {@code jgrad train --csv} and {@link #loadCsv} read: "Download the data". */
    @JSExport
    public static String dataCsv() {
        return CsvText.write(Page.session().allPoints());
    }

    /** The trained model as the model.json that {@code jgrad predict} reads. */
    @JSExport
    public static String modelJson() {
        return Answers.model(Page.session(), Page.loaded());
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
        return LandscapeExports.params(Page.session().network());
    }

    /** The landscape's presets, each a lesson at one press: see {@link LandscapePreset#answer}. */
    @JSExport
    public static String landscapePresets() {
        return LandscapePreset.answer();
    }

    /** The training loss over an n×n window around parameters a and b (ids "layer-neuron-input"), the rest fixed. */
    @JSExport
    public static String landscape(String a, String b, double n) {
        return Answers.guarded(() -> LandscapeExports.surface(Page.session(), a, b, Whole.of("n", n, 2, LandscapeExports.MAX_GRID)));
    }

    /** Starts the surface of {@link #landscape} for {@link #landscapeMore} to compute a block at a time. */
    @JSExport
    public static String landscapeBegin(String a, String b, double n) {
        return Answers.guarded(() -> LandscapeExports.begin(Page.session(), a, b, Whole.of("n", n, 2, LandscapeExports.MAX_GRID)));
    }

    /** Computes the started surface for about millis: its progress, or once done the answer of {@link #landscape}. */
    @JSExport
    public static String landscapeMore(double millis) {
        return Answers.guarded(() -> LandscapeExports.more(Math.max(0, Math.min(millis, MAX_TRAIN_MILLIS))));
    }

    /** The losses of the last surface finished ({@link #landscape} or {@link #landscapeMore}), row by row from the top left. */
    @JSExport
    public static double[] landscapeLoss() {
        return LandscapeExports.values();
    }

    /** The training loss with parameters a and b set to va and vb: "be the optimizer". */
    @JSExport
    public static String landscapeAt(String a, String b, double va, double vb) {
        return Answers.guarded(() -> LandscapeExports.at(Page.session(), a, b, va, vb));
    }

    /** Where training has taken parameters a and b, and how far the others moved since the surface. */
    @JSExport
    public static String landscapeNow(String a, String b) {
        return Answers.guarded(() -> LandscapeExports.now(Page.session(), a, b));
    }

    // ---- Panels: the optimizer race (RaceExports) ----

    /** Starts a race of the page's setup against 2 to 4 variants (one per line, e.g. {@code optimizer=adam&lr=0.01}). */
    @JSExport
    public static String raceStart(String setups, double target) {
        return RaceExports.start(Page.session(), setups, target);
    }

    /** Trains every racer an epoch at a time for about millis; their curves from epoch {@code from} on. */
    @JSExport
    public static String raceTrain(double millis, double target, double from) {
        return RaceExports.train(millis, target, (int) Math.max(0, Math.min(from, Integer.MAX_VALUE)));
    }

    /** Racer i's boundary on an n×n grid, as {@link #boundary}. */
    @JSExport
    public static double[] raceBoundary(double i, double n) {
        return RaceExports.boundary((int) Math.max(-1, Math.min(i, 10)), Whole.of("n", n, 1, 400));
    }

    // ---- Panels: the hidden space (HiddenSpace) ----

    /** The plane as two neurons of one layer see it: see {@link HiddenAnswer#of(double, double, double)}. */
    @JSExport
    public static String hiddenSpace(double layer, double a, double b) {
        return HiddenAnswer.of(layer, a, b);
    }
}
