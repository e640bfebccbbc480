package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every {@code ./jgrad} command line in the shell blocks of README and docs/ is one jgrad accepts:
 * the command and each option exist and each value parses. (The CSV commands also run, in
 * ReadmeExampleTest; the demo and the benchmarks are run by their own tests.)
 */
class DocsCommandsTest {
    private static final Path ROOT = Path.of("..");

    /** The {@code ./jgrad} lines of the file's sh blocks, continuation lines joined, comments cut. */
    static List<String> commands(Path file) throws IOException {
        List<String> commands = new ArrayList<>();
        boolean sh = false;
        StringBuilder pending = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("```")) {
                sh = line.equals("```sh");
                continue;
            }
            if (!sh) {
                continue;
            }
            String text = line.replaceFirst("\\s+#\\s.*$", "").strip();
            if (pending == null && !text.startsWith("./jgrad ")) {
                continue;
            }
            pending = pending == null ? new StringBuilder() : pending;
            boolean continues = text.endsWith("\\");
            pending.append(continues ? text.substring(0, text.length() - 1) : text).append(' ');
            if (!continues) {
                commands.add(pending.toString().strip());
                pending = null;
            }
        }
        return commands;
    }

    /** Splits at spaces outside double quotes, dropping the quotes, as a shell would here. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void everyDocumentedCommandLineParses() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        int checked = 0;
        for (Path file : files) {
            for (String command : commands(file)) {
                List<String> args = words(command).subList(1, words(command).size());
                CommandLine cli = new CommandLine(new Main());
                cli.getSubcommands().get("graph").setUnmatchedOptionsArePositionalParams(true);
                try {
                    cli.parseArgs(args.toArray(String[]::new));
                } catch (CommandLine.ParameterException e) {
                    throw new AssertionError(file + ": " + command + ": " + e.getMessage(), e);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15);
    }

    @Test
    void aTypoInADocumentedCommandWouldFail() {
        CommandLine cli = new CommandLine(new Main());
        assertThat(words("./jgrad train --csv \"a b.csv\" --epoch 3")).containsExactly("./jgrad", "train", "--csv", "a b.csv", "--epoch", "3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cli.parseArgs("train", "--epoch", "3"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }
}
