package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import dev.jgrad.data.Dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    @Test
    void readsFeaturesAndNumbersClassesByValue() throws IOException {
        Path f = write("\uFEFFx1,label,x2\r\n0.5,1,2\r\n\r\n-1e-3,-1,\"3.5\"\r\n2,1,0\r\n");
        Dataset d = Csv.read(f).toDataset("label");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.features()).isEqualTo(2);
        assertThat(d.points()[1]).containsExactly(-1e-3, 3.5);
        assertThat(d.classNames()).containsExactly("-1", "1");
        assertThat(d.labels()).containsExactly(1, 0, 1);
        assertThat(d.name()).isEqualTo("data.csv");
    }

    @Test
    void textLabelsAreNumberedAlphabetically() throws IOException {
        Dataset d = Csv.read(write("a,b,kind\n1,2,yes\n3,4,no\n5,6,yes\n")).toDataset("kind");
        assertThat(d.classNames()).containsExactly("no", "yes");
        assertThat(d.labels()).containsExactly(1, 0, 1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1d", "3f", "0x1p3", "NaN"})
    void javaOnlyNumberSyntaxInACellIsRefused(String cell) throws IOException {
        Path f = write("x1,x2,y\n1,2,0\n3," + cell + ",1\n");
        assertThatThrownBy(() -> Csv.read(f).toDataset("y"))
                .hasMessage(f + ":3: column 2 ('x2'): '" + cell + "' is not a finite number");
    }

    @Test
    void aBadNumberIsReportedWithFileLineAndColumn() throws IOException {
        Path f = write("x1,x2,y\n1,2,0\n3,abc,1\n");
        assertThatThrownBy(() -> Csv.read(f).toDataset("y"))
                .isInstanceOf(IOException.class)
                .hasMessage(f + ":3: column 2 ('x2'): 'abc' is not a finite number");
    }

    @Test
    void structuralProblemsAreReportedInOneLine() throws IOException {
        Path ragged = write("x1,x2,y\n1,2,0\n3,1\n");
        assertThatThrownBy(() -> Csv.read(ragged).toDataset("y")).hasMessage(ragged + ":3: 2 cells, but the header has 3");
        Path noLabel = write("x1,x2,y\n1,2,0\n");
        assertThatThrownBy(() -> Csv.read(noLabel).toDataset("class")).hasMessage(noLabel + ": no column 'class'; the columns are x1, x2, y");
        Path oneClass = write("x1,y\n1,0\n2,0\n");
        assertThatThrownBy(() -> Csv.read(oneClass).toDataset("y")).hasMessageContaining("only one class");
        Path empty = write("");
        assertThatThrownBy(() -> Csv.read(empty).toDataset("y")).hasMessageContaining("empty file");
        Path quote = write("x,y\n\"1,0\n");
        assertThatThrownBy(() -> Csv.read(quote).toDataset("y")).hasMessage(quote + ":2: a quoted field is not closed");
        assertThatThrownBy(() -> Csv.read(dir.resolve("missing.csv")).toDataset("y")).hasMessageEndingWith("missing.csv: no such file");
    }

    @Test
    void aRepeatedHeaderNameOrADirectoryIsAnError() throws IOException {
        Path twice = write("\n a,b,a,label\n1,2,3,x\n");
        assertThatThrownBy(() -> Csv.read(twice))
                .hasMessage(twice + ":2: column 3 ('a') has the same name as column 1; header names must differ");
        assertThatThrownBy(() -> Csv.read(dir)).hasMessage(dir + ": is a directory");
    }

    @Test
    void numericLabelsWrittenTwoWaysAreOneClassNamedAsFirstWritten() throws IOException {
        Dataset d = Csv.read(write("x,label\n1,1\n2,0.0\n3,1.0\n4,0\n")).toDataset("label");
        assertThat(d.classNames()).containsExactly("0.0", "1");
        assertThat(d.labels()).containsExactly(1, 0, 1, 0);
    }

    @Test
    void labelsAreMatchedToKnownClassesAndAnUnknownOneNamesItsLine() throws IOException {
        Csv table = Csv.read(write("x,label\n1,1.0\n2,\n3,2\n"));
        assertThat(table.labels(1, java.util.List.of("0", "1"), true)).containsExactly(1, -1, -1);
        assertThatThrownBy(() -> table.labels(1, java.util.List.of("0", "1"), false)).isInstanceOf(IOException.class)
                .hasMessage(table.file() + ":4: class '2' in column 'label' is not one the model knows (0, 1)");
    }

    @Test
    void missingColumnsAreNamedTogether() throws IOException {
        Csv table = Csv.read(write("b,x\n1,2\n"));
        assertThat(table.columns(java.util.List.of("x", "b"))).containsExactly(1, 0);
        assertThatThrownBy(() -> table.columns(java.util.List.of("a", "b", "c"))).isInstanceOf(IOException.class)
                .hasMessage(table.file() + ": missing columns a, c (expected a, b, c; the file has b, x)");
    }

    @Test
    void numericLabelsMatchByValue() {
        assertThat(Labels.indexOf(java.util.List.of("0", "1"), "1.0")).isEqualTo(1);
        assertThat(Labels.indexOf(java.util.List.of("0", "1"), "1")).isEqualTo(1);
        assertThat(Labels.indexOf(java.util.List.of("0", "1"), "2")).isEqualTo(-1);
        assertThat(Labels.indexOf(java.util.List.of("yes", "no"), "Yes")).isEqualTo(-1);
        assertThat(Labels.indexOf(java.util.List.of("-1", "1"), "-1.00")).isZero();
        assertThat(Labels.indexOf(java.util.List.of("0", "1"), "1d")).isEqualTo(-1);
    }

    @Test
    void aRegressionTargetIsANumberInEveryRowAndABadOneNamesItsLine() throws IOException {
        Path f = write("x1,y,x2\n1,0.5,2\n3,-1e2,4\n");
        dev.jgrad.data.Dataset d = Csv.read(f).toRegression("y");
        assertThat(d.task()).isEqualTo(dev.jgrad.data.Task.REGRESSION);
        assertThat(d.points()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(d.targets()).containsExactly(0.5, -100);
        Path bad = write("x1,y\n1,0.5\n3,high\n");
        assertThatThrownBy(() -> Csv.read(bad).toRegression("y")).isInstanceOf(IOException.class)
                .hasMessage(bad + ":3: column 2 ('y'): 'high' is not a finite number; a regression target must be a number");
        Path empty = write("x1,y\n1,\n");
        assertThatThrownBy(() -> Csv.read(empty).toRegression("y"))
                .hasMessage(empty + ":2: column 2 ('y'): empty target; a regression target is a number in every row");
        assertThat(Csv.read(empty).targets(1)).containsExactly(Double.NaN);
    }
}
