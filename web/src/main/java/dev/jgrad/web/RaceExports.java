package dev.jgrad.web;

import java.util.ArrayList;
import java.util.List;

/** The race panel's state behind {@link Playground}'s {@code race…} exports: the race under way, or none. */
final class RaceExports {
    private static Race race;

    private RaceExports() {
    }

    /** overrides: one setup per line (or separated by '|'), each the controls it changes. */
    static String start(Session page, String overrides, double target) {
        try {
            List<String> list = new ArrayList<>();
            for (String line : (overrides == null ? "" : overrides).replace('|', '\n').split("\n")) {
                if (!line.trim().isEmpty()) {
                    list.add(line.trim());
                }
            }
            race = Race.of(page, list);
            return race.answer(target, 0);
        } catch (RuntimeException e) {
            return Answers.error(e);
        }
    }

    /** Epochs of every racer in turn until {@code millis} have passed (one round at least). */
    static String train(double millis, double target, int from) {
        if (race == null) {
            return Answers.error("no race yet: start one first");
        }
        long end = System.currentTimeMillis() + (long) Math.max(0, Math.min(millis, Playground.MAX_TRAIN_MILLIS));
        do {
            race.epoch();
        } while (System.currentTimeMillis() < end);
        return race.answer(target, from);
    }

    /** Racer i's boundary on an n×n grid (see {@link Playground#boundary}); empty without a race or racer i. */
    static double[] boundary(int i, int n) {
        if (race == null || i < 0 || i >= race.racers().size()) {
            return new double[0];
        }
        Session s = race.racers().get(i).session();
        return Fit.picture(s, n);
    }
}
