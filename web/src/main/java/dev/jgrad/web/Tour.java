package dev.jgrad.web;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.app.Demo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The post's argument as screens, in its order: one multiplication before and after backward; the table of local
 * derivatives; the h1 neuron; the loss node; the chain rule through them; a gradient of 2.0 flowing two levels deep;
 * one step of gradient descent; then the circle learnt by 1, 2, 3 and 9 hidden neurons, live, with the demo's seed
 * and budget, and a caption the page reads from the trained picture as the demo does ({@code Playground.reading});
 * then h1's graph in the trained 9-neuron network, its backward pass stepped; last, three lessons the network's marks
 * teach: vanishing gradients in a deep sigmoid network, a dying ReLU, and one neuron drawing only a line; then the panels:
 * the loss landscape with too large a learning rate, an optimizer race from one start, the 2-neuron circle's hidden
 * space. The graph screens are
 * {@link TourGraphs}'; the training screens answer a setup query for the page to apply instead of a picture.
 */
public final class Tour {
    private static final List<Integer> HIDDEN = Demo.SIZES;
    /** The graph screens before the training ones. */
    static final int GRAPHS = 10;

    private Tour() {
    }

    /**
     * The lessons the network's own marks teach, each a setup to play: its title, its text, its query. The gradient bars and
     * the framed neurons are the page's; the words say what to look for.
     */
    private static final List<List<String>> LESSONS = List.of(
            List.of("Vanishing gradients: a deep sigmoid network", "Five sigmoid layers on the circle. Point at the neurons, or watch "
                    + "the purple bars beside them: each is the size of that neuron's gradient, a decade a sixth of its height. The "
                    + "first layers' bars are far shorter than the last's: sigmoid's slope is at most 1/4, and the chain rule multiplies "
                    + "one such factor per layer on the way back, so the early layers barely learn.",
                    "data=circle&hidden=6,6,6,6,6&activation=sigmoid&loss=mse&batch=1&lr=0.1&seed=" + Demo.SEED + "&epochs=" + CircleExperiment.EPOCHS + "&play=1"),
            List.of("A dying ReLU", "ReLU neurons with a learning rate of 1: a large step can push a neuron's sum below 0 on every "
                    + "point, and there relu's slope is 0, so no gradient ever reaches it again. Such dead neurons are framed in dashed "
                    + "red, and their bars are empty; with lr 0.01 (Reset after changing it) they live.",
                    "data=circle&hidden=8&activation=relu&loss=mse&batch=1&lr=1&seed=" + Demo.SEED + "&epochs=" + CircleExperiment.EPOCHS + "&play=1"),
            List.of("One neuron can only draw a line", "XOR needs two lines to separate its four corners; one tanh neuron makes one, "
                    + "whatever it is trained for: its boundary stays straight and the accuracy well short of 1. Add a neuron (the + "
                    + "above the layer) and it bends.",
                    "data=xor&hidden=1&activation=tanh&loss=mse&batch=1&lr=0.01&seed=" + Demo.SEED + "&epochs=" + CircleExperiment.EPOCHS + "&play=1"));

    /** The optimizer race's two setups, the page's own and Adam's, raced from the same initial weights. */
    static final String RACE = "optimizer=sgd&lr=" + CircleExperiment.LEARNING_RATE + "\noptimizer=adam&lr=0.01";

    /**
     * The panels' screens, last: each a title, a text, the circle network it sets up (its hidden width) and the panel it
     * opens with what that panel needs (a preset's id, a race's setups, none).
     */
    private static final List<List<String>> PANELS = List.of(
            List.of("The loss landscape: a learning rate too large", "The colour is the real training loss of the post's "
                    + "9-neuron network as two weights of its first neuron vary over a window, every other parameter held where "
                    + "it is: a slice of the whole surface. The white line is the path training takes them along. Plain SGD with "
                    + "lr 3 takes steps too large for the valley: the path jumps across it, and the page's note soon says the "
                    + "steps are too big. Drag the point to be the optimizer yourself and read the loss.", "9", "landscape", LandscapePreset.LARGE.id()),
            List.of("The optimizer race: the same start, bit for bit", "The post's circle network trained twice side by side, "
                    + "the post's SGD at lr " + CircleExperiment.LEARNING_RATE + " against Adam at lr 0.01, from the same initial "
                    + "weights on the same data: jgrad's runs are bit-reproducible, so every difference between the curves is "
                    + "the optimizer's. Change a line or add a setup, and start again.", "3", "race", RACE),
            List.of("The hidden space: two neurons bend the plane", "The circle learnt by 2 hidden neurons, seen from inside: the "
                    + "input plane's grid drawn at the two neurons' activations, the points carried along. As it trains, the "
                    + "inside of the circle is pressed into one corner, where the output neuron's one straight cut can separate "
                    + "it from the rest.", "2", "hidden", ""));

    /** How many screens the tour has. */
    public static int count() {
        return GRAPHS + HIDDEN.size() + 1 + LESSONS.size() + PANELS.size();
    }

    /**
     * {@code {"ok":true,"i":..,"count":..,"title":..,"text":..,"svg":..|null,"query":..|null}}, with
     * {@code "table":[[header..],[row..]..]} on the derivative table, {@code "reading":true} where the page appends
     * what the trained boundary shows, and {@code "graph":{"layer":..,"index":..}} where it opens a neuron's graph once
     * trained, and {@code "edit":{"expression":..,"values":..}} (with {@code "lr"} and {@code "step"}, the variables a
     * gradient step moves, on the descent screen) where the expression panel can open the screen's graph, and
     * {@code "panel":{"name":"landscape"|"race"|"hidden","option":..}} where the page opens that panel on the setup.
     */
    public static String step(int i) {
        if (i < 0 || i >= count()) {
            return Answers.error("the tour has steps 0.." + (count() - 1) + ", not " + i);
        }
        if (i >= count() - PANELS.size()) {
            return panel(i, PANELS.get(i - count() + PANELS.size()));
        }
        if (i > GRAPHS + HIDDEN.size()) {
            List<String> lesson = LESSONS.get(i - GRAPHS - HIDDEN.size() - 1);
            return Answers.write(fields(i, lesson.get(0), lesson.get(1), null, lesson.get(2)));
        }
        if (i == GRAPHS + HIDDEN.size()) {
            return trained(i);
        }
        if (i >= GRAPHS) {
            int n = HIDDEN.get(i - GRAPHS);
            Map<String, Object> m = fields(i, "The circle with " + n + (n == 1 ? " hidden neuron" : " hidden neurons"), circle(n), null, query(n));
            m.put("reading", true);
            return Answers.write(m);
        }
        return screen(i, graph(i));
    }

    static TourGraphs.Screen graph(int i) {
        switch (i) {
            case 0:
            case 1:
                return TourGraphs.multiplication(i == 1);
            case 2:
                return TourGraphs.derivatives();
            case 3:
                return TourGraphs.neuron();
            case 4:
            case 5:
                return TourGraphs.loss(i == 5);
            case 6:
            case 7:
            case 8:
                return TourGraphs.twoLevels(i - 6);
            default:
                return TourGraphs.descent(CircleExperiment.LEARNING_RATE);
        }
    }

    /** The post's experiment as the page's setup: the demo's seed and epochs, so the page and {@code jgrad demo} agree. */
    static String query(int hidden) {
        return "data=circle&hidden=" + hidden + "&activation=tanh&loss=mse&batch=1&lr=" + CircleExperiment.LEARNING_RATE + "&seed="
                + Demo.SEED + "&epochs=" + CircleExperiment.EPOCHS + "&play=1";
    }

    private static String circle(int n) {
        return "The post's task: is a point inside the unit circle (dashed)? A 2 → " + n + " tanh → 1 tanh network learns it with squared "
                + "error and one update per sample, lr " + CircleExperiment.LEARNING_RATE + ", every rule above run for each point, for "
                + CircleExperiment.EPOCHS + " epochs. The line is where the output crosses 0, the network's boundary.";
    }

    /** A panel's screen: its setup, and the panel to open on it ({@code "panel":{"name":..,"option":..}}). */
    private static String panel(int i, List<String> screen) {
        Map<String, Object> m = fields(i, screen.get(0), screen.get(1), null, query(Integer.parseInt(screen.get(2))));
        Map<String, Object> panel = new LinkedHashMap<>();
        panel.put("name", screen.get(3));
        panel.put("option", screen.get(4));
        m.put("panel", panel);
        return Answers.write(m);
    }

    private static String trained(int i) {
        int n = HIDDEN.get(HIDDEN.size() - 1);
        Map<String, Object> m = fields(i, "Inside the trained network: h1's graph", "The " + n + "-neuron network trains to epoch "
                + CircleExperiment.EPOCHS + "; then the page opens the graph of its first hidden neuron, h1, for one training point, "
                + "and fires the first rule of its backward pass. The gradient flowing into o is the real one, from the loss of the whole "
                + "network on that point. Press Backprop step to fire the next rule, and Descend to take one step.", null, query(n));
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("layer", 1);
        graph.put("index", 0);
        m.put("graph", graph);
        return Answers.write(m);
    }

    private static String screen(int i, TourGraphs.Screen s) {
        Map<String, Object> m = fields(i, s.title(), s.text(), s.svg(), null);
        if (s.table() != null) {
            m.put("table", s.table());
        }
        if (s.edit() != null) {
            Map<String, Object> edit = new LinkedHashMap<>();
            edit.put("expression", s.edit().expression());
            edit.put("values", s.edit().values());
            if (!s.edit().step().isEmpty()) {
                edit.put("lr", Answers.number(s.edit().lr()));
                edit.put("step", String.join(", ", s.edit().step()));
            }
            m.put("edit", edit);
        }
        return Answers.write(m);
    }

    private static Map<String, Object> fields(int i, String title, String text, String svg, String query) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("i", i);
        m.put("count", count());
        m.put("title", title);
        m.put("text", text);
        m.put("svg", svg);
        m.put("query", query);
        return m;
    }
}
