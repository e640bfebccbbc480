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
 * The arrows of jgrad's design, read from the sources of every module: inside core, engine imports
 * nothing of ours; loss and optim stand on the engines (a loss takes outputs and targets, never a
 * model or a dataset); nn's models on them; train on top; viz draws from small
 * interfaces (no training, optimizer or loss code but the metrics record); the applications stand
 * above viz, the CLI above them; and nothing in core touches AWT or ImageIO, so the core jar runs
 * headless and embeds anywhere.
 */
class LayeringTest {
    /** The tests run in core/; the other modules are its siblings. */
    private static final Path ROOT = Path.of("..");
    private static final Path CORE = ROOT.resolve("core/src/main/java/dev/jgrad");
    private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.jgrad\\.(\\w+)(?:\\.([A-Z]\\w*))?");
    private static final Set<String> CORE_PACKAGES = Set.of("base", "engine", "layout", "data", "tensor", "loss", "optim", "nn", "io", "train");

    /** Which of jgrad's packages each package may use (its own always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("base", Set.of()),
            Map.entry("engine", Set.of()),
            // geometry of ints and sizes, below everything: any picture may lay out with it
            Map.entry("layout", Set.of()),
            Map.entry("data", Set.of("base")),
            Map.entry("tensor", Set.of("engine")),
            Map.entry("loss", Set.of("base", "engine", "tensor")),
            Map.entry("optim", Set.of("base", "engine", "tensor")),
            Map.entry("nn", Set.of("base", "engine", "data", "tensor", "loss", "optim")),
            // io reads a model file's loss: it decides how the outputs of the predictor it gives back become classes;
            // and its dtype: a float32 model predicts in float32, as it computed while training
            Map.entry("io", Set.of("base", "engine", "data", "loss", "nn", "tensor")),
            Map.entry("train", Set.of("base", "engine", "nn", "loss", "optim", "data", "tensor")),
            Map.entry("viz", Set.of("base", "engine", "data", "io")),
            Map.entry("app", union(CORE_PACKAGES, Set.of("viz"))),
            Map.entry("bench", union(CORE_PACKAGES, Set.of("app"))),
            Map.entry("cli", union(CORE_PACKAGES, Set.of("viz", "app"))),
            // the browser build: never viz, whose pictures need AWT
            Map.entry("web", union(CORE_PACKAGES, Set.of("app"))));

    /** Single classes a package may use from a package it otherwise may not: viz draws the metrics. */
    private static final Map<String, Set<String>> ALSO = Map.of("viz", Set.of("train.EpochMetrics"));

    @Test
    void everyPackageOnlyPointsDown() {
        List<String> violations = new ArrayList<>();
        List<Path> files = javaFiles(ROOT);
        for (Path file : files) {
            String pkg = packageOf(file);
            Set<String> allowed = ALLOWED.get(pkg);
            assertThat(allowed).as("package %s of %s is not in the layering map", pkg, file).isNotNull();
            Matcher m = REFERENCE.matcher(read(file));
            while (m.find()) {
                String used = m.group(1);
                boolean also = m.group(2) != null && ALSO.getOrDefault(pkg, Set.of()).contains(used + "." + m.group(2));
                if (!used.equals(pkg) && !allowed.contains(used) && !also) {
                    violations.add(file + " uses dev.jgrad." + used + (m.group(2) == null ? "" : "." + m.group(2)));
                }
            }
        }
        assertThat(files).extracting(LayeringTest::packageOf).contains("engine", "viz", "app", "cli");
        assertThat(violations).isEmpty();
    }

    @Test
    void coreNeverTouchesAwtOrImageIo() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles(CORE)) {
            String text = read(file);
            if (text.contains("java.awt") || text.contains("javax.imageio") || text.contains("javax.swing")) {
                violations.add(file.toString());
            }
        }
        assertThat(javaFiles(CORE)).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    /** The package under dev/jgrad/ that holds {@code file}. */
    private static String packageOf(Path file) {
        Path p = file.normalize();
        for (int i = 0; i + 2 < p.getNameCount(); i++) {
            if (p.getName(i).toString().equals("dev") && p.getName(i + 1).toString().equals("jgrad")) {
                return p.getName(i + 2).toString();
            }
        }
        throw new IllegalArgumentException(file + " is not under dev/jgrad");
    }

    /** jgrad's own main sources, of every module (not the examples/ project, a user's code). */
    private static List<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/dev/jgrad/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new java.util.HashSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return Set.copyOf(all);
    }
}
