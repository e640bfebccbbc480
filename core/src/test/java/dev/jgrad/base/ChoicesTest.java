package dev.jgrad.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgrad.data.Datasets;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.optim.OptimizerKind;
import dev.jgrad.optim.ScheduleKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChoicesTest {
    record Fruit(String id, String description) implements Named {
    }

    private static final Fruit APPLE = new Fruit("apple", "a pome");
    private static final Fruit KIWI = new Fruit("kiwi-fruit", "a berry");
    private static final Choices<Fruit> FRUIT = Choices.of("fruit", List.of(APPLE, KIWI));

    @ParameterizedTest
    @ValueSource(strings = {"kiwi-fruit", "KIWI-FRUIT", "Kiwi-Fruit", "kIwI-fRuIt"})
    void parseAcceptsAnyCase(String name) {
        assertThat(FRUIT.parse(name)).isSameAs(KIWI);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"pear", "kiwi", "apple,kiwi-fruit"})
    void anUnknownNameIsRefusedWithTheIdsListed(String name) {
        assertThatThrownBy(() -> FRUIT.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fruit '" + name + "'; expected one of apple, kiwi-fruit");
    }

    @ParameterizedTest
    @ValueSource(strings = {" apple", "apple ", "aple", "appel", "kiwi-friut"})
    void aNameOneSlipFromAnIdSuggestsIt(String name) {
        String near = name.startsWith("k") ? "kiwi-fruit" : "apple";
        assertThatThrownBy(() -> FRUIT.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown fruit '" + name + "' (did you mean " + near + "?); expected one of apple, kiwi-fruit");
    }

    @Test
    void theListsKeepTheOrderGiven() {
        assertThat(FRUIT.values()).containsExactly(APPLE, KIWI);
        assertThat(FRUIT.ids()).containsExactly("apple", "kiwi-fruit");
        assertThat(FRUIT.kind()).isEqualTo("fruit");
        assertThat(FRUIT).hasToString("fruit: apple, kiwi-fruit");
    }

    @Test
    void theListsCannotBeChanged() {
        assertThatThrownBy(() -> FRUIT.values().add(APPLE)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> FRUIT.ids().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void duplicateIdsAreRefused() {
        assertThatThrownBy(() -> Choices.of("fruit", List.of(APPLE, KIWI, new Fruit("apple", "another"))))
                .hasMessage("duplicate fruit id 'apple'");
    }

    @Test
    void anEmptyListIsRefused() {
        assertThatThrownBy(() -> Choices.of("fruit", List.<Fruit>of())).hasMessage("no fruit to choose from");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Apple", "PEAR"})
    void idsMustBeLowerCaseNames(String id) {
        assertThatThrownBy(() -> Choices.of("fruit", List.of(new Fruit(id, "x"))))
                .hasMessage("fruit id '" + id + "' must be a non-blank lower-case name");
    }

    /** jgrad's own kinds of choice. */
    static Stream<Choices<?>> kinds() {
        return Stream.of(Activation.CHOICES, Init.CHOICES, Loss.CHOICES, OptimizerKind.CHOICES, ScheduleKind.CHOICES,
                Datasets.CHOICES);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyChoiceOfJgradIsParsedBackFromItsIdInAnyCase(Choices<?> choices) {
        for (Named value : choices.values()) {
            assertThat(choices.parse(value.id())).as(choices.kind()).isSameAs(value);
            assertThat(choices.parse(value.id().toUpperCase(Locale.ROOT))).as(choices.kind()).isSameAs(value);
            assertThat(value.description()).as(value.id()).isNotBlank().doesNotContain("\n");
        }
    }

    @Test
    void theIdsAreTheOnesUsersAlreadyType() {
        assertThat(Activation.CHOICES.ids()).containsExactly("tanh", "relu", "sigmoid", "linear");
        assertThat(Init.CHOICES.ids()).containsExactly("pytorch", "uniform", "xavier", "he");
        assertThat(Loss.CHOICES.ids()).containsExactly("mse", "hinge", "bce", "cross-entropy");
        assertThat(OptimizerKind.CHOICES.ids()).containsExactly("sgd", "adam", "adamw");
        assertThat(ScheduleKind.CHOICES.ids()).containsExactly("constant", "linear", "step", "cosine");
        assertThat(Datasets.CHOICES.ids()).containsExactly("circle", "moons", "xor", "spiral", "gauss", "sine", "plane", "gaussian-mixture");
        assertThat(Task.CHOICES.ids()).containsExactly("classification", "regression");
    }
}
