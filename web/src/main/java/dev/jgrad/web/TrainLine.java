package dev.jgrad.web;

import dev.jgrad.data.Features;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code jgrad train} command line of a session: the same data (generator, points, noise, seed),
 * features, network, loss, optimizer and split, so it reproduces the page's data and starting
 * weights on the JVM. Every option is written out, since the CLI's defaults are not the post's.
 * Drawn and loaded points are named as a file ({@code points.csv}, {@code data.csv}) the learner saves.
 */
final class TrainLine {
    private TrainLine() {
    }

    /** The words after {@code jgrad}, one option value each. */
    static List<String> words(Session session, String csvName, String labelColumn) {
        Setup s = session.setup();
        List<String> w = new ArrayList<>(List.of("train"));
        if (s.generated()) {
            add(w, "--data", s.data());
            add(w, "--points", Integer.toString(s.points()));
            add(w, "--noise", Setup.text(s.noise()));
            if (s.data().equals("spiral") || s.data().equals("gauss")) {
                add(w, "--classes", "2");
            }
        } else {
            add(w, "--csv", csvName);
            if (s.regression()) {
                // A file's task is the command line's to say: jgrad train reads a CSV as classes by default.
                add(w, "--task", "regression");
            }
            add(w, "--label", labelColumn);
            add(w, "--scale", "none");
        }
        // Regression data is read as it is (Setup holds it so), as jgrad train reads it: no --features.
        if (!s.regression() && !s.features().equals(Features.RAW)) {
            add(w, "--features", s.features().toString());
        }
        List<String> hidden = new ArrayList<>();
        for (int h : s.hidden()) {
            hidden.add(Integer.toString(h));
        }
        add(w, "--hidden", hidden.isEmpty() ? "none" : String.join(",", hidden));
        add(w, "--activation", s.values().get("activation"));
        add(w, "--output-activation", s.outputActivation().id());
        add(w, "--init", s.init().id());
        add(w, "--loss", s.loss().id());
        add(w, "--optimizer", s.optimizer().id());
        add(w, "--lr", Setup.text(s.lr()));
        if (s.momentum() != 0) {
            add(w, "--momentum", Setup.text(s.momentum()));
        }
        add(w, "--batch", s.batch() == 0 ? "full" : Integer.toString(s.batch()));
        if (!s.reg().equals("none")) {
            add(w, "--" + s.reg(), Setup.text(s.rate()));
        }
        add(w, "--val", percent(100 - s.ratio()));
        add(w, "--epochs", Integer.toString(session.commandEpochs()));
        add(w, "--seed", Long.toString(s.seed()));
        // An engine the page was told to use is written out; the automatic choice is the command line's too.
        if (session.config().engine() != null) {
            add(w, "--engine", session.config().engine().id());
        }
        return w;
    }

    /**
     * The line as a learner types it into bash or sh: each word {@linkplain #quote quoted} where the shell
     * would otherwise split or expand it, so a column named {@code label;touch x} stays one word.
     */
    static String text(Session session, String csvName, String labelColumn) {
        List<String> quoted = new ArrayList<>();
        for (String word : words(session, csvName, labelColumn)) {
            quoted.add(quote(word));
        }
        // A shell comment, so the line still runs as it is copied.
        String note = session.beyond() ? "  # the page went on past its budget of " + session.setup().epochs() + " epochs" : "";
        return "jgrad " + String.join(" ", quoted) + note;
    }

    /**
     * {@code word} as a POSIX shell reads back exactly: as it is when every character is one the shell
     * takes literally (so ordinary commands stay readable), else in single quotes, inside which nothing is
     * special but the quote itself, written {@code '\''} (close, an escaped quote, open again). An empty word
     * is {@code ''}, so it still counts as a word.
     */
    static String quote(String word) {
        if (!word.isEmpty() && plain(word)) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    private static boolean plain(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean safe = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_-+=.,:/@%".indexOf(c) >= 0;
            if (!safe) {
                return false;
            }
        }
        return true;
    }

    /** p % as a fraction, written exactly ("0.2", "0.05"), without leaning on how a double prints. */
    static String percent(int p) {
        if (p % 10 == 0) {
            return "0." + p / 10;
        }
        return p < 10 ? "0.0" + p : "0." + p;
    }

    private static void add(List<String> w, String option, String value) {
        w.add(option);
        w.add(value);
    }
}
