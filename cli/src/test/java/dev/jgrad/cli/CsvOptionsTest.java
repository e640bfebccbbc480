package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --sep and --decimal-comma in train and predict: R's write.csv2, tab-separated files, any one character. */
class CsvOptionsTest {
    @TempDir
    Path dir;

    private static final String ROWS = "0;0;in\n2;2;out\n0,1;0;in\n2;1,9;out\n";

    private Run train(Path csv, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--csv", csv.toString(), "--label", "kind", "--epochs", "200",
                "--hidden", "4", "--activation", "tanh", "--val", "0", "--progress", "none", "--out", dir.resolve("m").toString()));
        args.addAll(List.of(more));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void writeCsv2FilesTrainAndPredictWithADecimalComma() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "\"u\";\"v\";\"kind\"\n" + ROWS.repeat(5));
        Run t = train(csv, "--decimal-comma");
        assertThat(t.code()).as(t.err()).isZero();
        Path input = Files.writeString(dir.resolve("new.csv"), "u;v;kind\n0,05;0,05;in\n2;2,1;out\n");
        Run p = MainTest.run("predict", "--model", dir.resolve("m/model.json").toString(), "--input", input.toString(), "--decimal-comma");
        assertThat(p.code()).as(p.err()).isZero();
        List<String> lines = p.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("u;v;kind;prediction;score");
        assertThat(lines.get(1)).startsWith("0,05;0,05;in;in;-").doesNotContain(".");
        assertThat(p.err()).contains("accuracy 1.000 on 2 labelled rows");
    }

    @Test
    void withoutTheDecimalCommaTheCellsAreNotNumbers() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "u;v;kind\n" + ROWS);
        Run t = train(csv);
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.err()).isEqualTo("jgrad: " + csv + ":4: column 1 ('u'): '0,1' is not a number (and 1 more problem)" + System.lineSeparator());
    }

    @Test
    void aColumnOfDecimalCommasAloneIsRefusedInsteadOfTrainedAsCategories() throws IOException {
        Path csv = Files.writeString(dir.resolve("train.csv"), "u;v;kind\n" + "0,5;1,5;in\n2,5;2,25;out\n0,25;0,75;in\n".repeat(5));
        Run t = train(csv);
        assertThat(t.code()).isEqualTo(1);
        assertThat(t.err()).isEqualTo("jgrad: " + csv + ":2: column 'u' holds numbers written with a decimal comma ('0,5'); "
                + "read the file with --decimal-comma" + System.lineSeparator());
        assertThat(train(csv, "--decimal-comma").code()).isZero();
    }

    @Test
    void anyOneCharacterSeparatesAndTabIsSpelledOut() throws IOException {
        Path pipes = Files.writeString(dir.resolve("pipes.csv"), "u|v|kind\n" + ROWS.replace(";", "|").replace(",", ".").repeat(5));
        assertThat(train(pipes, "--sep", "|").code()).isZero();
        Path tabs = Files.writeString(dir.resolve("tabs.tsv"), "u\tv\tkind\n" + ROWS.replace(";", "\t").replace(",", ".").repeat(5));
        assertThat(train(tabs, "--sep", "tab").code()).isZero();
        assertThat(train(tabs).code()).isZero(); // detected from the header line
        Run bad = train(tabs, "--sep", "ab");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("jgrad: a separator is one character (or tab, comma, semicolon, auto), not 'ab'");
        Run quote = train(tabs, "--sep", "\"");
        assertThat(quote.code()).isEqualTo(2);
        assertThat(quote.err()).startsWith("jgrad: --sep: cannot separate cells with '\"'");
    }
}
