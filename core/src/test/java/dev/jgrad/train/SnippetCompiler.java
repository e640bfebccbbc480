package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles a documentation snippet, wrapped in a class Snippet, against core's classes, as a reader would. */
final class SnippetCompiler {
    private SnippetCompiler() {
    }

    /** Writes {@code source} as dir/Snippet.java and compiles it into dir; fails the test with javac's errors. */
    static void compile(Path dir, String source) throws IOException {
        Path file = Files.writeString(dir.resolve("Snippet.java"), source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            boolean compiled = javac.getTask(errors, files, null, List.of("-d", dir.toString(), "-cp", "target/classes", "-proc:none"),
                    null, files.getJavaFileObjects(file)).call();
            assertThat(compiled).as(errors.toString()).isTrue();
        }
    }
}
