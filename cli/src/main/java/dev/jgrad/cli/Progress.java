package dev.jgrad.cli;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.train.EpochListener;
import dev.jgrad.train.EpochMetrics;
import java.io.PrintWriter;
import java.util.List;

/**
 * Training progress: on a terminal one line redrawn in place (epoch, loss, accuracy, rate, ETA) at
 * most ten times a second; otherwise a plain line every tenth of the run, so logs stay short.
 */
final class Progress implements EpochListener {
    /** What {@code --progress} names. */
    enum Mode implements Named {
        AUTO, LINE, PLAIN, NONE;

        @Override
        public String description() {
            return switch (this) {
                case AUTO -> "line on a terminal, plain otherwise";
                case LINE -> "one line redrawn in place";
                case PLAIN -> "a line every tenth of the run";
                case NONE -> "nothing";
            };
        }
    }

    static final Choices<Mode> CHOICES = Choices.of("progress", List.of(Mode.values()));

    private final PrintWriter out;
    private final int epochs;
    private final boolean inPlace;
    private final boolean silent;
    private final long start = System.nanoTime();
    private long lastDraw;
    private int width;

    private Progress(PrintWriter out, int epochs, boolean inPlace, boolean silent) {
        this.out = out;
        this.epochs = epochs;
        this.inPlace = inPlace;
        this.silent = silent;
    }

    static Progress of(String mode, int epochs, PrintWriter out) {
        return switch (CHOICES.parse(mode)) {
            case AUTO -> new Progress(out, epochs, System.console() != null, false);
            case LINE -> new Progress(out, epochs, true, false);
            case PLAIN -> new Progress(out, epochs, false, false);
            case NONE -> new Progress(out, epochs, false, true);
        };
    }

    @Override
    public void epochEnded(EpochMetrics m) {
        if (silent) {
            return;
        }
        long now = System.nanoTime();
        double elapsed = (now - start) / 1e9;
        double rate = m.epoch() / Math.max(elapsed, 1e-9);
        // A regression run has no accuracy: its R² is the figure that says "better" in the same way.
        String score = m.isRegression() ? "R²" : "acc";
        String text = String.format("epoch %d/%d  loss %s  %s %.3f%s  %s epochs/s", m.epoch(), epochs, loss(m.trainLoss()), score,
                m.isRegression() ? m.trainFit().r2() : m.trainAccuracy(),
                m.hasValidation() ? String.format("  val %s %.3f", score, m.isRegression() ? m.valFit().r2() : m.valAccuracy()) : "", rate(rate));
        if (inPlace) {
            if (now - lastDraw > 100_000_000L || m.epoch() == epochs) {
                lastDraw = now;
                String line = text + String.format("  ETA %s", eta((epochs - m.epoch()) / rate));
                out.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
                out.flush();
                width = line.length();
            }
        } else if (m.epoch() % Math.max(1, epochs / 10) == 0 || m.epoch() == epochs) {
            out.println(text);
        }
    }

    /** Ends the in-place line. */
    void finish() {
        if (inPlace && width > 0) {
            out.println();
        }
    }

    private static String eta(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }

    /** Epochs a second, with two significant figures below 10: a slow run reads 0.6, not 0. */
    static String rate(double perSecond) {
        return perSecond >= 10 ? String.format("%.0f", perSecond)
                : new java.math.BigDecimal(perSecond).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** A loss to four decimals, or in scientific notation when that would hide it (1e300 has 300 digits). */
    static String loss(double v) {
        double a = Math.abs(v);
        return a != 0 && (a >= 1e6 || a < 1e-4) ? String.format("%.4e", v) : String.format("%.4f", v);
    }
}
