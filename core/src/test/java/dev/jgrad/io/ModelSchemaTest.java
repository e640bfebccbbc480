package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSchemaTest {
    private static final Network NETWORK = new Network(2, List.of(
            new Network.Dense(new double[][] {{1, 2}}, new double[] {0.5}, Activation.LINEAR)));

    private static String json(Map<String, Object> metadata) {
        return new ModelFile(NETWORK, metadata).toJson();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"inputs\": | \"inptus\": | unknown key \"inptus\" in the model file",
        "\"biases\": | \"bias\": | unknown key \"bias\" in layer 1",
        "\"format\": \"jgrad-model\", | \"format\": \"jgrad-model\", \"extra\": 1, | unknown key \"extra\" in the model file"})
    void unknownAndMissingKeysAreNamed(String from, String to, String message) {
        String text = json(Map.of()).replace(from, to);
        assertThatThrownBy(() -> ModelFile.fromJson(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    @ParameterizedTest
    @CsvSource({"clases, classes", "Classes, classes", "feature, features", "los, loss"})
    void aMetadataKeyOneLetterFromOneJgradReadsIsRefused(String typo, String meant) {
        String text = json(Map.of(typo, List.of("a", "b")));
        assertThatThrownBy(() -> ModelFile.fromJson(text)).hasMessageContaining("\"" + typo + "\" looks like \"" + meant + "\"");
    }

    @Test
    void aProgramsOwnMetadataKeysAreKept() {
        assertThat(ModelFile.fromJson(json(Map.of("trainedBy", "me", "epochs", 3))).metadata()).containsEntry("trainedBy", "me");
        assertThat(ModelSchema.oneEditApart("loss", "lost")).isTrue();
        assertThat(ModelSchema.oneEditApart("loss", "lossy")).isTrue();
        assertThat(ModelSchema.oneEditApart("loss", "glossy")).isFalse();
        assertThat(ModelSchema.oneEditApart("loss", "loss")).isFalse();
    }
}
