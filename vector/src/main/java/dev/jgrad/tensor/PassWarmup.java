package dev.jgrad.tensor;

/**
 * The vector passes' warm-up ({@link VectorPasses}), run on the kernels' warm-up thread after each width's products
 * ({@code JvmKernels.Warmup}): the layers of a width get its vector passes once every one of them is compiled.
 */
final class PassWarmup {
    private PassWarmup() {
    }

    /**
     * Runs every pass until compiled, then hands them to the layers: interpreted, a vector loop runs hundreds of
     * times slower than the plain one, so a step's passes are the plain loops until then (the same bits). Each pass
     * is called on a small block many times, so that the JIT compiles each as a method of its own; a warm-up loop
     * hot enough to be compiled itself took them all into one method too big to compile whole, whose vector
     * operations ran as objects, and it never got faster than the plain loops.
     */
    static void run() {
        run(DType.FLOAT64);
        run(DType.FLOAT32);
    }

    /**
     * {@link #run()} for one width's passes: a float32 model's first epoch waited, on plain passes, for the float64
     * ones too, which it never runs (the widening of its gradients is a float32 layer's pass).
     */
    static void run(DType width) {
        VectorPasses vector = new VectorPasses();
        Block small = new Block(8), check = new Block(64);
        int[] passes = width == DType.FLOAT32 ? Block.FLOAT32 : Block.FLOAT64;
        long deadline = System.nanoTime() + 30_000_000_000L;
        do {
            for (int i = 0; i < 2000; i++) {
                for (int pass : passes) {
                    small.run(vector, pass);
                }
            }
        } while (!compiled(vector, check, passes) && System.nanoTime() < deadline);
        Loops.passesWarmed(width);
    }

    /**
     * Whether each pass takes at most twice its plain loop's time on {@code b}: interpreted, a vector pass takes a
     * hundred times as long, so this finds each compiled. Summed over the passes, plain tanh's cost hid relu's
     * passes and the widening still running as objects, and a first epoch met them so.
     */
    private static boolean compiled(Passes vector, Block b, int[] passes) {
        for (int pass : passes) {
            long t0 = System.nanoTime();
            b.run(vector, pass);
            long t1 = System.nanoTime();
            b.run(Loops.PLAIN_PASSES, pass);
            if (t1 - t0 > 2 * (System.nanoTime() - t1)) {
                return false;
            }
        }
        return true;
    }

    /** Rows of 64 numbers for the warm-up, and each pass over them in both dtypes. */
    private static final class Block {
        /** The passes of {@link #run(Passes, int)} that a float64 layer runs, and those a float32 layer runs. */
        static final int[] FLOAT64 = {0, 2, 4, 6}, FLOAT32 = {1, 3, 5, 7, 8, 9};
        private final int rows, n = 64;
        private final double[] c, b, g, sums;
        private final float[] cf, bf, gf;

        Block(int rows) {
            this.rows = rows;
            c = new double[rows * n];
            b = new double[n];
            g = new double[rows * n];
            sums = new double[n];
            cf = new float[rows * n];
            bf = new float[n];
            gf = new float[rows * n];
        }

        void run(Passes p, int pass) {
            switch (pass) {
                case 0 -> p.biasTanh(c, b, 0, rows, n);
                case 1 -> p.biasTanh(cf, bf, 0, rows, n);
                case 2 -> p.biasRelu(c, b, 0, rows, n);
                case 3 -> p.biasRelu(cf, bf, 0, rows, n);
                case 4 -> p.reluSlopes(c, g, c, sums, n);
                case 5 -> p.reluSlopes(cf, g, gf, sums, n);
                case 6 -> p.tanhSlopes(c, g, c, sums, n);
                case 7 -> p.tanhSlopes(cf, g, gf, sums, n);
                case 8 -> p.widen(g, gf, true);
                default -> p.widen(g, gf, false);
            }
        }
    }
}
