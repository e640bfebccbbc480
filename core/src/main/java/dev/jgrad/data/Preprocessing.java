package dev.jgrad.data;

import dev.jgrad.base.InvalidSetting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How a raw table becomes features: which columns ({@code columns}: only these; {@code drop}: all
 * but these), what to do with missing cells, which numeric columns are categories. {@link #choose}
 * applies the choices that concern the whole table (columns, refusing or dropping rows with missing
 * cells); {@link #fit} then learns the rest from the training split alone: fills, categories.
 *
 * <pre>{@code
 * Preprocessing prep = Preprocessing.DEFAULT.withDrop(List.of("id")).withMissing(MissingPolicy.MEDIAN).withIndicator(true);
 * }</pre>
 *
 * @param columns the feature columns, by name, in this order; null for every column but those in {@code drop}
 * @param indicator add a 0/1 feature after each column that had missing cells in training (needs a fill)
 * @param categorical numeric columns to one-hot encode as categories (text columns always are)
 */
public record Preprocessing(List<String> columns, List<String> drop, MissingPolicy missing, boolean indicator,
        List<String> categorical) {

    /** Every column, missing cells refused, only text columns one-hot encoded. */
    public static final Preprocessing DEFAULT = new Preprocessing(null, List.of(), MissingPolicy.ERROR, false, List.of());
    /** A classification label with more distinct numbers than this looks like a regression target. */
    static final int MANY_CLASSES = 10;

    /**
     * Copies the lists; refuses no policy, both columns and drop, an empty column list, and an
     * indicator under a policy that does not fill.
     *
     * @param columns the feature columns, or null for all but {@code drop}
     * @param drop the columns left out
     * @param missing what a missing cell becomes
     * @param indicator whether a 0/1 missing-value feature follows each column that had missing cells
     * @param categorical numeric columns to one-hot encode
     */
    public Preprocessing {
        columns = columns == null ? null : List.copyOf(columns);
        drop = List.copyOf(drop);
        categorical = List.copyOf(categorical);
        if (missing == null) {
            throw new IllegalArgumentException("missing must be given");
        }
        if (columns != null && !drop.isEmpty()) {
            throw new InvalidSetting("drop", "and columns both choose the features; give one of them");
        }
        if (columns != null && columns.isEmpty()) {
            throw new InvalidSetting("columns", "names no column");
        }
        if (indicator && !missing.fills()) {
            throw new InvalidSetting("missing-indicator", "flags filled cells; it needs missing mean, median or most-frequent, not "
                    + missing.id());
        }
    }

    /**
     * {@return these settings with other feature columns}
     *
     * @param v the columns, or null for all but the dropped
     */
    public Preprocessing withColumns(List<String> v) {
        return new Preprocessing(v, drop, missing, indicator, categorical);
    }

    /**
     * {@return these settings with other columns left out}
     *
     * @param v the columns to leave out
     */
    public Preprocessing withDrop(List<String> v) {
        return new Preprocessing(columns, v, missing, indicator, categorical);
    }

    /**
     * {@return these settings with another missing-cell policy}
     *
     * @param v what a missing cell becomes
     */
    public Preprocessing withMissing(MissingPolicy v) {
        return new Preprocessing(columns, drop, v, indicator, categorical);
    }

    /**
     * {@return these settings with or without missing-value indicators}
     *
     * @param v whether a 0/1 feature follows each column that had missing cells
     */
    public Preprocessing withIndicator(boolean v) {
        return new Preprocessing(columns, drop, missing, v, categorical);
    }

    /**
     * {@return these settings with other numeric columns one-hot encoded}
     *
     * @param v the numeric columns to encode as categories
     */
    public Preprocessing withCategorical(List<String> v) {
        return new Preprocessing(columns, drop, missing, indicator, v);
    }

    /**
     * The table with the chosen columns only (a column of numbers written with a decimal comma, read as text, refused:
     * {@link TableException} naming the option) and, by the missing policy, its missing cells refused
     * ({@link TableException}: each column's count and first line) or their rows left out. Under a
     * fill, a column missing in every row is left out (there is nothing to fill it from). Unknown
     * names are an {@link IllegalArgumentException} offering the nearest one.
     *
     * @param table the table as read
     * @return the chosen table and the notes
     * @param label the label column's name (named in columns or drop, an error), or null
     */
    public Chosen choose(RawTable table, String label) {
        RawTable t = table.columns(ColumnChoice.keep(table.names(), columns, drop, label));
        for (String c : categorical) {
            if (!t.names().contains(c)) {
                throw new InvalidSetting("categorical", "names '" + c + "', which is not a feature column"
                        + ColumnChoice.didYouMean(c, t.names()) + "; the features are " + String.join(", ", t.names()));
            }
        }
        ColumnChoice.refuseDecimalCommas(t, categorical);
        List<String> notes = new ArrayList<>();
        if (missing != MissingPolicy.ERROR) {
            t = withoutEmptyColumns(t, notes);
        }
        MissingCells cells = new MissingCells(t.data().size());
        boolean[] complete = new boolean[t.data().size()];
        for (int i = 0; i < complete.length; i++) {
            complete[i] = true;
            for (int c = 0; c < t.columns().size(); c++) {
                if (Double.isNaN(t.data().points()[i][c])) {
                    cells.add(t.columns().get(c).name(), t.line(i));
                    complete[i] = false;
                }
            }
        }
        if (missing == MissingPolicy.ERROR) {
            cells.check(t.source(), "choose what to do with them: --missing drop, mean, median or most-frequent");
        }
        if (missing == MissingPolicy.DROP && cells.any()) {
            int[] kept = IntStream.range(0, complete.length).filter(i -> complete[i]).toArray();
            if (kept.length == 0) {
                throw new TableException(t.source() + ": every row has a missing cell; missing drop leaves none");
            }
            notes.add("left out " + (complete.length - kept.length) + " of " + complete.length + " rows with missing cells");
            t = t.rows(kept);
        }
        return new Chosen(t, notes);
    }

    /** The chosen table, and what choosing left out (rows, empty columns), one note a line. */
    public record Chosen(RawTable table, List<String> notes) {
        /**
         * Copies the notes.
         *
         * @param table the table of the chosen columns and rows
         * @param notes what choosing left out, one note a line
         */
        public Chosen {
            notes = List.copyOf(notes);
        }
    }

    private static RawTable withoutEmptyColumns(RawTable t, List<String> notes) {
        List<Integer> keep = new ArrayList<>();
        for (int c = 0; c < t.columns().size(); c++) {
            int col = c;
            if (t.data().size() > 0 && Arrays.stream(t.data().points()).allMatch(r -> Double.isNaN(r[col]))) {
                notes.add("left out column '" + t.columns().get(c).name() + "': it is missing in every row");
            } else {
                keep.add(c);
            }
        }
        if (keep.isEmpty()) {
            throw new TableException(t.source() + ": every feature column is missing in every row");
        }
        return t.columns(keep.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * The pipeline fitted on {@code train} (chosen, the training split only): each column's kind, categories and fill.
     *
     * @param train the chosen training rows
     * @return the pipeline
     */
    public Pipeline fit(RawTable train) {
        List<ColumnStep> steps = new ArrayList<>();
        int[] missingCells = Fitting.missingCells(train.data().points(), train.columns().size());
        for (int c = 0; c < train.columns().size(); c++) {
            steps.add(Fitting.step(train, c, missingCells[c], categorical.contains(train.columns().get(c).name()), missing, indicator));
        }
        return new Pipeline(steps);
    }

    /**
     * Warnings, one a line, for columns of {@code table} that look like row identifiers rather than
     * features, and for text columns that hold mostly numbers.
     *
     * @param table the table as read
     * @return the warnings, none when nothing looks off
     */
    public static List<String> warnings(RawTable table) {
        List<String> w = new ArrayList<>(ColumnChoice.identifiers(table));
        w.addAll(ColumnChoice.mostlyNumbers(table));
        return w;
    }

    /**
     * A warning when classification data's class names are all numbers and more than
     * {@value #MANY_CLASSES} of them: likely a quantity to predict; else null.
     *
     * @param data the classification data
     * @param label the label column's name, for the message
     * @return the warning, or null
     */
    public static String labelWarning(Dataset data, String label) {
        if (data.targets() != null || data.classes() <= MANY_CLASSES
                || !data.classNames().stream().allMatch(Categories::looksNumeric)) {
            return null;
        }
        return String.format(Locale.ROOT, "the label '%s' holds %d different numbers; to predict a number rather than "
                + "%d classes, say --task regression", label, data.classes(), data.classes());
    }
}
