package dev.jgrad.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.data.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page's command line, read back by a POSIX shell: the same words, whatever a column is called. */
class TrainLineTest {
    private static final Dataset POINTS = new Dataset("csv", new double[][] {{0, 0}, {1, 1}, {0, 1}, {1, 0}, {2, 2}},
            new int[] {0, 1, 0, 1, 1}, 2, List.of("a", "b"));

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"label;touch injected;echo", "$(touch injected)", "`touch injected`",
        "my label", "", "it's", "\"quoted\"", "a'b'c", "two\nlines", "tab\there", "*", "~", "a\\b", "$HOME", "!!", "#x", "x=1 y"})
    void aShellGetsBackExactlyTheWords(String label) throws IOException, InterruptedException {
        Session s = Session.of(Setup.parse("data=csv"), POINTS);
        List<String> words = TrainLine.words(s, "data.csv", label);
        assertThat(words).contains(label);
        String line = TrainLine.text(s, "data.csv", label);
        assertThat(line).startsWith("jgrad train ");
        assertThat(shellWords(line.substring("jgrad ".length()))).isEqualTo(words);
    }

    @Test
    void ordinaryWordsStayUnquoted() {
        Session s = Session.of(Setup.parse("data=csv"), POINTS);
        assertThat(TrainLine.text(s, "data.csv", "label")).isEqualTo("jgrad train --csv data.csv --label label --scale none "
                + "--hidden 9 --activation tanh --output-activation tanh --init uniform --loss mse --optimizer sgd --lr 0.01 "
                + "--batch 1 --val 0.2 --epochs 200 --seed 42");
        assertThat(TrainLine.quote("")).isEqualTo("''");
        assertThat(TrainLine.quote("it's")).isEqualTo("'it'\\''s'");
    }

    @Test
    void theModelFileCarriesTheSameQuotedLine() {
        String command = (String) PlaygroundTest.json(Playground.loadCsv("u,v,label;touch injected;echo\n0,0,a\n1,1,b\n0,1,a\n"))
                .get("command");
        assertThat(command).contains("--label 'label;touch injected;echo' --scale none");
        assertThat(dev.jgrad.io.ModelFile.fromJson(Playground.modelJson()).metadata()).containsEntry("command", command);
    }

    /** What sh makes of {@code words}: each printed with a NUL after it, in a folder where a stray touch would show. */
    private List<String> shellWords(String words) throws IOException, InterruptedException {
        String script = "printf '%s\\0' " + words;
        Process p = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        assertThat(p.waitFor()).isZero();
        List<String> parsed = new ArrayList<>();
        String text = out.toString(StandardCharsets.UTF_8);
        for (int from = 0, nul; (nul = text.indexOf('\0', from)) >= 0; from = nul + 1) {
            parsed.add(text.substring(from, nul));
        }
        assertThat(Files.list(dir)).isEmpty();
        return parsed;
    }
}
