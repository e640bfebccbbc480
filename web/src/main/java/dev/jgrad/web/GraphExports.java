package dev.jgrad.web;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.data.Dataset;

/**
 * {@link Playground}'s exports of one neuron's computational graph: the graph the learner opened last (one at a time, closed
 * by a new setup), its backward pass a rule at a time, a descent step and a gradient check, each answered by
 * {@link GraphPanel}.
 */
final class GraphExports {
    /** The neuron's graph the learner opened last, or null. */
    private static GraphPanel panel;

    private GraphExports() {
    }

    /** Closes the open graph: its weights are no longer the page's. */
    static void close() {
        panel = null;
    }

    /**
     * Opens the graph of one neuron ({@code layer} from 1; {@code layer} = number of hidden layers + 1 is the
     * output) for point {@code sample} (its index in the page's points: the training points, then the test points),
     * with the weights as they are now: {@code {"ok":true,"svg":"<svg…>","explain":"…","done":false}}. On regression data
     * the output's graph ends in the squared error against the point's target, the loss regression trains with.
     */
    static String open(double layer, double index, double sample) {
        Session s = Page.session();
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

    /** Fires the next local rule of the open graph's backward pass: the same answer as {@link #open}. */
    static String backpropStep() {
        return panel == null ? noGraph() : panel.step();
    }

    /** Fires every remaining rule: the same answer as {@link #open}. */
    static String backpropRun() {
        return panel == null ? noGraph() : panel.run();
    }

    /**
     * One gradient-descent step on the open graph's parameters with the setup's learning rate, then the
     * forward pass again: the same answer as {@link #open}, its explanation naming each change.
     */
    static String descend() {
        return panel == null ? noGraph() : panel.descend();
    }

    /** For a node of the open graph (its id in the SVG): {@code {"ok":true,"node":..,"backprop":..,"numeric":..}}. */
    static String gradientCheck(String node) {
        return panel == null ? noGraph() : panel.gradientCheck(node);
    }

    private static String noGraph() {
        return Answers.error(new IllegalStateException("no graph is open: click a neuron first"));
    }
}
