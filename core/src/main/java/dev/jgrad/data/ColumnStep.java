package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a fitted {@link Pipeline} makes of one raw column: a number as it is, a yes/no or
 * TRUE/FALSE text as 1/0, or one 0/1 feature per category seen in training (an unseen one is all
 * zeros); a missing cell becomes {@code fill}, and with {@code indicator} one more feature says
 * that it was missing.
 *
 * @param categories the one-hot categories, sorted; empty for the other kinds
 * @param fill the value of a missing cell (a number; 0 or 1; a category's index), NaN for none:
 *     then a missing cell is an error
 * @param indicator whether a 0/1 feature follows, 1 where the cell was missing
 */
public record ColumnStep(String column, Kind kind, List<String> categories, double fill, boolean indicator) {

    /** How a column becomes features. */
    public enum Kind implements Named {
        /** The number itself. */
        NUMBER("the number itself"),
        /** TRUE/FALSE or yes/no text as 1/0. */
        BOOLEAN("TRUE/FALSE or yes/no as 1/0"),
        /** One 0/1 feature per category. */
        ONE_HOT("one 0/1 feature per category");

        /** Every kind by the name model files use. */
        public static final Choices<Kind> CHOICES = Choices.of("column kind", List.of(values()));
        private final String description;

        Kind(String description) {
            this.description = description;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /** The texts that read as 1, and as 0, in a boolean column (compared without case). */
    static final List<String> TRUE = List.of("true", "yes");
    static final List<String> FALSE = List.of("false", "no");

    /**
     * Refuses categories on a column that is not one-hot, a fill that is not one of its values, and an
     * indicator without a fill.
     *
     * @param column the raw column's name
     * @param kind how it becomes features
     * @param categories the one-hot categories, copied
     * @param fill the value of a missing cell, or NaN for none
     * @param indicator whether a 0/1 missing-value feature follows
     */
    public ColumnStep {
        categories = List.copyOf(categories);
        if (kind != Kind.ONE_HOT && !categories.isEmpty()) {
            throw new IllegalArgumentException("column '" + column + "' is " + kind.id() + " and has no categories");
        }
        if (kind == Kind.ONE_HOT && !Double.isNaN(fill) && (fill != Math.rint(fill) || fill < 0 || fill >= categories.size())) {
            throw new IllegalArgumentException("column '" + column + "' fills with category " + fill + "; it has "
                    + categories.size());
        }
        if (kind == Kind.BOOLEAN && !Double.isNaN(fill) && (fill < 0 || fill > 1)) {
            throw new IllegalArgumentException("boolean column '" + column + "' fills with " + fill + ", not a value in [0, 1]");
        }
        if (indicator && Double.isNaN(fill)) {
            throw new IllegalArgumentException("column '" + column + "' has a missing-value indicator but no fill");
        }
    }

    /** {@return how many features this column makes} */
    public int width() {
        return (kind == Kind.ONE_HOT ? categories.size() : 1) + (indicator ? 1 : 0);
    }

    /** {@return the features' names: the column's, {@code column=category} for each category, {@code missing(column)}} */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        if (kind == Kind.ONE_HOT) {
            categories.forEach(c -> names.add(column + "=" + c));
        } else {
            names.add(column);
        }
        if (indicator) {
            names.add("missing(" + column + ")");
        }
        return names;
    }

    /**
     * A value of this step (a number, 0/1, a category's index) written as features into {@code out}
     * from {@code at}; NaN is missing (filled), −1 an unseen category (all zeros). The next free index.
     */
    int write(double value, double[] out, int at) {
        boolean missing = Double.isNaN(value);
        double v = missing ? fill : value;
        if (kind == Kind.ONE_HOT) {
            for (int c = 0; c < categories.size(); c++) {
                out[at + c] = c == v ? 1 : 0;
            }
            at += categories.size();
        } else {
            out[at++] = v;
        }
        if (indicator) {
            out[at++] = missing ? 1 : 0;
        }
        return at;
    }

    /** This step's value of a text cell: 1/0 for a boolean, a category's index (−1: unseen), NaN for a numeric step. */
    double valueOf(String text) {
        if (kind == Kind.BOOLEAN) {
            String t = text.toLowerCase(Locale.ROOT);
            return TRUE.contains(t) ? 1 : FALSE.contains(t) ? 0 : -1;
        }
        if (kind == Kind.NUMBER) {
            return Double.NaN;
        }
        int c = categories.indexOf(text);
        if (c < 0 && Categories.looksNumeric(text)) {
            c = categories.indexOf(Categories.name(Double.parseDouble(text)));
        }
        return c;
    }

    /** This step's value of a number: itself, or for a one-hot step its category's index (−1: unseen). */
    double valueOf(double number) {
        if (kind == Kind.ONE_HOT) {
            return categories.indexOf(Categories.name(number));
        }
        if (kind == Kind.BOOLEAN) {
            return number == 0 || number == 1 ? number : -1;
        }
        return number;
    }
}
