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
}
