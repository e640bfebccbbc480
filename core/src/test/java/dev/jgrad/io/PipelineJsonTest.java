package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import dev.jgrad.data.ColumnStep;
import dev.jgrad.data.Pipeline;
import dev.jgrad.data.Scaler;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineJsonTest {
    private static final Pipeline PIPELINE = new Pipeline(List.of(
            new ColumnStep("age", ColumnStep.Kind.NUMBER, List.of(), 41.5, true),
            new ColumnStep("chas", ColumnStep.Kind.ONE_HOT, List.of("0", "1"), Double.NaN, false),
            new ColumnStep("smoker", ColumnStep.Kind.BOOLEAN, List.of(), 0, false)));

    private static Network network(int inputs) {
        return Network.initialise(inputs, List.of(3, 1), Network.activations(2, Activation.TANH, Activation.LINEAR), Init.PYTORCH,
                new Rng(1));
    }

    @Test
    void aModelWithPreprocessingIsVersionFourAndReadsBackTheSamePipeline() {
        ModelFile m = new ModelFile(network(5), Scaler.none(5), null, Map.of("features", PIPELINE.names()), PIPELINE);
        String json = m.toJson();
        assertThat(json).contains("\"version\": 4").contains("\"preprocessing\"").contains("\"kind\": \"one-hot\"");
        ModelFile back = ModelFile.fromJson(json);
        assertThat(back.pipeline()).isEqualTo(PIPELINE);
        assertThat(back.reading()).isEqualTo(PIPELINE);
        assertThat(back.toJson()).isEqualTo(json);
    }

    @Test
    void aModelWithoutPreprocessingKeepsItsOldVersionAndReadsItsNamedColumnsAsNumbers() {
        ModelFile m = new ModelFile(network(2), Scaler.none(2), null, Map.of("features", List.of("a", "b")));
        String json = m.toJson();
        assertThat(json).contains("\"version\": 1").doesNotContain("preprocessing");
        assertThat(ModelFile.fromJson(json).reading()).isEqualTo(Pipeline.numbers(List.of("a", "b")));
    }

    @Test
    void aBrokenPreprocessingSectionIsOneLineNamingIt() {
        String json = new ModelFile(network(5), Scaler.none(5), null, Map.of(), PIPELINE).toJson();
        assertThatThrownBy(() -> ModelFile.fromJson(json.replace("\"version\": 4", "\"version\": 3")))
                .hasMessage("\"preprocessing\" needs version 4, the file says 3");
        assertThatThrownBy(() -> ModelFile.fromJson(json.replace("\"categories\": [\"0\", \"1\"]", "\"categories\": [\"0\"]")))
                .hasMessage("the preprocessing makes 4 features, but the model takes 5 inputs");
        assertThatThrownBy(() -> ModelFile.fromJson(json.replace("\"kind\": \"boolean\"", "\"kind\": \"bool\"")))
                .hasMessageStartingWith("unknown column kind 'bool'");
        assertThatThrownBy(() -> ModelFile.fromJson(json.replace("\"indicator\": true", "\"indicator\": true, \"fil\": 2")))
                .hasMessageStartingWith("unknown key \"fil\" in preprocessing column 1");
        assertThatThrownBy(() -> new ModelFile(network(4), Scaler.none(4), null, Map.of(), PIPELINE))
                .hasMessage("the preprocessing makes 5 features, the network takes 4 inputs");
    }
}
