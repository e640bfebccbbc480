package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableStreamTest {
    private static TableStream open(String text, int block) throws IOException {
        return TableStream.open(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "s.csv", CsvFormat.DEFAULT, block);
    }

    @Test
    void blocksGiveEveryRowOnceWithItsLineAndText() throws IOException {
        StringBuilder s = new StringBuilder("a;b\n");
        for (int i = 0; i < 300; i++) {
            s.append(i).append(";\"t ").append(i).append("\"").append(i % 10 == 0 ? "\r\n\n" : "\n");
        }
        List<String> lines = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        double sum = 0;
        int blocks = 0;
        try (TableStream in = open(s.toString(), 1024)) {
            assertThat(in.names()).containsExactly("a", "b");
            assertThat(in.header()).isEqualTo("a;b");
            assertThat(in.separator()).isEqualTo(';');
            for (Table t; (t = in.next()) != null; blocks++) {
                for (int i = 0; i < t.rows(); i++) {
                    lines.add(in.line(i));
                    at.add(t.lines()[i]);
                    sum += ((Column.Numbers) t.column("a")).values()[i];
                }
            }
        }
        assertThat(blocks).isGreaterThan(3);
        assertThat(lines).hasSize(300).startsWith("0;\"t 0\"", "1;\"t 1\"").endsWith("299;\"t 299\"");
        assertThat(at.get(11)).isEqualTo(2 + 11 + 2); // two blank lines after rows 0 and 10
        assertThat(sum).isEqualTo(299 * 300 / 2.0);
    }

    @Test
    void aProblemNamesTheFileLineOfItsBlock() throws IOException {
        StringBuilder s = new StringBuilder("a,b\n");
        for (int i = 0; i < 200; i++) {
            s.append(i).append(',').append(i == 150 ? "x" : "1").append('\n');
        }
        try (TableStream in = open(s.toString(), 512)) {
            assertThatThrownBy(() -> {
                while (in.next() != null) {
                    // read on to the bad block
                }
            }).hasMessage("s.csv:152: column 2 ('b'): 'x' is not a number");
        }
    }
}
