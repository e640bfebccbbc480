package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.cli.ExportCommandTest.Comparison;
import dev.jgrad.cli.MainTest.Run;
import dev.jgrad.data.Pipeline;
import dev.jgrad.io.Column;
import dev.jgrad.io.ModelFile;
import dev.jgrad.io.OnnxExport;
import dev.jgrad.io.RawTables;
import dev.jgrad.io.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model whose numeric columns are filled where missing (mean, median, most frequent) and flagged
 * ({@code --missing-indicator}) exports with that preprocessing in the graph: ONNX Runtime, given NaN
 * for a missing cell, answers what predict answers for the row. A category column is refused in one line.
 */
class ExportPreprocessingTest {
    private static final double NA = Double.NaN;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({"median, --missing-indicator, bce", "mean, '', cross-entropy", "most-frequent, --missing-indicator, cross-entropy",
            "median, '', regression"})
    void filledAndFlaggedColumnsGivePredictsNumbers(String missing, String indicator, String loss) throws Exception {
        String label = loss.equals("regression") ? "y\n" : "label\n";
        StringBuilder csv = new StringBuilder("age,size," + label);
        String[] rows = {"30,1.5,", "NA,2.5,", "50,NA,", "41,0.5,", "35,,", "62,3.1,"};
        for (int i = 0; i < 24; i++) {
            csv.append(rows[i % rows.length]).append(loss.equals("regression") ? Double.toString(i * 0.25) : i % 3 == 0 ? "a" : "b")
                    .append('\n');
        }
        Path data = Files.writeString(dir.resolve("t.csv"), csv);
        List<String> args = new ArrayList<>(List.of("train", "--csv", data.toString(), "--label", label.strip(), "--missing", missing,
                "--hidden", "4", "--epochs", "20", "--val", "0", "--progress", "none", "--out", dir.resolve("m").toString()));
        args.addAll(loss.equals("regression") ? List.of("--task", "regression") : List.of("--loss", loss));
        if (!indicator.isEmpty()) {
            args.add(indicator);
        }
        Run r = MainTest.run(args.toArray(String[]::new));
        assertThat(r.code()).as(r.err()).isZero();
        ModelFile saved = ModelFile.load(dir.resolve("m/model.json"));
        assertThat(saved.pipeline().trivial()).isFalse();
        double[][] raw = {{30, 1.5}, {NA, 2.5}, {50, NA}, {NA, NA}, {0, 0}, {1e300, -1e300}, {-1e300, NA}, {41, 0.5}};
        for (OnnxExport.Dtype dtype : OnnxExport.Dtype.values()) {
            Path onnx = dir.resolve(dtype.id() + ".onnx");
            Run e = MainTest.run("export", "--model", dir.resolve("m/model.json").toString(), "--onnx", onnx.toString(), "--dtype", dtype.id());
            assertThat(e.code()).as(e.err()).isZero();
            Comparison c = OnnxComparison.compare(saved.predictor(), Files.readAllBytes(onnx), raw, dtype,
                    row -> preprocess(saved.pipeline(), row));
            System.out.printf("onnx equality | preprocessing %s %s %s | %s | max rel diff %.3g | rows %d (skipped %d)%n",
                    missing, indicator, loss, dtype.id(), c.maxDifference(), c.rows(), c.skipped());
            assertThat(c.maxDifference()).isLessThanOrEqualTo(dtype == OnnxExport.Dtype.FLOAT64 ? 1e-12 : 1e-5);
            assertThat(c.labelMismatches()).isZero();
            assertThat(c.rows()).as("the rows with missing cells are compared too").isGreaterThanOrEqualTo(5);
        }
    }

    /**
     * One raw row through the model's preprocessing, as predict reads a file's row; a row with an infinite
     * cell (±1e300 in float32), which no file holds, as NaN features: the comparison skips it.
     */
    private static double[] preprocess(Pipeline pipeline, double[] row) {
        if (java.util.Arrays.stream(row).anyMatch(Double::isInfinite)) {
            return new double[] {NA};
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < row.length; c++) {
            columns.add(new Column.Numbers(pipeline.columns().get(c), new double[] {row[c]}));
        }
        return pipeline.apply(RawTables.features(new Table("row", columns, new int[] {1}), -1), false).points()[0];
    }

    @Test
    void aCategoryColumnIsRefusedInOneLineNamingIt() throws Exception {
        Path data = Files.writeString(dir.resolve("c.csv"), "age,town,label\n" + "30,Boston,a\n41,Quincy,b\n50,Boston,b\n".repeat(4));
        Run r = MainTest.run("train", "--csv", data.toString(), "--label", "label", "--hidden", "3", "--epochs", "2", "--val", "0",
                "--progress", "none", "--out", dir.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        Path onnx = dir.resolve("c.onnx");
        Run e = MainTest.run("export", "--model", dir.resolve("c/model.json").toString(), "--onnx", onnx.toString());
        assertThat(e.code()).isEqualTo(1);
        assertThat(e.err()).contains("cannot export to ONNX yet: column 'town'", "one-hot").hasLineCount(1);
        assertThat(onnx).doesNotExist();
    }
}
