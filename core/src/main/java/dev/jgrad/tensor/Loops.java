package dev.jgrad.tensor;

/**
 * Chooses the loops of the elementwise work beside the products: the optimizers' float32 steps ({@link FloatSteps})
 * and the layers' passes ({@link Passes}). Plain loops everywhere (the browser's, and the JVM's until then), the
 * JVM's vector loops once {@code JvmKernels.install()} has registered them and they are compiled; as for the
 * products ({@link Kernels}), {@code jgrad.kernel=plain} never takes them and {@code vector} takes them warm or
 * not. Every loop computes the same operations in the same order, so the choice never changes a bit.
 */
final class Loops {
    private Loops() {
    }

    /** The optimizers' float32 vector loops, once registered; {@link #steps()} hands them out once {@link #stepsWarmed}. */
    private static volatile FloatSteps steps;
    private static volatile boolean stepsWarm;

    static void registerSteps(FloatSteps s) {
        steps = s;
    }

    /** Called once the registered loops are compiled (they run hundreds of times slower before). */
    static void stepsWarmed() {
        stepsWarm = true;
    }

    /**
     * The optimizers' float32 vector loops when registered and warm, else null (their plain loops); with
     * {@code jgrad.kernel=plain} never, with {@code vector} warm or not, as the products.
     */
    static FloatSteps steps() {
        if (Kernels.KERNEL.equals("plain")) {
            return null;
        }
        return stepsWarm || Kernels.KERNEL.equals("vector") ? steps : null;
    }

    /** The layers' elementwise passes: the plain loops, and the JVM's vector loops once registered. */
    static final Passes PLAIN_PASSES = new PlainPasses();
    private static volatile Passes vectorPasses;
    private static volatile boolean passesWarm, floatPassesWarm;

    /** Registers the vector loops; {@link #passes(boolean)} hands them out once {@link #passesWarmed}. */
    static void registerPasses(Passes p) {
        vectorPasses = p;
    }

    /** Called once the registered passes of this width are compiled (they run hundreds of times slower before). */
    static void passesWarmed(DType width) {
        if (width == DType.FLOAT32) {
            floatPassesWarm = true;
        } else {
            passesWarm = true;
        }
    }

    /**
     * {@return the elementwise passes in use for float32 ({@code floats}) or float64 layers, the same bits whichever
     * they are}: the vector loops when registered and that width's are warm; with {@code jgrad.kernel=plain} never,
     * with {@code vector} warm or not, as the products and steps.
     */
    static Passes passes(boolean floats) {
        Passes v = vectorPasses;
        if (v == null || Kernels.KERNEL.equals("plain")) {
            return PLAIN_PASSES;
        }
        return (floats ? floatPassesWarm : passesWarm) || Kernels.KERNEL.equals("vector") ? v : PLAIN_PASSES;
    }
}
