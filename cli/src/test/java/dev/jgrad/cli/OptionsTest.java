package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The commands agree with each other: one name for where output goes, and help examples that work as typed. */
class OptionsTest {
    @Test
    void everyCommandThatWritesTakesOutAndO() {
        Map<String, List<String>> writers = new TreeMap<>();
        new CommandLine(new Main()).getSubcommands().forEach((name, command) -> {
            for (OptionSpec option : command.getCommandSpec().options()) {
                List<String> names = List.of(option.names());
                if (names.contains("--out") || names.contains("--output") || names.contains("-o")) {
                    writers.put(name, names);
                }
            }
        });
        assertThat(writers.keySet()).containsExactly("demo", "graph", "import", "playground", "predict", "train");
        writers.values().forEach(names -> assertThat(names).contains("-o", "--out"));
        assertThat(writers.get("predict")).contains("--output");
    }

    /** The help's examples name files of the repository (the tests run in cli/). */
    @ParameterizedTest
    @ValueSource(strings = {"train", "predict"})
    void theFilesInTheHelpsExamplesExist(String command) {
        String help = MainTest.run(command, "--help").out();
        Matcher m = Pattern.compile("--(?:csv|input) (\\S+)").matcher(help);
        int files = 0;
        while (m.find()) {
            assertThat(Files.exists(Path.of("..", m.group(1)))).as(m.group(1)).isTrue();
            files++;
        }
        assertThat(files).isPositive();
    }
}
