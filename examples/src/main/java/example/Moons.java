package example;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Engine;
import dev.jgrad.nn.Model;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Training;
import dev.jgrad.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Trains a 2-16-16-1 network on two moons, saves it, loads it back and classifies two points. */
public final class Moons {
    public static void main(String[] args) throws Exception {
        Dataset moons = Datasets.moons(200, 0.1, new Rng(1));
        TrainingConfig config = TrainingConfig.builder().hidden(List.of(16, 16)).epochs(200).build();
        Training run = Training.start(config, moons, new Rng(config.seed()));
        List<EpochMetrics> history = run.fit();
        EpochMetrics last = history.get(history.size() - 1);
        System.out.printf("validation accuracy after %d epochs: %.2f%n", last.epoch(), last.valAccuracy());

        Path file = Path.of(args.length > 0 ? args[0] : "moons-model.json");
        new ModelFile(run.model().network(), Map.of("loss", run.loss().id())).save(file);
        Model model = Engine.SCALAR.build(ModelFile.load(file).network());
        for (double[] point : new double[][] {{0.0, 1.0}, {1.0, -0.5}}) {
            int label = run.loss().predict(model.predict(point));
            System.out.printf("(%.1f, %.1f) is class %d%n", point[0], point[1], label);
        }
        if (last.valAccuracy() < 0.9) {
            throw new IllegalStateException("the model did not learn the moons");
        }
    }
}
