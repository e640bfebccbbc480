package dev.jgrad.cli;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * metrics.csv as a determinism check should read it: every column but {@code elapsed_s}, the wall
 * time at each epoch's end, which is the one column that differs between two runs of one seed
 * (whatever the kernels or threads). Compare {@code withoutElapsed(a)} to {@code withoutElapsed(b)}.
 */
final class MetricsCsv {
    private MetricsCsv() {
    }

    /** The text with the elapsed_s column removed from the header and every row. */
    static String withoutElapsed(String csv) {
        List<String> lines = csv.lines().toList();
        int column = Arrays.asList(lines.get(0).split(",", -1)).indexOf("elapsed_s");
        if (column < 0) {
            return csv;
        }
        return lines.stream().map(line -> {
            List<String> cells = new java.util.ArrayList<>(Arrays.asList(line.split(",", -1)));
            cells.remove(column);
            return String.join(",", cells);
        }).collect(Collectors.joining("\n", "", "\n"));
    }
}
