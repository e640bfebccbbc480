package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Use it from your project" and the examples/ project say the same thing: the version a
 * user is told to depend on is the one this build installs, README's program is the example's,
 * and that program trains, saves, loads and classifies (CI also runs it against the installed jar).
 */
class ExampleProjectTest {
    private static final Path ROOT = Path.of("..");
    private static final Path EXAMPLE = ROOT.resolve("examples/src/main/java/example/Moons.java");

    @TempDir
    Path dir;

    private static String revision() throws IOException {
        return find("<revision>([^<]+)</revision>", Files.readString(ROOT.resolve("pom.xml")));
    }

    private static String find(String regex, String text) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in the text", regex).isTrue();
        return m.group(1);
    }

    /** The lines of the first java block of README's section {@code heading}, stripped. */
    private static List<String> readmeJava(String heading) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("README.md"));
        int start = lines.indexOf(heading);
        assertThat(start).as(heading).isNotNegative();
        List<String> block = new ArrayList<>();
        boolean in = false;
        for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
            String line = lines.get(i);
            if (line.equals("```java")) {
                in = true;
            } else if (in && line.startsWith("```")) {
                return block;
            } else if (in && !line.isBlank()) {
                block.add(line.strip());
            }
        }
        throw new AssertionError("no java block under " + heading);
    }

    @Test
    void readmeAndTheExampleNameTheVersionThisBuildInstalls() throws IOException {
        String version = revision();
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(find("<artifactId>jgrad-core</artifactId>\\s*<version>([^<]+)</version>", readme)).isEqualTo(version);
        assertThat(find("\"dev\\.jgrad:jgrad-core:([^\"]+)\"", readme)).isEqualTo(version);
        String pom = Files.readString(ROOT.resolve("examples/pom.xml"));
        assertThat(find("<jgrad.version>([^<]+)</jgrad.version>", pom)).isEqualTo(version);
        assertThat(pom).doesNotContain("jgrad-parent");
    }

    @Test
    void readmesProgramIsTheExamplesLineForLine() throws IOException {
        List<String> example = Files.readAllLines(EXAMPLE).stream().map(String::strip).toList();
        List<String> readme = readmeJava("## Use it from your project");
        assertThat(readme).hasSizeGreaterThan(15);
        int at = 0;
        for (String line : readme) {
            int found = example.subList(at, example.size()).indexOf(line);
            assertThat(found).as("README's line '%s' in Moons.java, after line %d", line, at).isNotNegative();
            at += found + 1;
        }
    }

    /** A reader pastes README's program as printed: it compiles with only the imports it shows. */
    @Test
    void readmesProgramCompilesWithTheImportsItShows() throws IOException {
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        readmeJava("## Use it from your project")
                .forEach(line -> (line.startsWith("import ") ? imports : body).append(line).append('\n'));
        SnippetCompiler.compile(dir, imports + "class Snippet {\n    static void main(String[] args) throws Exception {\n"
                + body + "    }\n}\n");
    }

    @Test
    void theExampleTrainsSavesLoadsAndClassifies() throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(errors, files, null,
                    List.of("-d", dir.toString(), "-cp", "target/classes", "-proc:none", "-Xlint:all", "-Werror"),
                    null, files.getJavaFileObjects(EXAMPLE)).call();
            assertThat(compiled).as(errors.toString()).isTrue();
        }
        Path model = dir.resolve("model.json");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Method main = loader.loadClass("example.Moons").getMethod("main", String[].class);
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {model.toString()});
        } finally {
            System.setOut(out);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("validation accuracy after 200 epochs: 1.00", "(0.0, 1.0) is class 0", "(1.0, -0.5) is class 1");
        assertThat(Files.readString(model)).contains("jgrad-model");
    }
}
