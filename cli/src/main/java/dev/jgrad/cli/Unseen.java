package dev.jgrad.cli;

import dev.jgrad.data.Pipeline;
import java.util.ArrayList;
import java.util.List;

/** The warning for categories a model never saw in training: how many cells, in which columns. */
final class Unseen {
    private Unseen() {
    }

    /** "3 cells of tables.csv hold a category the model never saw (chas 2, town 1): their one-hot features are all 0 (--strict refuses them)". */
    static String note(Pipeline.Expanded x, String file) {
        List<String> parts = new ArrayList<>();
        x.unseen().forEach((column, n) -> parts.add(column + " " + n));
        return x.unseenCells() + (x.unseenCells() == 1 ? " cell of " : " cells of ") + file + (x.unseenCells() == 1 ? " holds" : " hold") + " a category the model "
                + "never saw in training (" + String.join(", ", parts) + "): their one-hot features are all 0 "
                + "(--strict refuses them)";
    }
}
