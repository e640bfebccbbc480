package dev.jgrad.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package of every module says in its package-info what is there, where to start and where
 * to go next, so that the Javadoc reads as a map; and the core's overview gives both reading orders.
 */
class PackageDocsTest {
    private static final Path ROOT = Path.of("..");

    /** Directories holding main Java sources of ours; vector's package is core's, documented there. */
    private static List<Path> packages() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/dev/jgrad/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.startsWith(ROOT.resolve("vector")))
                    .map(Path::getParent).distinct().toList();
        }
    }

    @Test
    void everyPackageHasAMapOfWhatIsThereAndWhereToStart() throws IOException {
        List<Path> packages = packages();
        List<String> missing = new ArrayList<>();
        for (Path dir : packages) {
            Path info = dir.resolve("package-info.java");
            String text = Files.exists(info) ? Files.readString(info) : "";
            if (!(text.contains("<b>Here:</b>") && text.contains("<b>Start with</b>") && text.contains("<b>Then</b>"))) {
                missing.add(dir.toString());
            }
        }
        assertThat(packages).hasSizeGreaterThanOrEqualTo(14);
        assertThat(missing).isEmpty();
    }

    @Test
    void theOverviewGivesTheLearnersAndTheDevelopersReadingOrder() throws IOException {
        String overview = Files.readString(ROOT.resolve("core/src/main/javadoc/overview.html"));
        assertThat(overview).containsSubsequence("Value", "Neuron", "Layer", "MLP", "Losses", "Sgd", "Trainer");
        assertThat(overview).containsSubsequence("Model", "Training", "ModelFile", "predict");
    }
}
