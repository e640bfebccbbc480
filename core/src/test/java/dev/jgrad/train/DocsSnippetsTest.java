package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java blocks of README's and docs' sections that stand on their own compile with only the
 * imports they show (a reader pastes them as printed) and run to the end (a wrong call or a thrown exception
 * fails here). The other sections' blocks are compiled by ReadmeExampleTest and ExampleProjectTest.
 */
class DocsSnippetsTest {
    @TempDir
    Path dir;

    /** The java blocks between {@code heading} and the next heading of its level or above. */
    static String javaOf(Path file, String heading) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int start = lines.indexOf(heading);
        assertThat(start).as("%s in %s", heading, file).isNotNegative();
        int level = heading.indexOf(' ');
        StringBuilder java = new StringBuilder();
        boolean fenced = false, in = false;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!fenced && line.startsWith("#") && line.indexOf(' ') <= level) {
                break;
            }
            if (line.startsWith("```")) {
                fenced = !fenced;
                in = line.equals("```java");
            } else if (in) {
                java.append(line).append('\n');
            }
        }
        assertThat(java).as("java under %s", heading).isNotEmpty();
        return java.toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"README.md|### A first example", "docs/architecture.md|## The tensor engine"})
    void theBlockCompilesAndRuns(String file, String heading) throws Exception {
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        javaOf(Path.of("..", file), heading).lines()
                .forEach(line -> (line.startsWith("import ") ? imports : body).append(line).append('\n'));
        SnippetCompiler.compile(dir,
                imports + "public class Snippet {\n    public static void run() throws Exception {\n" + body + "    }\n}\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            loader.loadClass("Snippet").getMethod("run").invoke(null);
        }
    }
}
