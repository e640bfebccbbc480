package dev.jgrad.data;

import dev.jgrad.base.InvalidSetting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Columns chosen by name ({@code columns}, {@code drop}), a misspelt one answered with the nearest name; and columns that look like row identifiers. */
final class ColumnChoice {
    /** Headers that name a row number or identifier (R's write.csv writes "" for its row names, read.csv calls it X, pandas "Unnamed: 0"). */
    private static final Set<String> ID_HEADERS = Set.of("id", "Id", "ID", "", "Unnamed: 0");
    /** Fewer rows than this are unique by chance too often to call a column an identifier by its values. */
    static final int ID_MIN_ROWS = 20;

    private ColumnChoice() {
    }

    /** The indices of the columns kept: {@code columns} in their order, or all but {@code drop}. */
    static int[] keep(List<String> names, List<String> columns, List<String> drop, String label) {
        for (String n : columns == null ? drop : columns) {
            String setting = columns == null ? "drop" : "columns";
            if (n.equals(label)) {
                throw new InvalidSetting(setting, "names '" + n + "', the label column; it is never a feature");
            }
            if (!names.contains(n)) {
                throw new InvalidSetting(setting, "names no column '" + n + "'" + didYouMean(n, names) + "; the columns are "
                        + String.join(", ", names.stream().map(c -> "'" + c + "'").toList()));
            }
        }
        List<String> chosen = columns;
        if (chosen == null) {
            chosen = names.stream().filter(n -> !drop.contains(n)).toList();
        }
        if (new HashSet<>(chosen).size() != chosen.size()) {
            throw new InvalidSetting("columns", "names a column twice: " + String.join(",", chosen));
        }
        if (chosen.isEmpty()) {
            throw new InvalidSetting("drop", "leaves no feature column");
        }
        return chosen.stream().mapToInt(names::indexOf).toArray();
    }

    /** "; did you mean 'glucose'?" for the closest name within a third of its length, else "". */
    static String didYouMean(String name, List<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = distance(name.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, name.length() / 3) ? "; did you mean '" + best + "'?" : "";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }

    /** One warning for each column that looks like a row identifier rather than a feature. */
    static List<String> identifiers(RawTable table) {
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            RawColumn column = table.columns().get(c);
            String why = ID_HEADERS.contains(column.name()) ? "its header is '" + column.name() + "'"
                    : uniqueInEveryRow(table, c) ? (column.text() ? "a different text in every row" : "a different whole number in every row")
                    : null;
            if (column.name().equals("X") && uniqueInEveryRow(table, c) && !column.text()) {
                why = "its header is 'X' (R's name for row numbers) and it holds a different whole number in every row";
            }
            if (why != null) {
                warnings.add("column '" + column.name() + "' looks like a row identifier (" + why + "), not a feature; "
                        + "leave it out with --drop '" + column.name() + "'");
            }
        }
        return warnings;
    }

    /**
     * One warning for each text column whose texts are mostly numbers: a typo or an unlisted
     * missing-value token makes a numeric column categories, which would otherwise pass unnoticed.
     */
    static List<String> mostlyNumbers(RawTable table) {
        List<String> warnings = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            RawColumn column = table.columns().get(c);
            List<String> words = column.levels().stream().filter(l -> !Categories.looksNumeric(l)).toList();
            if (column.text() && !words.isEmpty() && words.size() * 2 < column.levels().size()) {
                int first = firstRowOf(table, c, column.levels().indexOf(words.get(0)));
                warnings.add("column '" + column.name() + "' holds numbers and " + words.size() + (words.size() == 1 ? " text" : " texts")
                        + " ('" + words.get(0) + "', first at line " + table.line(first) + "), so it is read as categories; "
                        + "if it is a numeric column, correct the text or list it with --na");
            }
        }
        return warnings;
    }

    /**
     * Refuses a text column whose texts are all numbers, one at least written with a decimal comma (3,14): R's
     * write.csv2 or a spreadsheet's file read without {@code --decimal-comma}, whose numbers would otherwise train as
     * one category each. A column the user names categorical is taken as said.
     */
    static void refuseDecimalCommas(RawTable table, List<String> categorical) {
        for (int c = 0; c < table.columns().size(); c++) {
            RawColumn column = table.columns().get(c);
            List<String> levels = column.levels();
            String comma = levels.stream().filter(Categories::decimalComma).findFirst().orElse(null);
            if (comma != null && !categorical.contains(column.name())
                    && levels.stream().allMatch(l -> Categories.decimalComma(l) || Categories.looksNumeric(l))) {
                int first = firstRowOf(table, c, levels.indexOf(comma));
                throw new TableException(table.source() + ":" + table.line(first) + ": column '" + column.name()
                        + "' holds numbers written with a decimal comma ('" + comma + "'); read the file with --decimal-comma");
            }
        }
    }

    private static int firstRowOf(RawTable table, int c, int level) {
        double[][] rows = table.data().points();
        for (int i = 0; i < rows.length; i++) {
            if (rows[i][c] == level) {
                return i;
            }
        }
        return 0;
    }

    private static boolean uniqueInEveryRow(RawTable table, int c) {
        double[][] rows = table.data().points();
        if (rows.length < ID_MIN_ROWS) {
            return false;
        }
        Set<Double> seen = new HashSet<>();
        for (double[] row : rows) {
            double v = row[c];
            if (Double.isNaN(v) || !table.columns().get(c).text() && v != Math.rint(v) || !seen.add(v)) {
                return false;
            }
        }
        return true;
    }
}
