package dev.jgrad.cli;

import dev.jgrad.io.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** How {@code jgrad predict} reads a label column: a missing-value token is no label (the row is scored, not measured), never a class. */
final class PredictRows {
    private PredictRows() {
    }

    /** {@code table} with every missing-value label cell made empty, as an unlabelled row's is. */
    static Csv blankLabels(Csv table, int label, Set<String> na) {
        if (label < 0) {
            return table;
        }
        List<Csv.Row> rows = new ArrayList<>(table.rows().size());
        for (Csv.Row r : table.rows()) {
            if (na.contains(r.cells().get(label)) && !r.cells().get(label).isEmpty()) {
                List<String> cells = new ArrayList<>(r.cells());
                cells.set(label, "");
                rows.add(new Csv.Row(r.line(), cells));
            } else {
                rows.add(r);
            }
        }
        return new Csv(table.file(), table.header(), rows);
    }
}
