package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a float32 model's numbers are written: the shortest decimal that reads back as the same float. */
class JsonFloatTest {
    /** Floats of every exponent, with random bits, both signs: a model's weights and far beyond. */
    private static float[] floats(long seed, int n) {
        Rng r = new Rng(seed);
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            int bits = (int) r.nextLong();
            f[i] = Float.isFinite(Float.intBitsToFloat(bits)) ? Float.intBitsToFloat(bits) : (float) r.nextDouble();
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void everyFloatWrittenReadsBackAsTheSameBits(long seed) {
        for (float f : floats(seed, 20_000)) {
            String written = JsonWriter.write(List.of(f));
            Object read = ((List<?>) Json.parse(written)).get(0);
            assertThat(Float.floatToIntBits((float) (double) (Double) read)).as(written).isEqualTo(Float.floatToIntBits(f));
        }
    }

    @Test
    void edgesReadBackToo() {
        float[] edges = {Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, Float.MAX_VALUE, -Float.MAX_VALUE, 1, -1, 0.1f,
            1e-3f, 1e-4f, 1e7f, 1e10f, 123456789f, 0.5f, 2e-45f, 3.4e38f, 1.17549435E-38f, 9.999999e-4f, 1.0E-5f, -0.0f, 0f};
        for (float f : edges) {
            String s = JsonWriter.shortest(f);
            assertThat(Float.floatToIntBits((float) Double.parseDouble(s))).as(s).isEqualTo(Float.floatToIntBits(f));
            assertThat(Json.parse("[" + s + "]")).as("valid JSON: " + s).isInstanceOf(List.class);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void noDecimalWithFewerDigitsReadsBack(long seed) {
        for (float f : floats(seed, 3_000)) {
            BigDecimal written = new BigDecimal(JsonWriter.shortest(f));
            int digits = written.stripTrailingZeros().precision();
            // the decimals that read back as f are an interval around it: a shorter one would be f rounded down or up
            BigDecimal exact = new BigDecimal((double) f);
            for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
                if (f != 0 && digits > 1) {
                    BigDecimal shorter = exact.round(new MathContext(digits - 1, mode));
                    assertThat((float) shorter.doubleValue()).as(f + " written " + written + ", " + shorter + " is shorter")
                            .isNotEqualTo(f);
                }
            }
        }
    }

    @Test
    void writesTheShorterOfThePlainAndExponentForms() {
        assertThat(JsonWriter.shortest(1e-4f)).isEqualTo("1E-4");
        assertThat(JsonWriter.shortest(-2.5e-7f)).isEqualTo("-2.5E-7");
        assertThat(JsonWriter.shortest(0.0123f)).isEqualTo("0.0123");
        assertThat(JsonWriter.shortest(1e10f)).isEqualTo("1E10");
        assertThat(JsonWriter.shortest(1f)).isEqualTo("1");
        assertThat(JsonWriter.shortest(120f)).isEqualTo("120");
        assertThat(JsonWriter.shortest(0.1f)).isEqualTo("0.1");
    }
}
