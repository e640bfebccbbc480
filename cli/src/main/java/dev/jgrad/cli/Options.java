package dev.jgrad.cli;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.train.Trainer;
import java.util.Locale;
import java.util.function.Supplier;

/** How {@code jgrad train} reads the options that core checks: core's names become the options' spellings. */
final class Options {
    private Options() {
    }

    /** Core names a bad setting as users name it ("epochs must be ≥ 1"); here it is an option ("--epochs ..."). */
    static <T> T asOptions(Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidSetting e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }

    /** {@code --batch}: 1, a batch size, or full ({@link Trainer#FULL_BATCH}), in any case. */
    static int batchSize(String batch) {
        String b = batch.toLowerCase(Locale.ROOT);
        if (b.equals("full")) {
            return Trainer.FULL_BATCH;
        }
        try {
            int size = Integer.parseInt(b);
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--batch must be 1, a batch size ≥ 1, or full; got '" + batch + "'");
    }
}
