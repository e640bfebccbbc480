package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.io.ModelFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tables as R, spreadsheets and databases write them, through {@code jgrad train} and {@code predict}:
 * a row-number column, NA cells and labels, text and yes/no columns, chosen columns. The files are
 * generated here (a small BreastCancer-like table: a class that depends on two measurements and a factor).
 */
class TablesCommandTest {
    @TempDir
    Path dir;

    /** 60 rows: "", Id, thickness (NA every 7th), size, chas (0/1), town (text, NA every 11th), smoker (yes/no), Class (NA every 13th). */
    private static String rTable(String sep, boolean decimalComma) {
        StringBuilder s = new StringBuilder(String.join(sep, "\"\"", "\"Id\"", "\"thickness\"", "\"size\"", "\"chas\"", "\"town\"",
                "\"smoker\"", "\"Class\"")).append('\n');
        String[] towns = {"Boston", "Cambridge", "Quincy"};
        for (int i = 1; i <= 60; i++) {
            double thickness = (i * 37 % 10) + 0.5;
            double size = (i * 53 % 7) + 0.25;
            int chas = i % 2;
            String cls = thickness + 2 * chas > 6 ? "malignant" : "benign";
            String t = i % 7 == 0 ? "NA" : number(thickness, decimalComma);
            s.append(String.join(sep, "\"" + i + "\"", Integer.toString(1000 + i * 7), t, number(size, decimalComma),
                    Integer.toString(chas), i % 11 == 0 ? "NA" : "\"" + towns[i % 3] + "\"", i % 3 == 0 ? "\"yes\"" : "\"no\"",
                    i % 13 == 0 ? "NA" : "\"" + cls + "\"")).append('\n');
        }
        return s.toString();
    }

    private static String number(double v, boolean decimalComma) {
        String s = String.format(Locale.ROOT, "%s", v);
        return decimalComma ? s.replace('.', ',') : s;
    }

    private Run train(Path csv, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--csv", csv.toString(), "--label", "Class", "--hidden", "4",
                "--epochs", "5", "--progress", "none", "--out", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return MainTest.run(args.toArray(String[]::new));
    }

    @Test
    void rsWriteCsvTrainsInOneCommandWithFillsAndPredictsRowsWithMissingAndUnseenValues() throws IOException {
        Path csv = Files.writeString(dir.resolve("BreastCancer.csv"), rTable(",", false));
        Run r = train(csv, "--drop", "Id", "--missing", "median", "--missing-indicator", "--categorical", "chas");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("warning: column '' looks like a row identifier (its header is ''), not a feature; "
                        + "leave it out with --drop ''")
                .contains("note: left out 4 rows whose label 'Class' is missing");
        ModelFile m = ModelFile.load(dir.resolve("out/model.json"));
        assertThat(m.pipeline().names()).containsExactly("", "thickness", "missing(thickness)", "size", "chas=0", "chas=1",
                "town=Boston", "town=Cambridge", "town=Quincy", "missing(town)", "smoker");
        assertThat(Files.readString(dir.resolve("out/model.json"))).contains("\"version\": 4");

        Path rows = Files.writeString(dir.resolve("new.csv"), "\"\",\"Id\",\"thickness\",\"size\",\"chas\",\"town\",\"smoker\",\"Class\"\n"
                + "\"1\",1,NA,2.25,1,\"Salem\",\"yes\",NA\n\"2\",2,7.5,NA,0,NA,\"no\",\"benign\"\n");
        Run p = MainTest.run("predict", "--model", dir.resolve("out/model.json").toString(), "--input", rows.toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(p.out().lines().toList()).hasSize(3);
        assertThat(p.out().lines().skip(1).toList()).allMatch(l -> l.matches(".*,(benign|malignant),-?[0-9.E-]+"));
        assertThat(p.err()).contains("warning: 1 cell of " + rows + " holds a category the model never saw in training (town 1): "
                + "their one-hot features are all 0 (--strict refuses them)");
        Run strict = MainTest.run("predict", "--model", dir.resolve("out/model.json").toString(), "--input", rows.toString(), "--strict");
        assertThat(strict.code()).isEqualTo(1);
        assertThat(strict.err()).isEqualTo("jgrad: " + rows + ":2: column 'town': category 'Salem' was not in the training data "
                + "(Boston, Cambridge, Quincy)" + System.lineSeparator());
    }

    @Test
    void rsWriteCsv2TrainsWithDecimalCommasAndTheDefaultRefusalCountsMissingCells() throws IOException {
        Path csv = Files.writeString(dir.resolve("bc2.csv"), rTable(";", true));
        Run refused = train(csv, "--decimal-comma", "--drop", "Id");
        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.err()).startsWith("jgrad: " + csv + ": missing values in 2 columns: 'thickness' ")
                .contains("choose what to do with them: --missing drop, mean, median or most-frequent");
        Run dropped = train(csv, "--decimal-comma", "--drop", "Id", "--missing", "drop");
        assertThat(dropped.code()).as(dropped.err()).isZero();
        assertThat(dropped.out()).containsPattern("note: left out \\d+ of 56 rows with missing cells");
    }

    @Test
    void aSpreadsheetExportWithAByteOrderMarkCrLfEmptyCellsAndTrueFalseTrains() throws IOException {
        StringBuilder s = new StringBuilder("\uFEFFglucose,age,insulin,smoker,diabetes\r\n");
        for (int i = 0; i < 30; i++) {
            s.append(80 + i * 3).append(',').append(20 + i).append(',').append(i % 4 == 0 ? "" : Integer.toString(i * 5)).append(',')
                    .append(i % 2 == 0 ? "TRUE" : "FALSE").append(',').append(i > 14 ? "pos" : "neg").append("\r\n");
        }
        Path csv = Files.writeString(dir.resolve("export.csv"), s, StandardCharsets.UTF_8);
        Run r = MainTest.run("train", "--csv", csv.toString(), "--label", "diabetes", "--columns", "glucose,insulin,smoker",
                "--missing", "mean", "--epochs", "5", "--progress", "none", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        ModelFile m = ModelFile.load(dir.resolve("out/model.json"));
        assertThat(m.pipeline().columns()).containsExactly("glucose", "insulin", "smoker");
        assertThat(m.metadata().get("features")).isEqualTo(List.of("glucose", "insulin", "smoker"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--columns thicknes | --columns names no column 'thicknes'; did you mean 'thickness'?",
        "--drop Class | --drop names 'Class', the label column; it is never a feature",
        "--columns size --drop Id | --columns and --drop both choose the features; give one of them",
        "--missing bogus | unknown missing 'bogus'; expected one of error, drop, mean, median, most-frequent",
        "--missing-indicator | --missing-indicator flags filled cells; it needs missing mean, median or most-frequent, not error",
        "--categorical chs --missing mean | --categorical names 'chs', which is not a feature column; did you mean 'chas'?",
        "--features thickness,size | to train on chosen columns say --columns thickness,size"})
    void aBadTableOptionIsOneLineWithExitCodeTwo(String options, String message) throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), rTable(",", false));
        Run r = train(csv, options.trim().split(" "));
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("jgrad: ").contains(message).doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("out/model.json")).doesNotExist();
    }

    @Test
    void tableOptionsApplyToCsvFilesOnly() {
        Run r = MainTest.run("train", "--data", "moons", "--missing", "mean", "--out", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("jgrad: --missing applies to --csv only" + System.lineSeparator());
    }

    @Test
    void theFeaturesSpellingStillMeansFeatureMaps() {
        Run r = MainTest.run("train", "--data", "circle", "--features", "x1sq,x2sq", "--epochs", "2", "--progress", "none",
                "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("trained MLP 2 →");
    }

    @Test
    void hostileFilesAreOneLineOrANoteNeverASilentClass() throws IOException {
        Path noLabels = Files.writeString(dir.resolve("nolabels.csv"), "x,Class\n1,NA\n2,NA\n3,\n");
        Run r = train(noLabels);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("jgrad: " + noLabels + ": column 'Class' is missing in every row; there is nothing to learn from"
                + System.lineSeparator());

        Path emptyColumn = Files.writeString(dir.resolve("empty.csv"), "x,gone,Class\n1,NA,a\n2,,b\n3,NA,a\n4,,b\n5,NA,a\n");
        Run e = train(emptyColumn, "--missing", "mean");
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("note: left out column 'gone': it is missing in every row");
        Run refused = train(emptyColumn);
        assertThat(refused.err()).contains("'gone' 5 of 5 rows (first at line 2)");

        Path oneRow = Files.writeString(dir.resolve("one.csv"), "x,Class\n1,a\n");
        Run one = train(oneRow);
        assertThat(one.code()).isEqualTo(1);
        assertThat(one.err()).isEqualTo("jgrad: " + oneRow + ": column 'Class' has only one class ([a]); need at least 2"
                + System.lineSeparator());
    }

    @Test
    void aCategoryOnlyInTheTestFileIsAllZerosAndWarnedAbout() throws IOException {
        Path csv = Files.writeString(dir.resolve("t.csv"), "x,colour,Class\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n5,red,a\n6,blue,b\n");
        Path test = Files.writeString(dir.resolve("test.csv"), "x,colour,Class\n1,green,a\n2,blue,b\n");
        Run r = train(csv, "--test", test.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("warning: 1 cell of " + test + " holds a category the model never saw in training (colour 1)")
                .contains("test (test.csv, 2 points)");
    }

    @Test
    void anIdColumnByValuesAndANumericLabelWithManyClassesAreWarnedAbout() throws IOException {
        StringBuilder s = new StringBuilder("patient,x,medv\n");
        for (int i = 0; i < 40; i++) {
            s.append(500 + i).append(',').append(i % 5).append(',').append(10 + i * 0.5).append('\n');
        }
        Run r = MainTest.run("train", "--csv", Files.writeString(dir.resolve("h.csv"), s).toString(), "--label", "medv",
                "--epochs", "1", "--progress", "none", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("warning: column 'patient' looks like a row identifier (a different whole number in every row)")
                .contains("warning: the label 'medv' holds 40 different numbers; to predict a number rather than 40 classes, "
                        + "say --task regression");
    }
}
