package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Arrays of numbers read into one double[] each, and numbers checked by hand, as the grammar says. */
class JsonNumbersTest {
    @Test
    void anArrayOfNumbersIsAListOfDoublesAndSwitchesToObjectsWhenItMust() {
        Object v = Json.parse("{\"w\": [1, -2.5e-3, 0, 1E2], \"mixed\": [1, \"a\", [2]], \"empty\": []}");
        Map<?, ?> m = (Map<?, ?>) v;
        assertThat(m.get("w")).isInstanceOf(NumberList.class).isEqualTo(List.of(1.0, -2.5e-3, 0.0, 100.0));
        assertThat(m.get("mixed")).isEqualTo(List.of(1.0, "a", List.of(2.0)));
        assertThat(m.get("empty")).isEqualTo(List.of());
        assertThat(Json.write(v)).isEqualTo(Json.write(Json.parse(Json.write(v))));
    }

    @Test
    void aMillionNumbersReadBackToTheSameBits() {
        double[] w = new double[1_000_000];
        dev.jgrad.base.Rng r = new dev.jgrad.base.Rng(7);
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < w.length; i++) {
            w[i] = r.nextGaussian();
            s.append(i > 0 ? "," : "").append(w[i]);
        }
        List<?> read = (List<?>) Json.parse(s.append(']').toString());
        for (int i = 0; i < w.length; i++) {
            assertThat(((NumberList) read).number(i)).isEqualTo(w[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"[01]", "[1.]", "[.5]", "[1e]", "[1.2.3]", "[-]", "[+1]", "[1e5e5]", "[--1]"})
    void whatJsonDoesNotAllowIsAnError(String text) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected");
    }

    @Test
    void aNumberBeyondADoubleIsNamed() {
        assertThatThrownBy(() -> Json.parse("[1, 1e400]")).hasMessage("invalid JSON at line 1, column 5: number 1e400 is beyond the range of a double");
    }
}
