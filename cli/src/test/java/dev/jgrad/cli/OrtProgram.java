package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** A docs' Java block (its imports, then statements) compiled against the tests' classpath and run, its output returned. */
final class OrtProgram {
    private OrtProgram() {
    }

    /** Runs {@code block} with {@code file} (a path it names) placed in {@code dir}. */
    static String run(String block, Path dir, String file) throws Exception {
        StringBuilder imports = new StringBuilder(), body = new StringBuilder();
        block.lines().forEach(line -> (line.startsWith("import ") ? imports : body).append(line).append('\n'));
        String placed = body.toString().replace('"' + file + '"', '"' + dir.resolve(file).toString().replace("\\", "\\\\") + '"');
        Path classes = Files.createDirectories(dir.resolve("snippet"));
        Path source = classes.resolve("Snippet.java");
        Files.writeString(source, imports + "public class Snippet {\n    public static void main(String[] args) throws Exception {\n"
                + placed + "    }\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = javac.run(null, null, errors, "-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                source.toString());
        assertThat(code).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, OrtProgram.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Snippet").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
