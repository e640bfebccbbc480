package dev.jgrad.cli;

import dev.jgrad.io.CsvFormat;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code jgrad predict}'s options on reading the input table as the model was trained. */
final class ReadOptions {
    @Option(names = "--strict", description = "A category the model never saw in training is an error naming it and its "
            + "line (otherwise its one-hot features are all 0, and a warning counts such cells).")
    boolean strict;

    @Option(names = "--na", split = ",", paramLabel = "TOKEN", description = "The cells that mean 'missing', besides an "
            + "empty one (default: NA,N/A,NaN,?,null); the model fills them as in training, if it was trained to.")
    List<String> na;

    CsvFormat format(CsvFormat format) {
        return TableOptions.format(format, na);
    }
}
