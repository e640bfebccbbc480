package dev.jgrad.cli;

import dev.jgrad.io.CsvFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import picocli.CommandLine.Option;

/** How {@code train} and {@code predict} read a CSV: the options they share, and a line of progress on long reads. */
final class CsvOptions {
    /** Seconds between two progress lines, and before the first. */
    private static final long PROGRESS_EVERY_NANOS = 3_000_000_000L;

    @Option(names = "--sep", paramLabel = "C", description = "The character between cells: one character, or tab "
            + "(default: from the header line: ';' or tab when it has more of them than commas, else ',').")
    String separator;

    @Option(names = "--decimal-comma", description = "Numbers write their decimal mark as a comma (1,5), as R's "
            + "write.csv2 and many spreadsheets do; cells are then separated by ';' unless --sep says otherwise.")
    boolean decimalComma;

    /** The format these options name; a bad separator is a usage error naming it. */
    CsvFormat format() {
        char sep = separator == null ? CsvFormat.DETECT : CsvFormat.separator(separator);
        try {
            return CsvFormat.DEFAULT.withSeparator(sep).withDecimalComma(decimalComma);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--sep: " + e.getMessage(), e);
        }
    }

    /**
     * A line on {@code err} every few seconds while {@code file} is read ("reading f.csv: 45 of 133
     * MB"), so that a long read is not mistaken for a hang; nothing for a read that takes less.
     */
    static LongConsumer progress(Path file, long size, PrintWriter err) {
        long started = System.nanoTime();
        long[] next = {started + PROGRESS_EVERY_NANOS};
        return bytes -> {
            long now = System.nanoTime();
            if (now >= next[0] && bytes < size) {
                next[0] = now + PROGRESS_EVERY_NANOS;
                err.printf("reading %s: %d of %d MB%n", file, bytes >> 20, size >> 20);
                err.flush();
            }
        };
    }
}
