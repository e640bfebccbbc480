package dev.jgrad.optim;

import static dev.jgrad.optim.OptimizerTest.threeSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class OptimizerKindTest {
    @ParameterizedTest
    @CsvSource({"sgd, 0.1, 0, 0", "sgd, 0.05, 0.9, 0.01", "adam, 0.01, 0, 0", "adam, 0.02, 0, 0.1",
        "adamw, 0.01, 0, 0.01", "adamw, 0.03, 0, 0"})
    void createMakesTheOptimizerItsConstructorMakes(String name, double rate, double momentum, double decay) {
        OptimizerKind kind = OptimizerKind.CHOICES.parse(name);
        Function<Parameters, Optimizer> direct = switch (kind) {
            case SGD -> p -> new Sgd(p, rate).momentum(momentum).weightDecay(decay);
            case ADAM -> p -> new Adam(p, rate).betas(0.9, 0.999).eps(1e-8).weightDecay(decay);
            case ADAMW -> p -> new AdamW(p, rate).betas(0.9, 0.999).eps(1e-8).weightDecay(decay);
        };
        double[][] created = threeSteps(p -> kind.create(p, rate, momentum, decay));
        assertThat(created).isDeepEqualTo(threeSteps(direct));
        assertThat(created[2]).doesNotContain(0.5, -1.5, 2.0);
    }

    @Test
    void theKindsAreDifferentRules() {
        double[][] sgd = threeSteps(p -> OptimizerKind.SGD.create(p, 0.01, 0, 0.01));
        double[][] adam = threeSteps(p -> OptimizerKind.ADAM.create(p, 0.01, 0, 0.01));
        double[][] adamw = threeSteps(p -> OptimizerKind.ADAMW.create(p, 0.01, 0, 0.01));
        assertThat(sgd[2]).isNotEqualTo(adam[2]);
        assertThat(adam[2]).isNotEqualTo(adamw[2]);
    }

    @Test
    void theDefaultsAreJgradTrains() {
        assertThat(OptimizerKind.SGD.defaultLearningRate()).isEqualTo(0.1);
        assertThat(OptimizerKind.ADAM.defaultLearningRate()).isEqualTo(0.01);
        assertThat(OptimizerKind.ADAMW.defaultLearningRate()).isEqualTo(0.01);
        assertThat(OptimizerKind.SGD.defaultWeightDecay()).isZero();
        assertThat(OptimizerKind.ADAM.defaultWeightDecay()).isZero();
        assertThat(OptimizerKind.ADAMW.defaultWeightDecay()).isEqualTo(0.01);
    }

    @ParameterizedTest
    @EnumSource(names = {"ADAM", "ADAMW"})
    void momentumIsForSgdOnly(OptimizerKind kind) {
        assertThatThrownBy(() -> kind.create(new OptimizerTest.ArrayBlock(1), 0.01, 0.9, 0))
                .hasMessage("momentum applies to sgd only; adam and adamw have their own");
    }

    @Test
    void badSettingsAreRefusedByTheOptimizer() {
        assertThatThrownBy(() -> OptimizerKind.SGD.create(new OptimizerTest.ArrayBlock(1), 0, 0, 0))
                .hasMessageContaining("learning rate");
        assertThatThrownBy(() -> OptimizerKind.ADAMW.create(new OptimizerTest.ArrayBlock(1), 0.01, 0, -1))
                .hasMessage("weight decay must be ≥ 0.0, got -1.0");
    }
}
