package dev.jgrad.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The expression panel's state behind {@link Playground}'s {@code expr…} exports: the last graph that opened.
 * A refused expression or value leaves it as it was, so the page keeps showing the last good graph.
 */
final class ExpressionExports {
    private static ExpressionPanel panel;

    private ExpressionExports() {
    }

    static String open(String text, String values) {
        try {
            panel = ExpressionPanel.open(text == null ? "" : text, values == null ? "" : values);
            return panel.answer();
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    static String forward() {
        return panel == null ? none() : panel.forwardStep();
    }

    static String backward() {
        return panel == null ? none() : panel.backwardStep();
    }

    static String check(String id) {
        return panel == null ? none() : panel.gradientCheck(id);
    }

    /** chosen: variable names separated by commas or spaces. */
    static String descend(String chosen, double lr) {
        if (panel == null) {
            return none();
        }
        try {
            panel = panel.descend(names(chosen == null ? "" : chosen), lr);
            return panel.answer();
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** The names in {@code text}, split at commas and spaces. */
    static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == ',' || Character.isWhitespace(c)) {
                if (name.length() > 0) {
                    names.add(name.toString());
                }
                name.setLength(0);
            } else {
                name.append(c);
            }
        }
        return names;
    }

    private static String none() {
        return Answers.error("no expression yet: type one first");
    }
}
