package dev.jgrad.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "+2.5", "3.", ".5", "1e3", "1.5E-7", "-0.0", "123456789012345678901234567890"})
    void decimalSyntaxReadsAsJavaWould(String text) {
        assertThat(Decimal.isDecimal(text)).isTrue();
        assertThat(Decimal.parse(text)).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1d", "3f", "0x1p3", "NaN", "Infinity", "-Infinity", " 1", "1 ", "", ".", "-", "1e", "1e+", "e5",
        "1,5", "١٢", "1_000"})
    void javaOnlyAndMalformedSyntaxIsRefused(String text) {
        assertThat(Decimal.isDecimal(text)).isFalse();
        assertThatThrownBy(() -> Decimal.parse(text)).isInstanceOf(NumberFormatException.class).hasMessageContaining("not a decimal number");
    }
}
