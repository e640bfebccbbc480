package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The report's table is scikit-learn's {@code classification_report}, digit for digit: the stored
 * cases (sklearn_reports.py beside them made them) include exact ties such as 0.625 and 0.125,
 * which scikit-learn rounds half to even.
 */
class SklearnReportTest {
    @SuppressWarnings("unchecked")
    static Stream<Map<String, Object>> cases() throws IOException {
        try (InputStream in = SklearnReportTest.class.getResourceAsStream("sklearn-reports.json")) {
            return ((List<Map<String, Object>>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8))).stream();
        }
    }

    private static int[] ints(Object list) {
        return ((List<?>) list).stream().mapToInt(o -> ((Double) o).intValue()).toArray();
    }

    @ParameterizedTest
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void theTableIsScikitLearnsClassificationReport(Map<String, Object> c) {
        Classification m = Classification.of((List<String>) c.get("classes"), ints(c.get("truth")), ints(c.get("predicted")));
        String report = m.report();
        String table = report.substring(0, report.indexOf("\ntrue \\ predicted"));
        assertThat(table).isEqualTo(c.get("report"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.625, 0.125, 0.375, 0.875, 0.145, 0.115, 1.0, 0.0, 0.005, 0.995})
    void twoDecimalsRoundTheExactValueHalfToEvenAsPythonDoes(double v) {
        String python = switch (Double.toString(v)) {
            case "0.625" -> "0.62";
            case "0.125" -> "0.12";
            case "0.375" -> "0.38";
            case "0.875" -> "0.88";
            case "0.145" -> "0.14"; // 0.14499999999999999001…
            case "0.115" -> "0.12"; // 0.11500000000000000499…
            case "1.0" -> "1.00";
            case "0.0" -> "0.00";
            case "0.005" -> "0.01"; // 0.00500000000000000010…
            default -> "0.99"; // 0.995 is 0.99499999999999999555…
        };
        assertThat(Classification.two(v)).isEqualTo(python);
    }
}
