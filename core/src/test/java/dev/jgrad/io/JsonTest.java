package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.base.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void writtenValuesReadBackEqual() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "tab\t\"quoted\" \\ é");
        m.put("n", 3.0);
        m.put("flags", List.of(true, false));
        m.put("nothing", null);
        m.put("nested", List.of(Map.of("a", List.of(1.5, -2.0e-300)), List.of()));
        m.put("empty", Map.of());
        assertThat(Json.parse(Json.write(m))).isEqualTo(m);
    }

    @Test
    void doublesRoundTripBitForBit() {
        Rng r = new Rng(5);
        for (int i = 0; i < 1000; i++) {
            double d = r.nextDouble(-1, 1) * Math.pow(10, (r.nextInt(600) - 300));
            assertThat((Double) Json.parse(Json.write(d).trim())).isEqualTo(d);
        }
    }

    @Test
    void errorsGiveLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("{\n  \"a\": [1, 2,\n")).hasMessage("invalid JSON at line 3, column 1: unexpected end of input");
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessage("invalid JSON at line 1, column 6: expected ':' but found '1'");
        assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("after the end of the value");
        assertThatThrownBy(() -> Json.parse("[01]")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> Json.write(Double.NaN)).hasMessageContaining("only finite numbers");
    }

    @Test
    void nestingIsBoundedSoDeepInputIsAnErrorNotAStackOverflow() {
        String ok = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
        assertThat(Json.parse(ok)).isInstanceOf(List.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000)))
                .hasMessage("invalid JSON at line 1, column 513: nesting deeper than 512 levels");
        assertThatThrownBy(() -> Json.parse("{\"a\":".repeat(600) + "1" + "}".repeat(600)))
                .hasMessageEndingWith("nesting deeper than 512 levels");
        String siblings = "[" + "[[]],".repeat(10_000) + "[]]";
        assertThat((List<?>) Json.parse(siblings)).hasSize(10_001);
    }

    @Test
    void aRepeatedKeyIsAnErrorNotLastOneWins() {
        assertThatThrownBy(() -> Json.parse("{\"layers\": 1,\n \"layers\": 2}"))
                .hasMessage("invalid JSON at line 2, column 2: duplicate key \"layers\"");
        assertThat(Json.parse("{\"a\": {\"k\": 1}, \"b\": {\"k\": 2}}")).isInstanceOf(Map.class);
    }

    @Test
    void aNumberBeyondTheRangeOfADoubleIsAnError() {
        assertThatThrownBy(() -> Json.parse("[1e999]")).hasMessage("invalid JSON at line 1, column 2: number 1e999 is beyond the range of a double");
        assertThatThrownBy(() -> Json.parse("-1E400")).hasMessageContaining("beyond the range");
        assertThat(Json.parse("1e-999")).isEqualTo(0.0);
    }
}
