package dev.jgrad.cli;

import dev.jgrad.data.MissingPolicy;
import dev.jgrad.data.Preprocessing;
import dev.jgrad.io.CsvFormat;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code jgrad train}'s options on how a CSV table becomes features: columns, missing cells, categories. */
final class TableOptions {
    @Option(names = "--columns", split = ",", paramLabel = "NAME", description = "Train on these columns only, by header "
            + "name, in this order (default: every column but the label).")
    List<String> columns;

    @Option(names = "--drop", split = ",", paramLabel = "NAME", description = "Train on every column but the label and these "
            + "(an identifier, a name, a leak of the label).")
    List<String> drop;

    @Option(names = "--missing", paramLabel = "P", description = "Missing feature cells: error (count them per column and "
            + "stop), drop (leave out their rows), mean, median, most-frequent (fill each column with its training split's "
            + "value, a text column with its most frequent category; saved in model.json for predict) (default: ${DEFAULT-VALUE}).")
    String missing = "error";

    @Option(names = "--missing-indicator", description = "With a filling --missing: one more 0/1 feature after each column "
            + "that had missing cells in training, 1 where the cell was missing.")
    boolean indicator;

    @Option(names = "--na", split = ",", paramLabel = "TOKEN", description = "The cells that mean 'missing', besides an "
            + "empty one (default: NA,N/A,NaN,?,null); a missing label leaves its row out, counted, never a class.")
    List<String> na;

    @Option(names = "--categorical", split = ",", paramLabel = "NAME", description = "One-hot encode these numeric columns "
            + "(one 0/1 feature per value seen in training, named like chas=1); text columns always are, and TRUE/FALSE "
            + "or yes/no columns read as 1/0.")
    List<String> categorical;

    /** The options given, for a check that they apply (to --csv only). */
    static final List<String> NAMES = List.of("--columns", "--drop", "--missing", "--missing-indicator", "--na", "--categorical");

    /** The choices as core's preprocessing. */
    Preprocessing preprocessing() {
        if (columns != null && drop != null) {
            throw new IllegalArgumentException("--columns and --drop both choose the features; give one of them");
        }
        return Options.asOptions(() -> Preprocessing.DEFAULT.withColumns(columns == null ? null : trimmed(columns))
                .withDrop(drop == null ? List.of() : trimmed(drop))
                .withMissing(MissingPolicy.CHOICES.parse(missing))
                .withIndicator(indicator)
                .withCategorical(categorical == null ? List.of() : trimmed(categorical)));
    }

    /**
     * The fewest features a file of {@code header} columns gives with these choices (a text column's categories only add
     * to them), or 0 when the header has too few.
     */
    int featuresAtLeast(int header) {
        return columns != null ? columns.size() : Math.max(0, header - 1 - (drop == null ? 0 : drop.size()));
    }

    /** How the CSV is read: {@code format}, with {@code --na}'s missing-value tokens. */
    CsvFormat format(CsvFormat format) {
        return format(format, na);
    }

    /** {@code format} with {@code na} as the missing-value tokens (null: its own); an empty cell is always missing. */
    static CsvFormat format(CsvFormat format, List<String> na) {
        return na == null ? format : format.withMissing(trimmed(na));
    }

    /** Which of these options the command line gave. */
    static List<String> given(CommandLine.ParseResult parsed) {
        List<String> given = new ArrayList<>();
        for (String o : NAMES) {
            if (parsed.hasMatchedOption(o)) {
                given.add(o);
            }
        }
        return given;
    }

    private static List<String> trimmed(List<String> names) {
        return names.stream().map(String::strip).toList();
    }
}
