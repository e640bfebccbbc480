package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.io.ModelFile;
import dev.jgrad.nn.Network;
import dev.jgrad.viz.Dot;
import dev.jgrad.viz.Graphviz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jgrad graph --model}: a saved model's neuron, drawn from the model's own numbers (the output
 * neuron's value at a point is predict's score there, bit for bit), and its decision boundary; bad
 * input gets one line.
 */
class GraphModelCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTrainedModelsOutputNeuronIsPredictsScoreAndItsBoundaryIsDrawn() throws IOException {
        Path model = trained();
        Path pictures = dir.resolve("pictures");
        Run r = MainTest.run("graph", "--model", model.toString(), "--point", "0.5,-0.2", "-o", pictures.toString());
        assertThat(r.code()).as(r.err()).isZero();
        double score = score(model, "x,y", "0.5,-0.2");
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("out = " + score + " at [0.5, -0.2]");
        assertThat(Files.readString(pictures.resolve("neuron_out.dot"))).contains("data " + Dot.number(score));
        assertThat(pictures.resolve("boundary.png")).isNotEmptyFile();
        if (Graphviz.find().available()) {
            assertThat(pictures.resolve("neuron_out.svg")).isNotEmptyFile();
            assertThat(pictures.resolve("neuron_out.png")).isNotEmptyFile();
        }
    }

    /** A hidden neuron's box holds act(Σ wᵢxᵢ + b) of the model file's own weights at the point. */
    @Test
    void aHiddenNeuronsValueIsItsWeightedSumsActivation() throws IOException {
        Path model = trained();
        Run r = MainTest.run("graph", "--model", model.toString(), "--neuron", "h1_2", "--point", "0.5,-0.2", "--backward");
        assertThat(r.code()).as(r.err()).isZero();
        Network.Dense first = ModelFile.load(model).network().layers().get(0);
        double[] w = first.weights()[1];
        double expected = first.activation().apply(w[0] * 0.5 + w[1] * -0.2 + first.biases()[1]);
        // No -o: the DOT text, whose output box shows the value and (after --backward) the weights' gradients.
        assertThat(r.out()).contains("h1_2").contains("data " + Dot.number(expected)).contains("data " + Dot.number(w[0]));
    }

    @Test
    void anImportedPyTorchModelIsDrawnWithPredictsScore() throws IOException {
        Path model = dir.resolve("binary.json");
        assertThat(MainTest.run("import", "--onnx", ImportCommandTest.fixture("binary_f32").toString(), "--out", model.toString())
                .code()).isZero();
        Path pictures = dir.resolve("imported");
        Run r = MainTest.run("graph", "--model", model.toString(), "--neuron", "out", "--point", "0.3,-1.1", "-o", pictures.toString());
        assertThat(r.code()).as(r.err()).isZero();
        double score = score(model, "x1,x2", "0.3,-1.1");
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("out = " + score + " at [0.3, -1.1]");
        assertThat(pictures.resolve("neuron_out.dot")).isNotEmptyFile();
        assertThat(pictures.resolve("boundary.png")).isNotEmptyFile();
        // One hidden layer (8 relu): its neurons are h1…h8.
        Run hidden = MainTest.run("graph", "--model", model.toString(), "--neuron", "h3");
        assertThat(hidden.code()).as(hidden.err()).isZero();
        assertThat(hidden.out()).contains("h3").contains("relu");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--neuron h3 | 2 | --neuron h3: no such neuron in this 2-4-3-1 network; its neurons are h1_1…h1_4, h2_1…h2_3, out",
        "--neuron h2_4 | 2 | --neuron h2_4: no such neuron in this 2-4-3-1 network; its neurons are h1_1…h1_4, h2_1…h2_3, out",
        "--point 1 | 2 | --point has 1 number; the model reads 2 raw inputs, e.g. --point 0,0",
        "--region 0,1 | 2 | --region needs 4 numbers, xmin,xmax,ymin,ymax; got 2",
        "--boundary | 2 | --boundary writes boundary.png: give -o DIR",
        "--set a=1 | 2 | --model draws a saved model; EXPRESSION, --set, --order, --wrt, --params and --name are for an expression"})
    void badUsageIsOneLineAndExitCode2(String option, int code, String message) throws IOException {
        Path model = trained();
        List<String> args = new java.util.ArrayList<>(List.of("graph", "--model", model.toString()));
        args.addAll(List.of(option.split(" ")));
        Run r = MainTest.run(args.toArray(String[]::new));
        assertThat(r.code()).isEqualTo(code);
        assertThat(r.err()).isEqualTo("jgrad: " + message + System.lineSeparator());
    }

    @Test
    void aBoundaryOfAModelOfThreeInputsIsRefused() {
        Path model = dir.resolve("regression.json");
        assertThat(MainTest.run("import", "--onnx", ImportCommandTest.fixture("matmul_f32").toString(), "--out", model.toString())
                .code()).isZero();
        Run r = MainTest.run("graph", "--model", model.toString(), "--boundary", "-o", dir.resolve("p").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --boundary draws a model of 2 inputs over their plane; this one reads 3"
                + System.lineSeparator());
        assertThat(dir.resolve("p/boundary.png")).doesNotExist();
    }

    @Test
    void anUnreadableModelIsExitCode1() throws IOException {
        Path model = Files.writeString(dir.resolve("model.json"), "{ not json");
        Run r = MainTest.run("graph", "--model", model.toString(), "-o", dir.resolve("p").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("jgrad: ").hasLineCount(1);
        assertThat(MainTest.run("graph", "--model", dir.resolve("none.json").toString()).code()).isEqualTo(1);
    }

    @Test
    void graphWithNeitherExpressionNorModelSaysWhatItNeeds() {
        Run r = MainTest.run("graph", "--set", "a=1");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: graph needs an EXPRESSION").hasLineCount(1);
    }

    private Path trained() {
        Path out = dir.resolve("moons");
        if (!Files.exists(out.resolve("model.json"))) {
            Run r = MainTest.run("train", "--data", "moons", "--points", "100", "--hidden", "4,3", "--epochs", "3", "--out", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
        }
        return out.resolve("model.json");
    }

    /** predict's score column for one row: the number the output neuron's box must hold. */
    private double score(Path model, String header, String row) throws IOException {
        Path csv = Files.writeString(dir.resolve("row.csv"), header + "\n" + row + "\n");
        Run r = MainTest.run("predict", "--model", model.toString(), "--input", csv.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> names = List.of(r.out().lines().findFirst().orElseThrow().split(","));
        return Double.parseDouble(r.out().lines().skip(1).findFirst().orElseThrow().split(",")[names.indexOf("score")]);
    }
}
