package dev.jgrad.app;

import dev.jgrad.app.CircleExperiment;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Schedule;
import dev.jgrad.optim.Sgd;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Learner;
import dev.jgrad.train.Trainer;
import dev.jgrad.viz.BoundaryAnimation;
import dev.jgrad.viz.BoundaryPlot;
import dev.jgrad.viz.Charts;
import dev.jgrad.viz.Images;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The post's training figures: boundary animations and pictures per size, charts for 9, micrograd's moons. */
final class DemoTraining {
    /** One trained size: its last epoch's metrics, the figures and every file written. */
    record Result(int hidden, EpochMetrics last, List<Demo.Figure> figures, List<Path> files) {
    }

    private DemoTraining() {
    }

    /** Trains the post's 2 → N → 1 network, animating its boundary; charts too when {@code charts}. */
    static Result circle(int hidden, Demo.Options o, boolean charts) {
        CircleExperiment.Setup setup = CircleExperiment.setup(hidden, o.seed());
        BoundaryPlot plot = BoundaryPlot.of(setup.train()).plotSize(o.plotSize()).output("network output", s -> s + 0.5);
        Path gifFile = o.out().resolve(hidden + "_neurons.gif");
        Path pngFile = o.out().resolve(hidden + "_neurons.png");
        CircleExperiment.Run run;
        try (BoundaryAnimation animation = new BoundaryAnimation(plot, setup.scorer(), gifFile, o.frameEvery(), o.epochs(),
                epoch -> BoundaryPlot.title(epoch, hidden))) {
            run = setup.fit(o.epochs(), animation::epochEnded);
            animation.finish();
        }
        Images.writePng(plot.draw(run.scorer(), BoundaryPlot.title(o.epochs(), hidden)), pngFile);

        List<Demo.Figure> figures = new ArrayList<>();
        List<Path> files = new ArrayList<>(List.of(gifFile, pngFile));
        String neurons = hidden + (hidden == 1 ? " neuron" : " neurons");
        figures.add(new Demo.Figure(Demo.Section.TRAINING, gifFile.getFileName().toString(),
                "The decision boundary of the " + hidden + "-neuron network as it trains (frames after epochs 1, 2, 3, … "
                        + "then at most " + o.frameEvery() + " epochs apart, when it moved; the last held): " + reading(hidden, run)));
        figures.add(new Demo.Figure(Demo.Section.TRAINING, pngFile.getFileName().toString(),
                "After " + o.epochs() + " epochs with " + neurons + ": training accuracy "
                        + Demo.percent(run.last().trainAccuracy()) + ", validation " + Demo.percent(run.last().valAccuracy()) + "."));
        if (charts) {
            for (String kind : List.of("loss", "accuracy")) {
                for (String ext : List.of("png", "svg")) {
                    Path file = o.out().resolve(hidden + "_neurons_" + kind + "." + ext);
                    if (kind.equals("loss")) {
                        Charts.loss(run.history(), "Average loss by epoch (" + neurons + ")", file);
                    } else {
                        Charts.accuracy(run.history(), "Accuracy by epoch (" + neurons + ")", file);
                    }
                    files.add(file);
                }
                figures.add(new Demo.Figure(Demo.Section.TRAINING, hidden + "_neurons_" + kind + ".png",
                        (kind.equals("loss") ? "Average squared-error loss" : "Accuracy") + " by epoch with " + neurons
                                + ", on the training and validation points (also as SVG)."));
            }
        }
        return new Result(hidden, run.last(), figures, files);
    }

    /** What the picture shows, measured: for 2 neurons whether the edge bent as in the post's run. */
    static String reading(int hidden, CircleExperiment.Run run) {
        return BoundaryReading.of(hidden, run.scorer());
    }

    /**
     * micrograd's demo: 100 moons with noise 0.1, 2-16-16-1 ReLU, hinge loss + 1e-4·Σp², full-batch
     * SGD with learning rate 1.0 − 0.9·k/100 for 100 steps (fewer when the demo is shortened).
     */
    static Result moons(Demo.Options o) {
        int steps = Math.min(100, o.epochs());
        Rng random = new Rng(o.seed());
        Dataset moons = Datasets.moons(100, 0.1, random.split());
        MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, random.split());
        Sgd sgd = new Sgd(model.trainable(), 1.0);
        sgd.schedule(Schedule.linear(0.1, 100));
        Learner learner = new Learner(model, Loss.HINGE, 1e-4, sgd);
        List<EpochMetrics> history = new Trainer(steps).batchSize(Trainer.FULL_BATCH).fit(learner, moons, null);
        EpochMetrics last = history.get(history.size() - 1);
        Path file = o.out().resolve("moons.png");
        Images.writePng(BoundaryPlot.of(moons).plotSize(o.plotSize()).draw(model.scorer(Loss.HINGE),
                "micrograd's Moons (" + steps + " Steps; Accuracy " + Demo.percent(last.trainAccuracy()) + ")"), file);
        Demo.Figure figure = new Demo.Figure(Demo.Section.MOONS, "moons.png",
                "micrograd's own demo: 100 moons (noise 0.1), a 2-16-16-1 ReLU network trained with the hinge loss and "
                        + "L2 1e-4 for " + steps + " full-batch steps of SGD with the learning rate decaying from 1.0 to 0.1: "
                        + "training accuracy " + Demo.percent(last.trainAccuracy()) + ".");
        return new Result(0, last, List.of(figure), List.of(file));
    }
}
