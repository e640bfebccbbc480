package dev.jgrad.web;

import static dev.jgrad.web.PlaygroundTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.nn.Activation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An activation per hidden layer in the page's URL, as {@code jgrad train --activation tanh,relu} takes it. */
class SetupActivationsTest {
    @Test
    void oneActivationPerLayerReachesTheNetworkTheLinkAndTheCommandLine() {
        Map<String, Object> a = json(Playground.setup("hidden=4,3&activation=tanh,relu"));
        assertThat(a).containsEntry("ok", true).containsEntry("query", "hidden=4,3&activation=tanh,relu");
        assertThat((String) a.get("command")).contains("--hidden 4,3 --activation tanh,relu ");
        List<Object> layers = (List<Object>) json(Playground.network()).get("layers");
        assertThat(layers.stream().map(l -> ((Map<String, Object>) l).get("activation")).toList()).containsExactly("tanh", "relu", "tanh");
        assertThat(Setup.parse("hidden=4,3&activation=relu").activations()).containsExactly(Activation.RELU);
    }

    @Test
    void aWrongCountOrAnUnknownOneIsOneLine() {
        assertThat(json(Playground.setup("hidden=4,3,2&activation=tanh,relu")))
                .containsEntry("error", "activation: 2 activations for 3 hidden layers; give one for every layer, or one per hidden layer");
        assertThat((String) json(Playground.setup("hidden=4,3&activation=tanh,swish")).get("error")).startsWith("activation: 'swish' is not one of");
    }
}
