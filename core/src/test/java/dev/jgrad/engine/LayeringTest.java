package dev.jgrad.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The arrows of core's design, read from its sources: engine imports nothing of ours; nn, loss and
 * optim stand on engine; train on top; and nothing in core touches AWT or ImageIO, so the core jar
 * runs headless and embeds anywhere.
 */
class LayeringTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/jgrad");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.jgrad\\.(\\w+)");

    /** Which of jgrad's packages each package of core may use (its own always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "base", Set.of(),
            "engine", Set.of(),
            "data", Set.of("base"),
            "io", Set.of("base", "data", "nn", "engine"),
            "tensor", Set.of("engine", "data"),
            "nn", Set.of("base", "engine", "data", "tensor"),
            "loss", Set.of("engine", "nn", "data", "tensor"),
            "optim", Set.of("engine", "tensor"),
            "train", Set.of("base", "engine", "nn", "loss", "optim", "data", "tensor"));

    @Test
    void corePackagesOnlyPointDown() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String pkg = SOURCES.relativize(file).getName(0).toString();
            String text = Files.readString(file);
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed).as("package %s is not in the layering map", pkg).isNotNull();
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !allowed.contains(used)) {
                    violations.add(file + " uses dev.jgrad." + used);
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void coreNeverTouchesAwtOrImageIo() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String text = Files.readString(file);
            if (text.contains("java.awt") || text.contains("javax.imageio") || text.contains("javax.swing")) {
                violations.add(file.toString());
            }
        }
        assertThat(javaFiles()).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
