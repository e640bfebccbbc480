package dev.jgrad.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.engine.Value;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionTest {
    private static double eval(String text) {
        return Expression.parse(text).evaluate(Map.of("x", 3.0, "y", 2.0)).data();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1 + 2 * 3; 7",
        "(1 + 2) * 3; 9",
        "8 / 2 / 2; 2",
        "8 - 2 - 1; 5",
        "2 ** 3 ** 2; 512",
        "-x ** 2; -9",
        "(-x) ** 2; 9",
        "2 ^ -1; 0.5",
        "- -x; 3",
        "x * -y; -6",
        "1e-1 * 10 + .5; 1.5",
        "x − y; 1",
        "relu(-x) + relu(y); 2",
        "exp(log(x)); 3",
        "sigmoid(0) * 4; 2",
        "tanh(x*0) + y**2/x; 1.3333333333333333",
    })
    void precedenceFollowsArithmetic(String text, double expected) {
        assertThat(eval(text)).isCloseTo(expected, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "x +; 4; expected a number",
        "x * (y + 1; 11; expected ')' to close the '(' at column 5",
        "tanh(x; 7; to close the '(' at column 5",
        "x y; 3; unexpected 'y'",
        "x + y); 6; no '(' to close",
        "foo(x); 1; unknown function 'foo'",
        "3 $ 4; 3; unexpected '$'",
        "1.2.3; 1; '1.2.3' is not a number",
        "`  `; 3; the expression is empty",
        "x * * y; 5; expected a number, a variable, a function or '(' but found '*'",
    })
    void aSyntaxErrorNamesItsColumn(String text, int column, String message) {
        assertThatThrownBy(() -> Expression.parse(text))
                .isInstanceOfSatisfying(ExpressionException.class, e -> assertThat(e.column()).isEqualTo(column))
                .hasMessageStartingWith("column " + column + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void anUnsetVariableIsNamed() {
        Expression e = Expression.parse("x1*w1 + x2*w2");
        assertThatThrownBy(() -> e.evaluate(Map.of("x1", 1.0, "w1", 2.0, "x2", 3.0)))
                .isInstanceOf(ExpressionException.class)
                .hasMessage("variable w2 has no value (give it one, e.g. w2=1)");
    }

    @Test
    void variablesAreListedInOrderOfFirstUse() {
        assertThat(Expression.parse("tanh(x1*w1 + x2*w2 + b) * x1").variables())
                .containsExactly("x1", "w1", "x2", "w2", "b");
    }

    @Test
    void aVariableIsOneSharedLeafSoItsGradientsAccumulate() {
        Value y = Expression.parse("x * x + x").evaluate(Map.of("x", 3.0));
        y.backward();
        Value x = Expression.leaves(y).get("x");
        assertThat(x.grad()).isEqualTo(7.0);
        assertThat(x.label()).isEqualTo("x");
    }

    @Test
    void theNeuronOfThePostHasTheExpectedGradients() {
        Value o = Expression.parse("tanh(x1*w1 + x2*w2 + b)")
                .evaluate(Map.of("x1", 2.0, "w1", -3.0, "x2", 0.0, "w2", 1.0, "b", 6.8813735870195432));
        o.backward();
        Map<String, Value> leaves = Expression.leaves(o);
        assertThat(o.data()).isCloseTo(Math.sqrt(0.5), within(1e-9));
        assertThat(leaves.get("w1").grad()).isCloseTo(1.0, within(1e-9));
        assertThat(leaves.get("x1").grad()).isCloseTo(-1.5, within(1e-9));
        assertThat(leaves.get("x2").grad()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void aConstantExponentIsOneNode() {
        Value y = Expression.parse("x ** 2").evaluate(Map.of("x", 3.0));
        assertThat(y.op()).isEqualTo("**2");
        assertThat(y.inputs()).hasSize(1);
    }

    @Test
    void aFlatChainOfAnyLengthParsesAndBuildsWithoutRecursion() {
        String flat = String.join("+", java.util.Collections.nCopies(100_000, "x"));
        Expression e = Expression.parse(flat);
        assertThat(e.variables()).containsExactly("x");
        Value sum = e.evaluate(java.util.Map.of("x", 1.0));
        assertThat(sum.data()).isEqualTo(100_000);
        sum.backward();
        assertThat(Expression.leaves(sum).get("x").grad()).isEqualTo(100_000);
    }

    @Test
    void trueNestingHasAStatedLimit() {
        int limit = ExpressionParser.MAX_NESTING;
        String deep = "(".repeat(limit - 1) + "x" + ")".repeat(limit - 1);
        assertThat(Expression.parse(deep).evaluate(java.util.Map.of("x", 2.0)).data()).isEqualTo(2);
        String tooDeep = "(".repeat(limit) + "x" + ")".repeat(limit);
        assertThatThrownBy(() -> Expression.parse(tooDeep)).isInstanceOf(ExpressionException.class)
                .hasMessageContaining("nests more than " + limit + " levels deep");
        assertThat(Expression.parse("-".repeat(limit - 1) + "x").evaluate(java.util.Map.of("x", 1.0)).data()).isEqualTo(-1);
    }
}
