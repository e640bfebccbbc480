package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Losses;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.MLP;
import dev.jgrad.io.ModelFile;
import dev.jgrad.optim.Optimizer;
import dev.jgrad.optim.Schedule;
import dev.jgrad.optim.Sgd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's "In code" examples, as written there, do what it says. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theTrainSaveLoadExampleWorks() throws IOException {
        Rng random = new Rng(42);
        Dataset moons = Datasets.moons(100, 0.1, random.split());
        MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, random.split());
        Optimizer sgd = new Sgd(model.trainable(), 1.0).schedule(Schedule.linear(0.1, 100));
        List<EpochMetrics> history = new Trainer(100).batchSize(Trainer.FULL_BATCH)
                .fit(new Learner(model, Loss.HINGE, 1e-4, sgd), moons, null);

        Path file = dir.resolve("moons.json");
        new ModelFile(model.network(), Map.of("loss", "hinge")).save(file);
        MLP again = new MLP(ModelFile.load(file).network());
        double score = again.predict(0.5, -0.3)[0];

        assertThat(history.get(99).trainAccuracy()).isEqualTo(1.0);
        assertThat(score).isEqualTo(model.predict(0.5, -0.3)[0]);
    }

    @Test
    void theTableExampleScalesTrainsSavesAndPredictsRawRows() throws IOException {
        Dataset flowers = dev.jgrad.io.Csv.read(Path.of("..", "docs/examples/flowers.csv")).toDataset("species");
        Training run = Training.start(TrainingConfig.builder().hidden(List.of(8)).epochs(200).scaling(dev.jgrad.data.Scaling.STANDARD)
                .build(), flowers, new Rng(42));
        run.fit();
        Measurement held = run.measure("validation", run.validation());
        Path file = dir.resolve("flowers.json");
        new ModelFile(run.model().network(), run.scaler(), Map.of("loss", run.loss().id(), "classes", flowers.classNames())).save(file);
        dev.jgrad.nn.Predictor predictor = ModelFile.load(file).predictor();
        assertThat(held.accuracy()).isGreaterThan(0.9);
        assertThat(held.classification().report()).contains("weighted avg");
        assertThat(predictor.className(5.1, 3.5, 1.4, 0.2)).isEqualTo("setosa");
        assertThat(predictor.probabilities(5.1, 3.5, 1.4, 0.2)[0]).isGreaterThan(0.9);
        assertThat(predictor.outputs(flowers.points()[3])).containsExactly(run.predictor().outputs(flowers.points()[3]));
    }

    @Test
    void theRegressionExampleFitsAndPredictsInTheTargetsUnits() throws IOException {
        Dataset springs = dev.jgrad.io.Csv.read(Path.of("..", "docs/examples/springs.csv")).toRegression("stretch");
        Training fit = Training.start(TrainingConfig.builder().task(dev.jgrad.data.Task.REGRESSION).hidden(List.of(16))
                .activation(Activation.TANH).epochs(300).earlyStop(30).scaling(dev.jgrad.data.Scaling.STANDARD).build(),
                springs, new Rng(42));
        fit.fit();
        Regression r = fit.measure("validation", fit.validation()).regression();
        Path file = dir.resolve("springs.json");
        new ModelFile(fit.model().network(), fit.scaler(), fit.target(),
                Map.of("features", List.of("mass_kg", "stiffness_n_per_m", "length_cm"))).save(file);
        double stretch = ModelFile.load(file).predictor().value(1.2, 80, 20);
        assertThat(r.r2()).isGreaterThan(0.95);
        assertThat(stretch).isCloseTo(981 * 1.2 / 80, org.assertj.core.api.Assertions.within(0.1 * 981 * 1.2 / 80));
        assertThat(stretch).isEqualTo(fit.predictor().value(1.2, 80, 20));
    }

    @Test
    void theHandWrittenLoopMatchesTheTrainer() {
        Rng random = new Rng(42);
        Dataset moons = Datasets.moons(100, 0.1, random.split());
        MLP model = new MLP(2, List.of(16, 16, 1), Activation.RELU, random.split());
        Optimizer sgd = new Sgd(model.trainable(), 1.0).schedule(Schedule.linear(0.1, 100));
        for (int k = 0; k < 100; k++) {
            List<List<Value>> scores = new ArrayList<>();
            for (double[] x : moons.points()) {
                scores.add(model.forward(x));
            }
            Value loss = Loss.HINGE.mean(scores, moons.labels()).add(Losses.l2(model.parameters(), 1e-4));
            sgd.zeroGrad();
            loss.backward();
            sgd.step();
        }
        Rng again = new Rng(42);
        Dataset same = Datasets.moons(100, 0.1, again.split());
        MLP twin = new MLP(2, List.of(16, 16, 1), Activation.RELU, again.split());
        Optimizer sgd2 = new Sgd(twin.trainable(), 1.0).schedule(Schedule.linear(0.1, 100));
        new Trainer(100).batchSize(Trainer.FULL_BATCH).shuffle(false).fit(new Learner(twin, Loss.HINGE, 1e-4, sgd2), same, null);
        assertThat(twin.predict(0.5, -0.3)).containsExactly(model.predict(0.5, -0.3));
    }

    /** The README's "In code" blocks, with only the imports they show, compile as one program. */
    @Test
    void theInCodeSnippetsCompileWithTheImportsTheyShow() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        int start = lines.indexOf("### In code: train, save, load");
        assertThat(start).isNotNegative();
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean java = false;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                java = line.equals("```java");
            } else if (java) {
                (line.startsWith("import ") ? imports : body).append(line).append('\n');
            }
        }
        assertThat(body).contains("Loss.HINGE.mean(scores");
        SnippetCompiler.compile(dir,
                imports + "class Snippet {\n    static void run() throws Exception {\n" + body + "    }\n}\n");
    }
}
