package dev.jgrad.viz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.engine.Value;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.MLP;
import dev.jgrad.optim.Sgd;
import dev.jgrad.train.EpochMetrics;
import dev.jgrad.train.Learner;
import dev.jgrad.train.Trainer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's picture snippets, as written there, so they keep compiling and working. */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theGraphSnippetWritesDeterministicDot() {
        Value x1 = Value.of(2, "x1");
        Value x2 = Value.of(0, "x2");
        MLP model = new MLP(2, List.of(1), Activation.TANH, new Rng(1));
        Value loss = model.forward(List.of(x1, x2)).get(0);
        String dot = Dot.of(loss).parameters(model.parameters()).inputs(x1, x2).text();
        assertThat(dot).contains("x1 | data 2.0000").isEqualTo(Dot.of(loss).parameters(model.parameters()).inputs(x1, x2).text());
        Path written = Graphviz.find().write(Dot.of(loss), dir.resolve("loss.svg"));
        assertThat(written).exists();
    }

    @Test
    void theTrainingSnippetWritesTheBoundaryTheAnimationAndTheCharts() {
        Rng random = new Rng(3);
        Dataset train = Datasets.circle(40, 0, random.split());
        Dataset validation = Datasets.circle(20, 0, random.split());
        MLP model = new MLP(2, List.of(4, 1), Activation.TANH, Activation.TANH, Init.UNIFORM, random.split());
        Learner learner = new Learner(model, Loss.MSE, 0, new Sgd(model.trainable(), 0.05));
        Trainer trainer = new Trainer(10).batchSize(1);
        List<EpochMetrics> history;

        BoundaryPlot plot = BoundaryPlot.of(train);
        try (var gif = new BoundaryAnimation(plot, model.scorer(Loss.MSE), dir.resolve("boundary.gif"), 5, 10,
                epoch -> BoundaryPlot.title(epoch, 9))) {
            history = trainer.listener(gif::epochEnded).fit(learner, train, validation);
            gif.finish();
            assertThat(gif.frames()).isBetween(2, 10);
        }
        Images.writePng(plot.draw(model.scorer(Loss.MSE), BoundaryPlot.title(history.size(), 9)), dir.resolve("boundary.png"));
        Charts.loss(history, "Average loss by epoch", dir.resolve("loss.svg"));

        assertThat(dir.resolve("boundary.png")).exists();
        assertThat(dir.resolve("boundary.gif")).exists();
        assertThat(dir.resolve("loss.svg")).exists();
    }

    /**
     * The names README's picture blocks use without declaring them (its prose says where they come from),
     * declared as the tests above do, with full names: the blocks get no import they do not show.
     */
    private static final String CONTEXT = """
            dev.jgrad.base.Rng random = new dev.jgrad.base.Rng(3);
            dev.jgrad.data.Dataset train = dev.jgrad.data.Datasets.circle(40, 0, random.split()),
                    validation = dev.jgrad.data.Datasets.circle(20, 0, random.split());
            dev.jgrad.nn.MLP model = new dev.jgrad.nn.MLP(2, java.util.List.of(4, 1), dev.jgrad.nn.Activation.TANH,
                    dev.jgrad.nn.Activation.TANH, dev.jgrad.nn.Init.UNIFORM, random.split());
            dev.jgrad.engine.Value x1 = dev.jgrad.engine.Value.of(2, "x1"), x2 = dev.jgrad.engine.Value.of(0, "x2");
            dev.jgrad.engine.Value loss = model.forward(java.util.List.of(x1, x2)).get(0);
            dev.jgrad.train.Learner learner = new dev.jgrad.train.Learner(model, dev.jgrad.loss.Loss.MSE, 0,
                    new dev.jgrad.optim.Sgd(model.trainable(), 0.05));
            dev.jgrad.train.Trainer trainer = new dev.jgrad.train.Trainer(10).batchSize(1);
            java.util.List<dev.jgrad.train.EpochMetrics> history;
            """;

    /**
     * README's two picture sections' Java, as written there and with only the imports they show, compile
     * (the tests above run the same calls).
     */
    @Test
    void readmesPictureBlocksCompileAsWritten() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        for (String heading : List.of("### Drawing your own graphs", "### Pictures of training")) {
            int start = lines.indexOf(heading);
            assertThat(start).as(heading).isNotNegative();
            boolean java = false;
            for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("#"); i++) {
                String line = lines.get(i);
                if (line.startsWith("```")) {
                    java = line.equals("```java");
                } else if (java) {
                    (line.startsWith("import ") ? imports : body).append(line).append('\n');
                }
            }
        }
        assertThat(body).contains("Dot.of(loss)", "BoundaryPlot.of(train)");
        Path source = Files.writeString(dir.resolve("Pictures.java"),
                imports + "class Pictures {\n    static void run() throws Exception {\n" + CONTEXT + body + "    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(errors, files, null, List.of("-d", dir.toString(), "-cp",
                    System.getProperty("java.class.path"), "-proc:none"), null, files.getJavaFileObjects(source)).call();
            assertThat(compiled).as(errors.toString()).isTrue();
        }
    }

    /** A picture titled "200 Epochs" must show the trained model: README draws the still boundary after fit. */
    @Test
    void readmeDrawsTheStillBoundaryAfterTraining() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(Path.of("..", "README.md"));
        int fit = readme.indexOf(".fit(learner, train, validation)");
        int png = readme.indexOf("Images.writePng(plot.draw(");
        assertThat(fit).isPositive();
        assertThat(png).as("the boundary.png line comes after training").isGreaterThan(fit);
    }
}
