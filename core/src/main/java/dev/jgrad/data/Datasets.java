package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.base.Rng;
import java.util.List;

/**
 * Seeded 2-D datasets. Every generator takes the number of points, a noise level
 * and the generator to draw from, so one seed fixes the data. Noise is the standard deviation of a
 * Gaussian jitter added to each coordinate after the label is fixed (for {@code gauss}, the spread
 * of each blob).
 */
public final class Datasets {
    /** Half the side of the post's square: its area, 2π, is twice the unit circle's. */
    public static final double CIRCLE_HALF_SIDE = Math.sqrt(2 * Math.PI) / 2;

    /** A generator's name ({@code --data}), what it draws, and its defaults. */
    public record Generator(String id, String description, double defaultNoise, int defaultClasses) implements Named {
    }

    /** The built-in generators by name, in a fixed order. */
    public static final Choices<Generator> CHOICES = Choices.of("dataset", List.of(
            new Generator("circle", "the post's task: uniform in a square of side √(2π), class 1 inside the unit circle", 0.0, 2),
            new Generator("moons", "scikit-learn's make_moons: two interleaving half circles", 0.1, 2),
            new Generator("xor", "uniform in [−1, 1]², class 1 where x and y have opposite signs", 0.0, 2),
            new Generator("spiral", "k interleaved spiral arms, one class per arm", 0.05, 3),
            new Generator("gauss", "k Gaussian blobs on a circle of radius 2, one class per blob", 0.5, 3)));

    private Datasets() {
    }

    /** Draws {@code n} points from the generator called {@code name} (any case); {@code classes} matters for spiral and gauss. */
    public static Dataset generate(String name, int n, double noise, int classes, Rng random) {
        return switch (CHOICES.parse(name).id()) {
            case "circle" -> circle(n, noise, random);
            case "moons" -> moons(n, noise, random);
            case "xor" -> xor(n, noise, random);
            case "spiral" -> spiral(n, classes, noise, random);
            default -> gauss(n, classes, noise, random);
        };
    }

    /** The post's data: uniform in [−h, h]² with h = √(2π)/2, class 1 ("inside") when x² + y² &lt; 1. */
    public static Dataset circle(int n, double noise, Rng random) {
        check(n, noise, 2);
        double[][] p = new double[n][];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(-CIRCLE_HALF_SIDE, CIRCLE_HALF_SIDE);
            double y = random.nextDouble(-CIRCLE_HALF_SIDE, CIRCLE_HALF_SIDE);
            l[i] = x * x + y * y < 1 ? 1 : 0;
            p[i] = new double[] {x, y};
        }
        return new Dataset("circle", jitter(p, noise, random), l, 2, List.of("outside", "inside"));
    }

    /**
     * scikit-learn's {@code make_moons}: ⌊n/2⌋ points evenly spaced in angle on the upper half circle
     * (class 0), the rest on the lower one shifted to (1, 0.5) (class 1), shuffled, then jittered.
     */
    public static Dataset moons(int n, double noise, Rng random) {
        check(n, noise, 2);
        int outer = n / 2;
        int inner = n - outer;
        double[][] p = new double[n][];
        int[] l = new int[n];
        for (int i = 0; i < outer; i++) {
            double t = angle(i, outer);
            p[i] = new double[] {StrictMath.cos(t), StrictMath.sin(t)};
        }
        for (int i = 0; i < inner; i++) {
            double t = angle(i, inner);
            p[outer + i] = new double[] {1 - StrictMath.cos(t), 1 - StrictMath.sin(t) - 0.5};
            l[outer + i] = 1;
        }
        int[] order = Shuffle.permutation(n, random);
        Dataset shuffled = new Dataset("moons", p, l, 2).subset("moons", order);
        return new Dataset("moons", jitter(shuffled.points(), noise, random), shuffled.labels(), 2);
    }

    /** NumPy's linspace(0, π, m)[i]. */
    private static double angle(int i, int m) {
        return m == 1 ? 0 : Math.PI * i / (m - 1);
    }

    /** Uniform in [−1, 1]²; class 1 where x · y &lt; 0. */
    public static Dataset xor(int n, double noise, Rng random) {
        check(n, noise, 2);
        double[][] p = new double[n][];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(-1, 1);
            double y = random.nextDouble(-1, 1);
            l[i] = x * y < 0 ? 1 : 0;
            p[i] = new double[] {x, y};
        }
        return new Dataset("xor", jitter(p, noise, random), l, 2);
    }

    /** {@code arms} spiral arms from the origin out to radius 1, each turning through 4 radians; point i is on arm i mod arms. */
    public static Dataset spiral(int n, int arms, double noise, Rng random) {
        check(n, noise, arms);
        double[][] p = new double[n][];
        int[] l = new int[n];
        int perArm = (n + arms - 1) / arms;
        for (int i = 0; i < n; i++) {
            int arm = i % arms;
            double r = (double) (i / arms + 1) / perArm;
            double t = 2 * Math.PI * arm / arms + 4 * r;
            p[i] = new double[] {r * StrictMath.sin(t), r * StrictMath.cos(t)};
            l[i] = arm;
        }
        return new Dataset("spiral", jitter(p, noise, random), l, arms);
    }

    /** {@code blobs} Gaussian blobs of standard deviation {@code noise}, centred evenly on the circle of radius 2. */
    public static Dataset gauss(int n, int blobs, double noise, Rng random) {
        check(n, noise, blobs);
        double[][] p = new double[n][];
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            int c = i % blobs;
            double t = 2 * Math.PI * c / blobs;
            p[i] = new double[] {2 * StrictMath.cos(t), 2 * StrictMath.sin(t)};
            l[i] = c;
        }
        return new Dataset("gauss", jitter(p, noise, random), l, blobs);
    }


    private static double[][] jitter(double[][] p, double noise, Rng random) {
        if (noise > 0) {
            for (double[] row : p) {
                for (int j = 0; j < row.length; j++) {
                    row[j] += noise * random.nextGaussian();
                }
            }
        }
        return p;
    }

    private static void check(int n, double noise, int classes) {
        if (n < 1) {
            throw new IllegalArgumentException("number of points must be at least 1, got " + n);
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("noise must be a finite number ≥ 0, got " + noise);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("number of classes must be at least 2, got " + classes);
        }
    }
}
