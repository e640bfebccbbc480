package dev.jgrad.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgressTest {
    @ParameterizedTest
    @CsvSource({"0.25, 0.2500", "0, 0.0000", "1e300, 1.0000e+300", "-3e7, -3.0000e+07", "2.5e-9, 2.5000e-09", "12.34567, 12.3457"})
    void lossesStayShortWhateverTheirSize(double loss, String shown) {
        assertThat(Progress.loss(loss).replace(',', '.')).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({"0.6, 0.6", "0.0123, 0.012", "3.14159, 3.1", "9.96, 10", "12.6, 13", "250.2, 250", "0, 0"})
    void aSlowRunsRateKeepsTwoSignificantFigures(double rate, String shown) {
        assertThat(Progress.rate(rate)).isEqualTo(shown);
    }
}
