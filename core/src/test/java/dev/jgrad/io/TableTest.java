package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.data.Dataset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableTest {
    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    @Test
    void readsNumbersTextAndMissingCellsIntoColumns() throws IOException {
        Path f = write("\uFEFFx, kind ,ok,y\r\n1.5,\"a, b\",TRUE,1\r\n\r\nNA,c,no,2\n-2e3,,Yes,?\n");
        Table t = Table.read(f);
        assertThat(t.names()).containsExactly("x", "kind", "ok", "y");
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.lines()).containsExactly(2, 4, 5);
        assertThat(((Column.Numbers) t.column("x")).values()).containsExactly(1.5, Double.NaN, -2000);
        Column.Categories kind = (Column.Categories) t.column("kind");
        assertThat(kind.levels()).containsExactly("a, b", "c");
        assertThat(kind.codes()).containsExactly(0, 1, -1);
        assertThat(kind.isMissing(2)).isTrue();
        assertThat(((Column.Numbers) t.column("ok")).values()).containsExactly(1, 0, 1);
        assertThat(t.column("y").missing()).isEqualTo(1);
        assertThat(t.column("y").firstMissing()).isEqualTo(2);
    }

    @Test
    void textColumnsNamedInTheFormatKeepNumbersAsWritten() throws IOException {
        Table t = Table.read(write("x,label\n1,1.0\n2,01\n3,1.0\n"), CsvFormat.DEFAULT.withText(List.of("label")));
        Column.Categories label = (Column.Categories) t.column("label");
        assertThat(label.levels()).containsExactly("1.0", "01");
        assertThat(label.codes()).containsExactly(0, 1, 0);
    }

    @Test
    void writeCsv2FilesReadWithADecimalComma() throws IOException {
        Path f = write("\"\";\"a\";\"b\"\n\"1\";1,5;-2\n\"2\";NA;3,25e1\n");
        Table t = Table.read(f, CsvFormat.DEFAULT.withDecimalComma(true));
        assertThat(t.names()).containsExactly("", "a", "b");
        assertThat(((Column.Numbers) t.column("a")).values()).containsExactly(1.5, Double.NaN);
        assertThat(((Column.Numbers) t.column("b")).values()).containsExactly(-2, 32.5);
    }

    @Test
    void semicolonsAndTabsAreDetectedFromTheHeader() throws IOException {
        assertThat(Table.read(write("a;b\n1;2\n")).column("b")).isInstanceOf(Column.Numbers.class);
        assertThat(Table.read(write("a\tb c\n1\t2\n")).names()).containsExactly("a", "b c");
        assertThat(Table.read(write("a,b;c\n1,2\n")).names()).containsExactly("a", "b;c");
        assertThat(Table.read(write("a|b\n1|2\n"), CsvFormat.DEFAULT.withSeparator('|')).names()).containsExactly("a", "b");
    }

    @Test
    void severalBadCellsAreCountedAndTheFirstShown() throws IOException {
        StringBuilder s = new StringBuilder("a,x,y\n");
        for (int i = 0; i < 30; i++) {
            s.append(i).append(',').append(i == 23 ? "1.2x" : i == 25 || i == 27 ? "oops" : Integer.toString(i)).append(",0\n");
        }
        Path f = write(s.toString());
        assertThatThrownBy(() -> Table.read(f)).isInstanceOf(IOException.class)
                .hasMessage(f + ":25: 3 cells are not numbers in column 2 ('x'), first '1.2x' at line 25");
    }

    @Test
    void oneBadCellNamesFileLineAndColumn() throws IOException {
        Path f = write("x1,x2,y\n1,2,0\n3,1e400,1\n");
        assertThatThrownBy(() -> Table.read(f)).hasMessage(f + ":3: column 2 ('x2'): '1e400' is not a number");
    }

    @Test
    void raggedRowsAndOtherProblemsAreCounted() throws IOException {
        Path one = write("x1,x2,y\n1,2,0\n3,1\n");
        assertThatThrownBy(() -> Table.read(one)).hasMessage(one + ":3: 2 cells, but the header has 3");
        Path many = write("x1,x2,y\n1,2,0\n3,1\n4,\"5,0\n1,2,3,4\n");
        assertThatThrownBy(() -> Table.read(many))
                .hasMessage(many + ":3: 2 rows have other than the header's 3 cells, the first 2, first at line 3 (and 1 more problem)");
    }

    @Test
    void headerProblemsAreOneLine() throws IOException {
        Path empty = write("\n  \n");
        assertThatThrownBy(() -> Table.read(empty)).hasMessage(empty + ": empty file; expected a header row");
        Path twice = write("a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> Table.read(twice)).hasMessage(twice + ":1: column 3 ('a') has the same name as column 1; header names must differ");
        Path latin1 = Files.write(dir.resolve("l.csv"), "x,caf\u00e9\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Table.read(latin1)).hasMessage(latin1 + ":1: not UTF-8 text");
        assertThatThrownBy(() -> Table.read(dir.resolve("none.csv"))).hasMessage(dir.resolve("none.csv") + ": no such file");
    }

    @Test
    void aTableBecomesADatasetAsTheOldReaderMadeIt() throws IOException {
        Path f = write("\uFEFFx1,label,x2\r\n0.5,1,2\r\n\r\n-1e-3,-1,\"3.5\"\r\n2,1.0,0\r\n");
        Dataset d = Table.read(f, CsvFormat.DEFAULT.withText(List.of("label"))).toDataset("label");
        assertThat(d).isEqualTo(Csv.read(f).toDataset("label"));
        assertThat(d.classNames()).containsExactly("-1", "1");
        Dataset r = Table.read(f).toRegression("x2");
        assertThat(r).isEqualTo(Csv.read(f).toRegression("x2"));
    }

    @Test
    void missingFeaturesAreCountedPerColumn() throws IOException {
        Path f = write("a,b,y\n1,NA,0\n,2,1\n3,,0\n");
        assertThatThrownBy(() -> Table.read(f).toDataset("y"))
                .hasMessage(f + ":2: 2 cells are missing in column 2 ('b'), first at line 2 (and 1 more column with missing cells)");
        Path label = write("a,y\n1,NA\n2,1\n3,0\n");
        assertThatThrownBy(() -> Table.read(label).toDataset("y")).hasMessage(label + ":2: column 2 ('y'): a missing label; every row needs a label");
    }

    @Test
    void aTextFeatureIsNamedWithItsLevels() throws IOException {
        Path f = write("a,town,y\n1,x,0\n2,y,1\n3,z,0\n4,w,1\n");
        assertThatThrownBy(() -> Table.read(f).toDataset("y")).hasMessage(f + ": column 2 ('town') is text ('x', 'y', 'z', …), not numbers");
    }

    @Test
    void smallBlocksGiveTheSameTableAsOne() throws IOException {
        StringBuilder s = new StringBuilder("a,b,c\n");
        for (int i = 0; i < 500; i++) {
            s.append(i * 0.25).append(",\"q").append(i % 7).append("\",").append(i % 3 == 0 ? "" : "7").append(i % 50 == 0 ? "\r\n\n" : "\n");
        }
        Table whole = Table.parse(s.toString(), "t", CsvFormat.DEFAULT);
        try (CsvReader small = new CsvReader(new java.io.ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8)), "t",
                CsvFormat.DEFAULT, 1024)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                TableBuilder b = new TableBuilder("t", small.header, small.text);
                for (CsvChunk[] chunks; (chunks = small.next(pool)) != null; ) {
                    int base = small.lastBase;
                    for (CsvChunk c : chunks) {
                        b.add(c, base);
                        base += c.linesSeen;
                    }
                }
                Table pieces = b.finish();
                assertThat(pieces.lines()).isEqualTo(whole.lines());
                assertThat(((Column.Numbers) pieces.column("a")).values()).isEqualTo(((Column.Numbers) whole.column("a")).values());
                assertThat(pieces.column("b")).isEqualTo(whole.column("b")).isInstanceOf(Column.Categories.class);
                assertThat(((Column.Numbers) pieces.column("c")).values()).isEqualTo(((Column.Numbers) whole.column("c")).values());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
