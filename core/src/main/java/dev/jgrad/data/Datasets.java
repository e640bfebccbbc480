package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import dev.jgrad.base.Rng;
import java.util.List;

/**
 * Seeded datasets: 2-D classification sets, a 1-D function and TensorFlow Playground's two 2-D
 * regression sets. Every generator takes the number of points, a noise level and the generator to
 * draw from, so one seed fixes the data. For the classification sets noise is the standard
 * deviation of a Gaussian jitter added to each coordinate after the label is fixed (for
 * {@code gauss}, the spread of each blob); for the regression sets it is described with each.
 */
public final class Datasets {
    /**
     * The most noise a generator takes: the sets span a few units, so far more noise only buries them,
     * and near 1e300 the points themselves overflow a network's sums.
     */
    public static final double MAX_NOISE = 1000;
    /** Half the side of the post's square: its area, 2π, is twice the unit circle's. */
    public static final double CIRCLE_HALF_SIDE = Math.sqrt(2 * Math.PI) / 2;

    /**
     * A generator's name ({@code --data}), what it draws, its task and its defaults.
     *
     * @param defaultClasses 0 for regression data
     */
    public record Generator(String id, String description, Task task, double defaultNoise, int defaultClasses) implements Named {
    }

    /** The built-in generators by name, in a fixed order: classification first, then regression. */
    public static final Choices<Generator> CHOICES = Choices.of("dataset", List.of(
            new Generator("circle", "the post's task: uniform in a square of side √(2π), class 1 inside the unit circle",
                    Task.CLASSIFICATION, 0.0, 2),
            new Generator("moons", "scikit-learn's make_moons: two interleaving half circles", Task.CLASSIFICATION, 0.1, 2),
            new Generator("xor", "uniform in [−1, 1]², class 1 where x and y have opposite signs", Task.CLASSIFICATION, 0.0, 2),
            new Generator("spiral", "k interleaved spiral arms, one class per arm", Task.CLASSIFICATION, 0.05, 3),
            new Generator("gauss", "k Gaussian blobs on a circle of radius 2, one class per blob", Task.CLASSIFICATION, 0.5, 3),
            new Generator("sine", "1-D: x uniform in [−π, π], target sin x plus Gaussian noise", Task.REGRESSION, 0.1, 0),
            new Generator("plane", "TensorFlow Playground's: uniform in [−6, 6]², target (x + y)/10", Task.REGRESSION, 0.0, 0),
            new Generator("gaussian-mixture", "TensorFlow Playground's: six signed Gaussian bumps in [−6, 6]²",
                    Task.REGRESSION, 0.0, 0)));

    private Datasets() {
    }

    /**
     * Draws {@code n} points from the generator called {@code name} (any case); {@code classes} matters for spiral and gauss.
     *
     * @param name a generator's name, e.g. "moons"
     * @param n how many points, ≥ 1
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param classes how many classes (arms, blobs) where the generator takes a number
     * @param random the generator every draw comes from
     * @return the dataset
     * @throws IllegalArgumentException for an unknown name or a setting out of range
     */
    public static Dataset generate(String name, int n, double noise, int classes, Rng random) {
        return switch (CHOICES.parse(name).id()) {
            case "circle" -> circle(n, noise, random);
            case "moons" -> moons(n, noise, random);
            case "xor" -> xor(n, noise, random);
            case "spiral" -> spiral(n, classes, noise, random);
            case "gauss" -> gauss(n, classes, noise, random);
            case "sine" -> sine(n, noise, random);
            case "plane" -> plane(n, noise, random);
            default -> gaussianMixture(n, noise, random);
        };
    }

    /**
     * The post's data: uniform in [−h, h]² with h = √(2π)/2, class 1 ("inside") when x² + y² &lt; 1.
     *
     * @param n how many points
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the dataset
     */
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
     *
     * @param n how many points
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the dataset
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

    /**
     * Uniform in [−1, 1]²; class 1 where x · y &lt; 0.
     *
     * @param n how many points
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the dataset
     */
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

    /**
     * {@code arms} spiral arms from the origin out to radius 1, each turning through 4 radians; point i is on arm i mod arms.
     *
     * @param n how many points
     * @param arms how many arms, one class each
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the dataset
     */
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

    /**
     * {@code blobs} Gaussian blobs of standard deviation {@code noise}, centred evenly on the circle of radius 2.
     *
     * @param n how many points
     * @param blobs how many blobs, one class each
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the dataset
     */
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

    /**
     * x uniform in [−π, π], target sin x plus Gaussian noise of standard deviation {@code noise}.
     *
     * @param n how many points
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the regression dataset
     */
    public static Dataset sine(int n, double noise, Rng random) {
        check(n, noise, 2);
        double[][] p = new double[n][];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(-Math.PI, Math.PI);
            p[i] = new double[] {x};
            t[i] = StrictMath.sin(x) + (noise > 0 ? noise * random.nextGaussian() : 0);
        }
        return Dataset.regression("sine", p, t);
    }

    /** TensorFlow Playground's half side of its regression square. */
    private static final double PLAYGROUND_RADIUS = 6;

    /**
     * TensorFlow Playground's {@code regressPlane}: points uniform in [−6, 6]², target (x + y)/10,
     * read where the point would be after a uniform shift of up to ±6·noise in each coordinate
     * (the Playground's noise slider, 0…0.5).
     *
     * @param n how many points
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the regression dataset
     */
    public static Dataset plane(int n, double noise, Rng random) {
        return playground("plane", n, noise, random, (x, y) -> (x + y) / 10);
    }

    /**
     * TensorFlow Playground's {@code regressGaussian}: six bumps at x ∈ {−4, 0, 4}, y = ±2.5, signed
     * alternately; a point's target is the strongest bump's signed max(0, 1 − distance/2), read
     * after the noise shift of {@link #plane}.
     *
     * @param n how many points
     * @param noise the standard deviation of the Gaussian noise added, in [0, {@link #MAX_NOISE}]
     * @param random the generator every draw comes from
     * @return the regression dataset
     */
    public static Dataset gaussianMixture(int n, double noise, Rng random) {
        return playground("gaussian-mixture", n, noise, random, Datasets::bumps);
    }

    private static final double[][] BUMPS = {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    private static double bumps(double x, double y) {
        double label = 0;
        for (double[] b : BUMPS) {
            double d = StrictMath.sqrt((x - b[0]) * (x - b[0]) + (y - b[1]) * (y - b[1]));
            double v = b[2] * Math.max(0, 1 - d / 2);
            if (Math.abs(v) > Math.abs(label)) {
                label = v;
            }
        }
        return label;
    }

    private static Dataset playground(String name, int n, double noise, Rng random, java.util.function.DoubleBinaryOperator target) {
        check(n, noise, 2);
        double r = PLAYGROUND_RADIUS;
        double[][] p = new double[n][];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            double x = random.nextDouble(-r, r);
            double y = random.nextDouble(-r, r);
            // As the Playground: the point stays where it was drawn, its target is read a little way off.
            double nx = noise > 0 ? random.nextDouble(-r, r) * noise : 0;
            double ny = noise > 0 ? random.nextDouble(-r, r) * noise : 0;
            p[i] = new double[] {x, y};
            t[i] = target.applyAsDouble(x + nx, y + ny);
        }
        return Dataset.regression(name, p, t);
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
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be a number from 0 to " + (int) MAX_NOISE + ", got " + noise);
        }
        if (classes < 2) {
            throw new IllegalArgumentException("number of classes must be at least 2, got " + classes);
        }
    }
}
