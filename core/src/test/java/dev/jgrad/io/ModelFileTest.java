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
        for (int i = 0; i < model.parameterCount(); i++) {
            assertThat(again.parameters().get(i).data()).isEqualTo(model.parameters().get(i).data());
        }
        assertThat(again.predict(0.3, -0.2)).containsExactly(model.predict(0.3, -0.2));
        assertThat(loaded.metadata()).containsEntry("loss", "mse").containsEntry("epochs", 200.0);
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
                .hasMessage(file + ": model file version 7 is not supported; this jgrad reads version 1");
        Files.writeString(file, "{\"name\": \"something else\"}");
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessage(file + ": not a jgrad model file (no \"format\": \"jgrad-model\")");
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("nope.json"))).hasMessageEndingWith("nope.json: no such file");
    }

    @Test
    void inconsistentShapesAreNamed() {
        String json = new ModelFile(model.network(), Map.of()).toJson().replaceFirst("\"weights\": \\[\\s*\\[", "\"weights\": [[0.5, ");
        assertThatThrownBy(() -> ModelFile.fromJson(json)).hasMessage("layer 1, neuron 1 has 3 weights, expected 2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"classes\": [\"a\", \"b\", \"c\"] | the metadata names 3 classes [a, b, c], but the model has 1 output (2 classes)",
        "\"classes\": [\"a\"] | the metadata's \"classes\" should name at least 2 different classes, not [a]",
        "\"classes\": [] | the metadata's \"classes\" should name at least 2 different classes, not []",
        "\"classes\": [\"a\", \"a\"] | the metadata's \"classes\" should name at least 2 different classes, not [a, a]",
        "\"classes\": \"ab\" | the metadata's \"classes\" should be a list of names, not ab",
        "\"features\": [\"a\"] | the metadata names 1 features [a], but the model takes 2 inputs",
        "\"features\": [1, 2] | the metadata's \"features\" should be a list of names, not [1.0, 2.0]"})
    void metadataThatDoesNotFitTheNetworkIsAnErrorNamingTheFile(String entry, String message) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, new ModelFile(model.network(), Map.of()).toJson().replace("\"metadata\": {}", "\"metadata\": {" + entry + "}"));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(IOException.class).hasMessage(file + ": " + message);
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
}
