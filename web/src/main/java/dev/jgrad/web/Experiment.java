package dev.jgrad.web;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.loss.Loss;
import dev.jgrad.optim.Sgd;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Learner;

/**
 * The entry point TeaVM compiles to JavaScript: the post's experiment, nine tanh neurons learning
 * the unit circle, seeded as on the JVM, then the trained weights measured again by the tensor
 * engine. Only what this reaches is compiled, so it is also the check that both engines' paths
 * need nothing the browser lacks (no threads, no reflection, no Vector API).
 */
public final class Experiment {
    /** The CLI's default seed. */
    static final long SEED = 42;

    private Experiment() {
    }

    /**
     * Prints {@code train accuracy A}, {@code train loss L} and {@code tensor train accuracy A}, the
     * lines the Node check reads; an optional argument is the seed.
     */
    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : SEED;
        CircleExperiment.Run run = CircleExperiment.run(9, seed);
        EpochMetrics last = run.last();
        System.out.println("train accuracy " + last.trainAccuracy());
        System.out.println("train loss " + last.trainLoss());
        Model tensor = Engine.TENSOR.build(run.model().network());
        Learner measured = new Learner(tensor, Loss.MSE, 0, new Sgd(tensor.trainable(), CircleExperiment.LEARNING_RATE));
        System.out.println("tensor train accuracy " + measured.evaluate(run.train().batch()).accuracy());
    }
}
