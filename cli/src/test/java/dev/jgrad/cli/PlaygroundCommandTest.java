package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.Rng;
import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Features;
import dev.jgrad.io.Json;
import dev.jgrad.io.ModelFile;
import dev.jgrad.train.Training;
import dev.jgrad.train.TrainingConfig;
import dev.jgrad.web.Playground;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The playground's command line is {@code jgrad train}'s: parsed by TrainCommand's own options it sets up
 * the very data and starting weights the page's session holds, and the page's model.json is one that
 * {@code jgrad predict} reads.
 */
class PlaygroundCommandTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String text) {
        return (Map<String, Object>) Json.parse(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "data=moons&hidden=4,3&init=pytorch&seed=11&features=x1,x2,x1x2",
        "data=spiral&noise=0.2&points=150&ratio=60&hidden=&loss=bce&optimizer=adam&lr=0.003&batch=full&reg=l1&rate=0.01",
        "data=gauss&hidden=16,16,16&activation=relu&optimizer=adamw&batch=7&reg=l2&seed=3&features=sinx1,x2sq",
        "data=xor&engine=tensor&ratio=90"})
    void theCommandLineSetsUpTheSessionsDataAndStartingWeights(String query) throws IOException {
        Map<String, Object> setup = json(Playground.setup(query));
        assertThat(setup).containsEntry("ok", true);
        String command = (String) setup.get("command");
        assertThat(command).startsWith("jgrad train ");
        String[] args = command.substring("jgrad ".length()).split(" ");

        CommandLine cli = new CommandLine(new Main());
        cli.parseArgs(args);
        TrainCommand train = cli.getSubcommands().get("train").getCommand();
        TrainingConfig config = train.checkOptions();
        Rng root = new Rng(config.seed());
        Training run = Training.start(config, train.data(root, config).all(), root);

        assertThat(run.start()).isEqualTo(ModelFile.fromJson(Playground.modelJson()).network());
        assertThat(run.engine().id()).isEqualTo(setup.get("engine"));
        Features features = Features.parse(featuresOf(query));
        double[] points = Playground.points();
        int trainAt = 0, testAt = 0;
        for (int i = 0; i < points.length / 4; i++) {
            boolean test = points[4 * i + 3] == 1;
            Dataset d = test ? run.validation() : run.train();
            int k = test ? testAt++ : trainAt++;
            assertThat(d.points()[k]).as("point %d", i).containsExactly(features.apply(points[4 * i], points[4 * i + 1]));
            assertThat(d.labels()[k]).isEqualTo((int) points[4 * i + 2]);
        }
        assertThat(trainAt).isEqualTo(run.train().size());
        assertThat(testAt).isEqualTo(run.validation().size());
    }

    /** Regression data (the 2-D plane and gaussian-mixture, the 1-D sine): the same data, targets and starting weights. */
    @ParameterizedTest
    @ValueSource(strings = {"data=plane&hidden=4", "data=gaussian-mixture&hidden=8,4&noise=0.2", "data=sine&hidden=6&momentum=0.9"})
    void theRegressionCommandLineSetsUpTheSessionsDataTargetsAndStartingWeights(String query) throws IOException {
        Map<String, Object> setup = json(Playground.setup(query));
        assertThat(setup).containsEntry("ok", true);
        String[] args = ((String) setup.get("command")).substring("jgrad ".length()).split(" ");
        CommandLine cli = new CommandLine(new Main());
        cli.parseArgs(args);
        TrainCommand train = cli.getSubcommands().get("train").getCommand();
        TrainingConfig config = train.checkOptions();
        assertThat(config.task()).isEqualTo(dev.jgrad.data.Task.REGRESSION);
        assertThat(config.momentum()).isEqualTo(query.contains("momentum") ? 0.9 : 0);
        assertTheJvmRunIsThePages(train, config);
    }

    /**
     * "Download the data" on regression data, loaded back into the page: the command line the page then shows, run on the
     * downloaded file, reads it as the same regression (its points, targets, split and starting weights).
     */
    @ParameterizedTest
    @ValueSource(strings = {"data=plane&hidden=4", "data=gaussian-mixture&hidden=5&points=60", "data=sine&hidden=6"})
    void theDownloadedRegressionFileTrainsOnTheJvmAsThePageLoadedIt(String query) throws IOException {
        assertThat(json(Playground.setup(query))).containsEntry("ok", true);
        Path file = Files.writeString(dir.resolve("points.csv"), Playground.dataCsv());
        Map<String, Object> loaded = json(Playground.loadCsv(Files.readString(file)));
        assertThat(loaded).containsEntry("ok", true).containsEntry("task", "regression");
        String command = ((String) loaded.get("command")).replace(" data.csv ", " " + file + " ");
        CommandLine cli = new CommandLine(new Main());
        cli.parseArgs(command.substring("jgrad ".length()).split(" "));
        TrainCommand train = cli.getSubcommands().get("train").getCommand();
        TrainingConfig config = train.checkOptions();
        assertThat(config.task()).isEqualTo(dev.jgrad.data.Task.REGRESSION);
        assertTheJvmRunIsThePages(train, config);
    }

    /** The JVM's run of the page's command starts from the page's weights on the page's training points and targets. */
    private static void assertTheJvmRunIsThePages(TrainCommand train, TrainingConfig config) throws IOException {
        Rng root = new Rng(config.seed());
        Training run = Training.start(config, train.data(root, config).all(), root);
        assertThat(run.start()).isEqualTo(ModelFile.fromJson(Playground.modelJson()).network());
        double[] points = Playground.points();
        int trainAt = 0;
        for (int i = 0; i < points.length / 4; i++) {
            if (points[4 * i + 3] == 0) {
                int k = trainAt++;
                assertThat(run.train().points()[k][0]).isEqualTo(points[4 * i]);
                assertThat(run.train().targets()[k]).isEqualTo(points[4 * i + 2]);
            }
        }
        assertThat(trainAt).isEqualTo(run.train().size());
    }

    /** The page's R² and MSE at its epoch budget are the ones jgrad train prints for the page's command line. */
    @ParameterizedTest
    @ValueSource(strings = {"data=plane&hidden=4&batch=10&epochs=12", "data=sine&hidden=5&lr=0.03&momentum=0.5&epochs=6"})
    void theCommandLinesR2IsThePagesAtItsBudget(String query) {
        Map<String, Object> setup = json(Playground.setup(query));
        Map<String, Object> stats;
        do {
            stats = json(Playground.train(1000));
        } while (!Boolean.TRUE.equals(stats.get("atBudget")));
        List<String> args = new java.util.ArrayList<>(List.of(((String) setup.get("command")).substring("jgrad ".length()).split(" ")));
        args.addAll(List.of("--json", "--progress", "none", "--out", dir.resolve("run").toString()));
        MainTest.Run r = MainTest.run(args.toArray(new String[0]));
        assertThat(r.code()).as(r.err()).isZero();
        Map<String, Object> cli = json(r.out());
        @SuppressWarnings("unchecked")
        Map<String, Object> train = (Map<String, Object>) cli.get("train");
        @SuppressWarnings("unchecked")
        Map<String, Object> validation = (Map<String, Object>) cli.get("validation");
        // The CLI measures its final figures anew after training, where the tensor engine's sums may round in their own
        // order: equal to the last bits (bit for bit on the scalar engine, which the sine's per-sample run takes).
        for (String[] pair : new String[][] {{"r2", "trainR2"}, {"loss", "trainLoss"}}) {
            assertThat((double) train.get(pair[0])).as(pair[0]).isCloseTo((double) stats.get(pair[1]), within(1e-12));
        }
        assertThat((double) validation.get("r2")).isCloseTo((double) stats.get("testR2"), within(1e-12));
    }

    private static String featuresOf(String query) {
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("features=")).map(p -> p.substring(9)).findFirst().orElse("x1,x2");
    }

    /** The page's model.json through jgrad predict: on the loaded file's rows, the accuracy the page measured. */
    @Test
    void jgradPredictReadsThePagesModelAndScoresItsPointsAsThePageDid() throws IOException {
        StringBuilder csv = new StringBuilder("u,v,kind\n");
        Rng r = new Rng(5);
        for (int i = 0; i < 200; i++) {
            double u = r.nextDouble(-1.5, 1.5), v = r.nextDouble(-1.5, 1.5);
            csv.append(u).append(',').append(v).append(',').append(u * u + v * v < 1 ? "in" : "out").append('\n');
        }
        Playground.setup("features=x1sq,x2sq&hidden=3&loss=bce&optimizer=adam&lr=0.05&batch=10");
        assertThat(json(Playground.loadCsv(csv.toString()))).containsEntry("ok", true);
        Map<String, Object> stats = json(Playground.train(1));
        for (int e = 0; e < 10; e++) {
            stats = json(Playground.epoch());
        }
        Path model = Files.writeString(dir.resolve("model.json"), Playground.modelJson());
        Path input = Files.writeString(dir.resolve("rows.csv"), csv);

        Run p = MainTest.run("predict", "--model", model.toString(), "--input", input.toString());

        assertThat(p.code()).as(p.err()).isZero();
        double page = ((double) stats.get("trainAccuracy") * 160 + (double) stats.get("testAccuracy") * 40) / 200;
        assertThat(p.err()).contains(String.format(java.util.Locale.ROOT, "accuracy %.3f on 200 labelled rows", page));
        assertThat(p.out().lines().skip(1).toList()).hasSize(200);
        assertThat(List.of(p.out().lines().findFirst().orElseThrow().split(","))).containsExactly("u", "v", "kind", "prediction", "score");
    }
}
