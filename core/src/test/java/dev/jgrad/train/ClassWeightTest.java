package dev.jgrad.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.base.InvalidSetting;
import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Dataset;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.MLP;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.TensorMLP;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ClassWeightTest {

    @Test
    void balancedWeightsAreScikitLearnsAndSumToThePoints() {
        // sklearn.utils.class_weight.compute_class_weight("balanced", classes=[0, 1, 2], y=[0]*6 + [1]*3 + [2]):
        // [0.5555555555555556, 1.1111111111111112, 3.3333333333333335]
        int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 1, 2};
        Dataset d = new Dataset("d", new double[10][1], labels, 3);
        assertThat(ClassWeight.BALANCED.weights(d)).containsExactly(0.5555555555555556, 1.1111111111111112, 3.3333333333333335);
        assertThat(ClassWeight.NONE.weights(d)).isNull();
        Dataset absent = new Dataset("a", new double[4][1], new int[] {0, 0, 0, 2}, 3);
        assertThat(ClassWeight.BALANCED.weights(absent)).containsExactly(4 / 6.0, 0, 2);
        assertThatThrownBy(() -> TrainingConfig.builder().task(Task.REGRESSION).classWeight(ClassWeight.BALANCED).build())
                .isInstanceOf(InvalidSetting.class).hasMessage("class-weight weighs classes; regression has none");
    }

    @ParameterizedTest
    @EnumSource(Loss.class)
    void eachPointsLossIsWeightedByItsClassOnBothEngines(Loss loss) {
        Rng rng = new Rng(4);
        int classes = loss == Loss.CROSS_ENTROPY || loss == Loss.MSE ? 3 : 2;
        int n = 17;
        double[][] p = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
            labels[i] = i % classes;
        }
        Dataset data = new Dataset("w", p, labels, classes);
        double[] w = {0.5, 2.5, 1.25};
        Network start = Network.initialise(2, List.of(4, loss.outputs(classes)),
                Network.activations(2, Activation.TANH, Activation.LINEAR), Init.XAVIER, rng);
        Batch weighted = data.batch().weightedByClass(java.util.Arrays.copyOf(w, classes));
        MLP scalar = new MLP(start);
        double s = scalar.forwardBackward(weighted, loss, Penalty.NONE);
        double expected = 0;
        for (int i = 0; i < n; i++) {
            expected += w[labels[i]] * new MLP(start).forwardBackward(data.batch(new int[] {i}, 0, 1), loss, Penalty.NONE);
        }
        assertThat(s).isCloseTo(expected / n, within(1e-12));
        TensorMLP tensor = new TensorMLP(start);
        assertThat(tensor.forwardBackward(weighted, loss, Penalty.NONE)).isCloseTo(s, within(1e-12 * Math.abs(s)));
        double[] g = new double[tensor.trainable().size()];
        tensor.trainable().readGrad(g, 0);
        double[] unweighted = new double[g.length];
        TensorMLP plain = new TensorMLP(start);
        plain.forwardBackward(data.batch(), loss, Penalty.NONE);
        plain.trainable().readGrad(unweighted, 0);
        assertThat(g).isNotEqualTo(unweighted);
    }

    @Test
    void balancedWeightsRaiseTheRareClasssRecallAndAreMeasuredAsTrained() {
        Rng rng = new Rng(11);
        int n = 200;
        double[][] p = new double[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10 == 0 ? 1 : 0;
            p[i] = new double[] {rng.nextGaussian() + (labels[i] == 1 ? 1.2 : 0), rng.nextGaussian()};
        }
        Dataset data = new Dataset("rare", p, labels, 2);
        TrainingConfig.Builder b = TrainingConfig.builder().hidden(List.of(4)).epochs(150).validation(0);
        Training plain = Training.start(b.build(), data, new Rng(1));
        Training balanced = Training.start(b.classWeight(ClassWeight.BALANCED).build(), data, new Rng(1));
        plain.fit();
        balanced.fit();
        double rarePlain = plain.measure("train", plain.train()).classification().recall(1);
        double rareBalanced = balanced.measure("train", balanced.train()).classification().recall(1);
        assertThat(rareBalanced).isGreaterThan(rarePlain + 0.2);
        assertThat(balanced.learner().classWeights()).containsExactly(200 / (2 * 180.0), 200 / (2 * 20.0));
        assertThat(plain.learner().classWeights()).isNull();
    }
}
