package dev.jgrad.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private final MLP model = new MLP(2, List.of(4, 3, 1), List.of(Activation.TANH, Activation.RELU, Activation.SIGMOID),
            Init.XAVIER, new SplittableRandom(11));

    @Test
    void aSavedModelLoadsBackWithTheSameWeightsAndMetadata() throws IOException {
        Path file = dir.resolve("sub/model.json");
        new ModelFile(model, Map.of("loss", "mse", "epochs", 200)).save(file);
        ModelFile loaded = ModelFile.load(file);
        assertThat(loaded.model()).hasToString(model.toString());
        for (int i = 0; i < model.parameterCount(); i++) {
            assertThat(loaded.model().parameters().get(i).data()).isEqualTo(model.parameters().get(i).data());
        }
        assertThat(loaded.model().predict(0.3, -0.2)).containsExactly(model.predict(0.3, -0.2));
        assertThat(loaded.metadata()).containsEntry("loss", "mse").containsEntry("epochs", 200.0);
    }

    @Test
    void savingReplacesTheFileAndLeavesNoTemporaryFileBehind() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old");
        new ModelFile(model, Map.of()).save(file);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        assertThat(Files.readString(file)).startsWith("{\n  \"format\": \"jgrad-model\",\n  \"version\": 1,");
    }

    @Test
    void aTruncatedFileGivesAOneLineErrorNamingIt() throws IOException {
        Path file = dir.resolve("model.json");
        new ModelFile(model, Map.of()).save(file);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> ModelFile.load(file)).isInstanceOf(IOException.class)
                .hasMessageStartingWith(file + ": invalid JSON at line ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongVersionsAndForeignFilesAreNamed() throws IOException {
        Path file = dir.resolve("model.json");
        new ModelFile(model, Map.of()).save(file);
        Files.writeString(file, Files.readString(file).replace("\"version\": 1", "\"version\": 7"));
        assertThatThrownBy(() -> ModelFile.load(file))
                .hasMessage(file + ": model file version 7 is not supported; this jgrad reads version 1");
        Files.writeString(file, "{\"name\": \"something else\"}");
        assertThatThrownBy(() -> ModelFile.load(file)).hasMessage(file + ": not a jgrad model file (no \"format\": \"jgrad-model\")");
        assertThatThrownBy(() -> ModelFile.load(dir.resolve("nope.json"))).hasMessageEndingWith("nope.json: no such file");
    }

    @Test
    void inconsistentShapesAreNamed() {
        String json = new ModelFile(model, Map.of()).toJson().replaceFirst("\"weights\": \\[\\s*\\[", "\"weights\": [[0.5, ");
        assertThatThrownBy(() -> ModelFile.fromJson(json)).hasMessage("layer 1, neuron 1 has 3 weights, expected 2");
    }
}
