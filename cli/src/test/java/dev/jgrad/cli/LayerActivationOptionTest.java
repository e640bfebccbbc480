package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --activation tanh,relu}: one per hidden layer, written into model.json; a wrong count is a usage error. */
class LayerActivationOptionTest {
    @TempDir
    Path dir;

    @Test
    void oneActivationPerHiddenLayerIsTrainedAndSaved() throws IOException {
        Run r = MainTest.run("train", "--data", "circle", "--points", "60", "--hidden", "4,3", "--activation", "tanh,relu",
                "--epochs", "2", "--progress", "none", "--out", dir.resolve("m").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String model = Files.readString(dir.resolve("m/model.json")).replaceAll("\\s", "");
        assertThat(model.indexOf("\"activation\":\"tanh\"")).isNotNegative()
                .isLessThan(model.indexOf("\"activation\":\"relu\""));
    }

    @Test
    void aCountThatIsNeitherOneNorTheLayersIsAUsageError() {
        Run r = MainTest.run("train", "--data", "circle", "--hidden", "4,3,2", "--activation", "tanh,relu", "--progress", "none",
                "--out", dir.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("2 activations for 3 hidden layers").doesNotContain("Exception");
    }
}
