package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.jgrad.base.Rng;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Layer;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Neuron;

import dev.jgrad.base.Rng;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelFileTest {
    @TempDir
    Path dir;

    private final MLP model = new MLP(2, List.of(4, 3, 1), List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID),
            Init.XAVIER, new Rng(11));

    @Test
    void aSavedModelLoadsBackWithTheSameWeightsAndMetadata() throws IOException {
        Path file = dir.resolve("sub/model.json");
        new ModelFile(model.network(), Map.of("loss", "mse", "epochs", 200)).save(file);
        ModelFile loaded = ModelFile.load(file);
        MLP again = new MLP(loaded.network());
        assertThat(loaded.network()).isEqualTo(model.network());
        assertThat(again).hasToString(model.toString());
        for (int i = 0; i < model.parameters().size(); i++) {
            assertThat(again.parameters().get(i).data()).isEqualTo(model.parameters().get(i).data());
        }
        assertThat(again.predict(0.3, -0.2)).containsExactly(model.predict(0.3, -0.2));
        assertThat(loaded.metadata()).containsEntry("loss", "mse").containsEntry("epochs", 200.0);
    }

    /** The statistics travel with the weights: a loaded model's predictor scales raw features as training did. */
    @Test
    void aScalerRoundTripsThroughTheFileAndThePredictorAppliesIt() throws IOException {
        dev.jgrad.data.Dataset data = new dev.jgrad.data.Dataset("d", new double[][] {{100, 7}, {300, 7}, {200, 7}},
                new int[] {0, 1, 0}, 2, List.of("no", "yes"));
        dev.jgrad.data.Scaler scaler = dev.jgrad.data.Scaling.STANDARD.fit(data);
        Path file = dir.resolve("scaled.json");
        new ModelFile(model.network(), scaler, Map.of("loss", "bce", "classes", List.of("no", "yes"))).save(file);
        assertThat(Files.readString(file)).contains("\"version\": 2,").contains("\"kind\": \"standard\"");
        ModelFile loaded = ModelFile.load(file);
        assertThat(loaded.scaler()).isEqualTo(scaler);
        assertThat(loaded.scaler().constant()).containsExactly(1);
        dev.jgrad.nn.Predictor p = loaded.predictor();
        assertThat(p.outputs(300, 7)).containsExactly(model.predict(scaler.apply(new double[] {300, 7})));
        assertThat(p.outputs(300, 7)).doesNotContain(model.predict(300, 7)[0]);
        assertThat(p.className(300, 7)).isEqualTo(p.classes().get(p.classOf(300, 7)));
        assertThat(p.probabilities(300, 7)[0] + p.probabilities(300, 7)[1]).isCloseTo(1, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void aBadScalerInTheFileIsOneLineNamingIt() throws IOException {
        dev.jgrad.data.Scaler scaler = dev.jgrad.data.Scaling.MINMAX.fit(new dev.jgrad.data.Dataset("d",
                new double[][] {{0, 0}, {1, 2}}, new int[] {0, 1}, 2));
        Path file = dir.resolve("scaled.json");
        new ModelFile(model.network(), scaler, Map.of()).save(file);
        Files.writeString(file, Files.readString(file).replaceFirst("\"scale\": \\[1\\.0", "\"scale\": [-1.0"));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": feature 1 has shift 0.0 and scale -1.0; a scale must be finite and > 0");
        Files.writeString(file, Files.readString(file).replace("\"shift\"", "\"shfit\""));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(IOException.class)
                .hasMessage(file + ": unknown key \"shfit\" in the scaler; expected kind, shift, scale, constant");
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old");
        new ModelFile(model.network(), Map.of()).save(file);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file)).startsWith("{\n  \"format\": \"jgrad-model\",\n  \"version\": 1,");
    }

    @Test
    void aTruncatedFileGivesAOneLineErrorNamingIt() throws IOException {
        Path file = dir.resolve("model.json");
        new ModelFile(model.network(), Map.of()).save(file);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": invalid JSON at line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongVersionsAndForeignFilesAreNamed() throws IOException {
        Path file = dir.resolve("model.json");
        new ModelFile(model.network(), Map.of()).save(file);
        Files.writeString(file, Files.readString(file).replace("\"version\": 1", "\"version\": 7"));
        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessage(file + ": model file version 7 is not supported; this jgrad reads versions 1 to 4");
        Files.writeString(file, "{\"name\": \"something else\"}");
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessage(file + ": not a jgrad model file (no \"format\": \"jgrad-model\")");
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("nope.json"))).hasMessageEndingWith("nope.json: no such file");
    }

    @Test
    void inconsistentShapesAreNamed() {
        String json = new ModelFile(model.network(), Map.of()).toJson().replaceFirst("\"weights\": \\[\\s*\\[", "\"weights\": [[0.5, ");
        assertThatThrownBy(() -> ModelFile.fromJson(json)).hasMessage("layer 1, neuron 1 has 3 weights, expected 2");
    }

    @Test
    void aScaledModelWhoseScalerIsMissingIsRefusedNotPredictedUnscaled() {
        dev.jgrad.data.Scaler scaler = dev.jgrad.data.Scaling.STANDARD.fit(new dev.jgrad.data.Dataset("d",
                new double[][] {{0, 0}, {1, 2}}, new int[] {0, 1}, 2));
        String json = new ModelFile(model.network(), scaler, Map.of("scale", "standard")).toJson();
        String noScaler = json.replaceFirst("(?s)\"scaler\": \\{.*?\\},\\s*\"layers\"", "\"layers\"");
        assertThat(noScaler).doesNotContain("\"scaler\"").contains("\"version\": 2");
        assertThatThrownBy(() -> ModelFile.fromJson(noScaler)).hasMessage("the metadata says \"scale\": \"standard\", but the file "
                + "has no \"scaler\" to scale inputs with; it is damaged or was edited");
        String noMetadata = noScaler.replace("\"scale\": \"standard\"", "\"mine\": 1");
        assertThatThrownBy(() -> ModelFile.fromJson(noMetadata))
                .hasMessage("version 2 is a model with scaled inputs, but the file has no \"scaler\"");
        String unscaled = new ModelFile(model.network(), Map.of("scale", "none")).toJson();
        assertThat(ModelFile.fromJson(unscaled).scaler().kind()).isEqualTo(dev.jgrad.data.Scaling.NONE);
    }

    @Test
    void aHugeInputCountIsAShapeErrorNotAnAllocation() {
        String json = new ModelFile(model.network(), Map.of()).toJson().replace("\"inputs\": 2", "\"inputs\": 1000000000");
        assertThatThrownBy(() -> ModelFile.fromJson(json)).hasMessage("layer 1, neuron 1 has 2 weights, expected 1000000000");
    }

    @Test
    void aMillionClassNamesGiveAShortLine() {
        String names = java.util.stream.IntStream.range(0, 1_000_000).mapToObj(i -> "\"c" + i + "\"")
                .collect(java.util.stream.Collectors.joining(", "));
        String json = new ModelFile(model.network(), Map.of()).toJson().replace("\"metadata\": {}", "\"metadata\": {\"classes\": [" + names + "]}");
        assertThatThrownBy(() -> ModelFile.fromJson(json)).hasMessage("the metadata names 1000000 classes "
                + "[c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, … 1000000 in all], but the model has 1 output (2 classes)");
        String longKey = new ModelFile(model.network(), Map.of()).toJson().replace("\"metadata\": {}", "\"metadata\": {}, \""
                + "k".repeat(100_000) + "\": 1");
        assertThatThrownBy(() -> ModelFile.fromJson(longKey)).message().hasSizeLessThan(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"classes\": [\"a\", \"b\", \"c\"] | the metadata names 3 classes [a, b, c], but the model has 1 output (2 classes)",
        "\"classes\": [\"a\"] | the metadata's \"classes\" should name at least 2 different classes, not [a]",
        "\"classes\": [] | the metadata's \"classes\" should name at least 2 different classes, not []",
        "\"classes\": [\"a\", \"a\"] | the metadata's \"classes\" should name at least 2 different classes, not [a, a]",
        "\"classes\": \"ab\" | the metadata's \"classes\" should be a list of names, not ab",
        "\"features\": [\"a\"] | the metadata names 1 features [a], but the model takes 2 inputs",
        "\"features\": [1, 2] | the metadata's \"features\" should be a list of names, not [1.0, 2.0]",
        "\"transform\": [\"x1\", \"x2\", \"x1sq\"] | the metadata's \"transform\" x1,x2,x1sq makes 3 inputs, but the model takes 2",
        "\"transform\": [\"x1\", \"x3\"] | unknown feature 'x3'; expected one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2",
        "\"transform\": [\"x1sq\", \"x2sq\"], \"features\": [\"a\"] | the metadata names 1 features [a], but the model takes 2 inputs"})
    void metadataThatDoesNotFitTheNetworkIsAnErrorNamingTheFile(String entry, String message) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, new ModelFile(model.network(), Map.of()).toJson().replace("\"metadata\": {}", "\"metadata\": {" + entry + "}"));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(IOException.class).hasMessage(file + ": " + message);
    }

    /** A model trained on x1², x2² of (x, y) reads 2 raw columns, and its predictor squares them first. */
    @Test
    void aTransformRecordedInTheMetadataIsAppliedBeforeTheModel() {
        MLP squares = new MLP(2, List.of(1), Activation.LINEAR, new Rng(3));
        String json = new ModelFile(squares.network(), Map.of("transform", List.of("x1sq", "sinx2"), "features", List.of("x", "y"))).toJson();
        var p = ModelFile.fromJson(json).predictor();
        assertThat(p.rawInputs()).isEqualTo(2);
        assertThat(p.outputs(3, 0.5)).containsExactly(squares.predict(9, StrictMath.sin(0.5)));
    }

    @Test
    void metadataThatFitsLoads() {
        MLP three = new MLP(2, List.of(3), Activation.LINEAR, new Rng(1));
        String json = new ModelFile(three.network(), Map.of("classes", List.of("a", "b", "c"), "features", List.of("u", "v"))).toJson();
        assertThat(ModelFile.fromJson(json).metadata()).containsEntry("classes", List.of("a", "b", "c"));
        assertThat(ModelFile.fromJson(new ModelFile(model.network(), Map.of("classes", List.of("no", "yes"))).toJson()).metadata())
                .containsKey("classes");
    }

    @Test
    void aVersionWrittenAsAStringIsNamedAsSuch() {
        String json = new ModelFile(model.network(), Map.of()).toJson().replace("\"version\": 1", "\"version\": \"1\"");
        assertThatThrownBy(() -> ModelFile.fromJson(json)).hasMessage("\"version\" is the string \"1\"; it should be the number 1");
    }

    @Test
    void aDirectoryAnOverflowingWeightOrARepeatedKeyIsAnError() throws IOException {
        assertThatThrownBy(() -> ModelFile.load(dir)).hasMessage(dir + ": is a directory, not a model file");
        String json = new ModelFile(model.network(), Map.of()).toJson();
        Path file = dir.resolve("model.json");
        Files.writeString(file, json.replaceFirst("\"weights\": \\[\\s*\\[[^,]+,", "\"weights\": [[1e999,"));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageContaining(": number 1e999 is beyond the range of a double");
        Files.writeString(file, json.replace("\"inputs\": 2,", "\"inputs\": 2, \"layers\": [],"));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessageEndingWith("duplicate key \"layers\"");
        Files.writeString(file, "[".repeat(100_000));
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessage(file + ": invalid JSON at line 1, column 513: nesting deeper than 512 levels");
    }

    @Test
    void aByteOrderMarkIsReadAsCsvFilesReadItAndRepeatedFeaturesAreRefused() throws IOException {
        Path file = dir.resolve("bom.json");
        Files.writeString(file, "\uFEFF" + new ModelFile(model.network(), Map.of()).toJson());
        assertThat(ModelFile.load(file).network()).isEqualTo(model.network());
        String twice = new ModelFile(model.network(), Map.of("features", List.of("x", "x"))).toJson();
        assertThatThrownBy(() -> ModelFile.fromJson(twice)).hasMessageContaining("name a column twice");
    }

    private ModelFile regression() {
        MLP net = new MLP(2, List.of(3, 1), List.of(Activation.TANH, Activation.LINEAR), Init.XAVIER, new Rng(4));
        dev.jgrad.data.Dataset data = dev.jgrad.data.Dataset.regression("r", new double[][] {{1, 200}, {2, 300}, {4, 100}},
                new double[] {10, 20, 60});
        return new ModelFile(net.network(), dev.jgrad.data.Scaling.STANDARD.fit(data), dev.jgrad.data.Scaling.STANDARD.fitTargets(data),
                Map.of("loss", "mse", "features", List.of("a", "b"), "labelColumn", "y"));
    }

    @Test
    void aRegressionModelIsVersionThreeWithItsTaskAndTargetScalerAndPredictsInTheTargetsUnits() throws IOException {
        Path file = dir.resolve("r.json");
        ModelFile saved = regression();
        saved.save(file);
        assertThat(Files.readString(file)).contains("\"version\": 3,").contains("\"task\": \"regression\"").contains("\"target\": {");
        ModelFile loaded = ModelFile.load(file);
        assertThat(loaded.task()).isEqualTo(dev.jgrad.data.Task.REGRESSION);
        assertThat(loaded.target()).isEqualTo(saved.target());
        assertThat(loaded.scaler()).isEqualTo(saved.scaler());
        assertThat(loaded.classes()).isEmpty();
        dev.jgrad.nn.Predictor p = loaded.predictor();
        double scaled = new MLP(saved.network()).predict(saved.scaler().apply(new double[] {3, 250}))[0];
        assertThat(p.value(3, 250)).isEqualTo(scaled * saved.target().scale()[0] + saved.target().shift()[0]);
        assertThatThrownBy(() -> p.classOf(3, 250)).hasMessageContaining("predicts values, not classes");
        assertThatThrownBy(() -> p.probabilities(3, 250)).hasMessageContaining("not probabilities");
        assertThatThrownBy(() -> new ModelFile(model.network(), Map.of()).predictor().value(1, 2))
                .hasMessageContaining("a classifier predicts classes");
        // An unscaled regression model still records its (identity) target scaler and task.
        ModelFile raw = new ModelFile(saved.network(), dev.jgrad.data.Scaler.none(2), dev.jgrad.data.Scaler.none(1), Map.of());
        assertThat(ModelFile.fromJson(raw.toJson()).task()).isEqualTo(dev.jgrad.data.Task.REGRESSION);
        assertThat(ModelFile.fromJson(raw.toJson()).loss()).isEqualTo(dev.jgrad.loss.Loss.MSE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"task\": \"regression\", | \"task\": \"regresion\", | unknown task 'regresion' (did you mean regression?); expected one of classification, regression",
        "\"version\": 3, | \"version\": 2, | \"task\": \"regression\" needs version 3, the file says 2",
        "\"target\": { | \"goal\": { | unknown key \"goal\" in the model file; expected format, version, inputs, layers, metadata, scaler, task, target, preprocessing",
        "\"task\": \"regression\", | \"task\": \"classification\", | a classifier has no \"target\" scaler; is \"task\": \"regression\" missing?",
        "\"labelColumn\": \"y\" | \"classes\": [\"p\", \"q\"] | a regression model predicts numbers, but the metadata names classes [p, q]",
        "\"kind\": \"standard\", \"shift\": [3 | \"kind\": \"standard\", \"shfit\": [3 | unknown key \"shfit\" in the target; expected kind, shift, scale, constant"})
    void aBrokenRegressionFileIsOneLineNamingWhatIsWrong(String from, String to, String message) {
        String json = regression().toJson();
        String target = json.substring(json.indexOf("\"target\""));
        String changed = from.startsWith("\"kind\"") ? json.replace(target, target.replaceFirst("\"shift\": \\[", "\"shfit\": ["))
                : json.replace(from, to);
        assertThat(changed).isNotEqualTo(json);
        assertThatThrownBy(() -> ModelFile.fromJson(changed)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
