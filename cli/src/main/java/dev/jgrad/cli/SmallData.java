package dev.jgrad.cli;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Task;
import dev.jgrad.train.Training;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The split of very little data, which would otherwise train quietly on something other than was asked
 * for: a validation fraction that rounds to no point, or a training split without some class.
 */
final class SmallData {
    private SmallData() {
    }

    /** Refuses a --val that holds out no point; warns (one line) when the training split lacks a class. */
    static void check(Training run, PrintWriter human) {
        double val = run.config().validation();
        int total = run.train().size() + run.validation().size();
        if (val > 0 && run.validation().size() == 0) {
            throw new IllegalArgumentException("--val " + InvalidSetting.shown(val) + " of " + Words.count(total, "point")
                    + " holds out none, so nothing would be validated; use --val 0 to train on all of them, or more points");
        }
        Dataset train = run.train();
        if (train.task() != Task.CLASSIFICATION) {
            return;
        }
        boolean[] seen = new boolean[train.classes()];
        for (int label : train.labels()) {
            seen[label] = true;
        }
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                absent.add(train.classNames().get(c));
            }
        }
        if (!absent.isEmpty()) {
            human.println("warning: the training split (" + Words.count(train.size(), "point") + ") has no point of class "
                    + String.join(", ", absent) + ", so the model cannot learn " + (absent.size() == 1 ? "it" : "them")
                    + "; lower --val or use more data");
        }
    }
}
