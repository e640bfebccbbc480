package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalBytesTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    /** A random cell in decimal syntax: lengths and exponents around both edges of the fast path. */
    private static String decimal(Rng r) {
        StringBuilder s = new StringBuilder();
        int sign = r.nextInt(3);
        s.append(sign == 0 ? "-" : sign == 1 ? "+" : "");
        int whole = r.nextInt(4) == 0 ? 0 : 1 + r.nextInt(r.nextInt(2) == 0 ? 6 : 20);
        int fraction = r.nextInt(3) == 0 ? -1 : r.nextInt(r.nextInt(2) == 0 ? 6 : 20);
        if (whole == 0 && fraction <= 0) {
            whole = 1;
        }
        for (int i = 0; i < whole; i++) {
            s.append((char) ('0' + (r.nextInt(5) == 0 ? 0 : r.nextInt(10))));
        }
        if (fraction >= 0) {
            s.append('.');
            for (int i = 0; i < fraction; i++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
        }
        if (r.nextInt(3) == 0) {
            s.append(r.nextInt(2) == 0 ? 'e' : 'E').append(List.of("", "+", "-").get(r.nextInt(3)));
            s.append(r.nextInt(4) == 0 ? r.nextInt(400) : r.nextInt(30));
        }
        return s.toString();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyDecimalHasParseDoublesBits(long seed) {
        Rng r = new Rng(seed);
        for (int k = 0; k < 5_000; k++) {
            String text = decimal(r);
            byte[] b = ("x" + text + "y").getBytes(StandardCharsets.US_ASCII);
            double expected = Double.parseDouble(text);
            assertThat(Double.doubleToRawLongBits(DecimalBytes.parse(b, 1, b.length - 1, (byte) '.')))
                    .as(text).isEqualTo(Double.doubleToRawLongBits(expected));
            byte[] comma = text.replace('.', ',').getBytes(StandardCharsets.US_ASCII);
            assertThat(Double.doubleToRawLongBits(DecimalBytes.parse(comma, 0, comma.length, (byte) ',')))
                    .as(text).isEqualTo(Double.doubleToRawLongBits(expected));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cellsInATableHaveParseDoublesBits(long seed) throws Exception {
        Rng r = new Rng(seed);
        StringBuilder csv = new StringBuilder("a,b\n");
        double[] expected = new double[2_000];
        for (int i = 0; i < expected.length; i++) {
            String text = decimal(r);
            while (Double.isInfinite(Double.parseDouble(text))) {
                text = decimal(r); // a table reads those as not numbers
            }
            expected[i] = Double.parseDouble(text);
            csv.append(text).append(i % 2 == 0 ? "," : "\n");
        }
        Table t = Table.parse(csv.toString(), "t", CsvFormat.DEFAULT);
        double[] a = ((Column.Numbers) t.column("a")).values(), b = ((Column.Numbers) t.column("b")).values();
        for (int i = 0; i < expected.length; i++) {
            double got = i % 2 == 0 ? a[i / 2] : b[i / 2];
            assertThat(Double.doubleToRawLongBits(got)).isEqualTo(Double.doubleToRawLongBits(expected[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "-.", "1e", "1e+", "e5", "1.2.3", "1d", "0x10", "NaN", "Infinity", "1,5", " 1", "1_000", "--1"})
    void whatIsNotDecimalSyntaxIsNotANumber(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertThat(DecimalBytes.parse(b, 0, b.length, (byte) '.')).isNaN();
    }
}
