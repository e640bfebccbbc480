package dev.jgrad.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.engine.Value;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Three steps of each optimizer on p = (0.5, −1.5, 2.0) with the gradient of Σ p³/3 + p/2, against
 * the parameters PyTorch 1.13 (float64) computes for the same steps (torch.optim.SGD, Adam, AdamW).
 */
class OptimizerTest {
    /** A tensor-like block: flat arrays, adapted the way the Parameters Javadoc shows. */
    static final class ArrayBlock implements Parameters {
        final double[] data;
        final double[] grad;

        ArrayBlock(double... data) {
            this.data = data.clone();
            this.grad = new double[data.length];
        }

        public int size() {
            return data.length;
        }

        public void readData(double[] to, int at) {
            System.arraycopy(data, 0, to, at, data.length);
        }

        public void readGrad(double[] to, int at) {
            System.arraycopy(grad, 0, to, at, grad.length);
        }

        public void writeData(double[] from, int at) {
            System.arraycopy(from, at, data, 0, data.length);
        }

        public void zeroGrad() {
            Arrays.fill(grad, 0);
        }
    }

    static double[][] threeSteps(Function<Parameters, Optimizer> make) {
        ArrayBlock p = new ArrayBlock(0.5, -1.5, 2.0);
        Optimizer opt = make.apply(p);
        double[][] after = new double[3][];
        for (int k = 0; k < 3; k++) {
            opt.zeroGrad();
            for (int i = 0; i < 3; i++) {
                p.grad[i] += p.data[i] * p.data[i] + 0.5;
            }
            opt.step();
            after[k] = p.data.clone();
        }
        return after;
    }

    private static void assertSteps(double[][] actual, double[][] torch) {
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 3; i++) {
                assertThat(actual[k][i]).as("step %d, parameter %d", k + 1, i).isCloseTo(torch[k][i], within(1e-13));
            }
        }
    }

    @Test
    void plainSgdMatchesPyTorch() {
        assertSteps(threeSteps(p -> new Sgd(p, 0.1)), new double[][] {
            {0.425, -1.775, 1.55}, {0.3569375, -2.1400625, 1.25975},
            {0.294197062109375, -2.648049250390625, 1.05105299375}});
    }

    @Test
    void sgdWithMomentumAndWeightDecayMatchesPyTorch() {
        assertSteps(threeSteps(p -> new Sgd(p, 0.1).momentum(0.9).weightDecay(0.01)), new double[][] {
            {0.4245, -1.7735, 1.548}, {0.288105475, -2.382406725, 0.8500216},
            {0.10676182055250243, -3.545626551107523, 0.09873734635334408}});
    }

    @Test
    void adamWithDefaultsMatchesPyTorch() {
        assertSteps(threeSteps(p -> new Adam(p, 0.1)), new double[][] {
            {0.40000000133333335, -1.5999999996363636, 1.9000000002222222},
            {0.3005351952555577, -1.7001357163656936, 1.8003383330092992},
            {0.20183804687791496, -1.8004970224744266, 1.7012581445123385}});
    }

    @Test
    void adamWithL2WeightDecayMatchesPyTorch() {
        assertSteps(threeSteps(p -> new Adam(p, 0.1).betas(0.8, 0.99).eps(1e-6).weightDecay(0.05)), new double[][] {
            {0.4000001290320916, -1.5999999626168364, 1.9000000217391257},
            {0.30090428297016664, -1.7004260643185498, 1.8005760999876441},
            {0.20313179428924966, -1.8015400104085308, 1.7021317990320133}});
    }

    @Test
    void adamWDecouplesWeightDecayAsPyTorch() {
        assertSteps(threeSteps(p -> new AdamW(p, 0.1)), new double[][] {
            {0.3995000013333333, -1.5984999996363636, 1.8980000002222222},
            {0.2996391771488782, -1.697037281208903, 1.7964493404238915},
            {0.20064920266226915, -1.7957014894119518, 1.6955969842566503}});
        assertSteps(threeSteps(p -> new AdamW(p, 0.05).weightDecay(0.3)), new double[][] {
            {0.44250000066666667, -1.5274999998181817, 1.920000000111111},
            {0.385995227097738, -1.5546208055449806, 1.8413265979457818},
            {0.33054280276971965, -1.5813892556142606, 1.764046423127312}});
    }

    @Test
    void scalarValuesAndArrayBlocksTakeTheSameSteps() {
        List<Value> values = List.of(Value.of(0.5), Value.of(-1.5), Value.of(2.0));
        Optimizer opt = new Adam(Parameters.of(values), 0.1);
        for (int k = 0; k < 3; k++) {
            opt.zeroGrad();
            Value loss = Value.sum(values.stream().map(p -> p.mul(p).mul(p).mul(1.0 / 3).add(p.mul(0.5))).toList());
            loss.backward();
            opt.step();
        }
        double[][] blocks = threeSteps(p -> new Adam(p, 0.1));
        for (int i = 0; i < 3; i++) {
            assertThat(values.get(i).data()).isCloseTo(blocks[2][i], within(1e-13));
        }
    }

    @Test
    void concatenatedBlocksReadAndWriteInOrder() {
        ArrayBlock a = new ArrayBlock(1, 2);
        Value v = Value.of(3);
        ArrayBlock c = new ArrayBlock(4);
        Parameters all = Parameters.concat(List.of(a, Parameters.of(v), c));
        double[] data = new double[4];
        all.readData(data, 0);
        assertThat(all.size()).isEqualTo(4);
        assertThat(data).containsExactly(1, 2, 3, 4);
        all.writeData(new double[] {9, 8, 7, 6}, 0);
        assertThat(a.data).containsExactly(9, 8);
        assertThat(v.data()).isEqualTo(7);
        assertThat(c.data).containsExactly(6);
    }

    @Test
    void schedulesFollowTheirFormulas() {
        Schedule micrograd = Schedule.linear(0.1, 100);
        for (int k = 0; k < 100; k += 7) {
            assertThat(1.0 * micrograd.factor(k)).isCloseTo(1.0 - 0.9 * k / 100, within(1e-15));
        }
        assertThat(micrograd.factor(500)).isCloseTo(0.1, within(1e-15));
        assertThat(Schedule.step(10, 0.5).factor(25)).isEqualTo(0.25);
        assertThat(Schedule.cosine(0, 100).factor(50)).isCloseTo(0.5, within(1e-15));
        assertThat(Schedule.cosine(0.2, 100).factor(100)).isCloseTo(0.2, within(1e-15));
        assertThat(Schedule.constant().factor(1234)).isEqualTo(1);
    }

    @Test
    void schedulesCountStepsBeyondTheRangeOfAnInt() {
        long steps = 3_000_000_000L;
        assertThat(Schedule.linear(0.1, steps).factor(steps / 2)).isCloseTo(0.55, within(1e-15));
        assertThat(Schedule.linear(0.1, steps).factor(steps)).isCloseTo(0.1, within(1e-15));
        assertThat(Schedule.step(steps / 4, 0.5).factor(steps / 2 + 1)).isEqualTo(0.25);
        assertThat(Schedule.cosine(0, steps).factor(steps / 2)).isCloseTo(0.5, within(1e-15));
        assertThat(Schedule.cosine(0, steps).factor(Long.MAX_VALUE)).isCloseTo(0, within(1e-15));
        assertThatThrownBy(() -> Schedule.linear(0.1, 0)).hasMessage("a schedule needs at least 1 step, got 0");
    }

    @Test
    void theOptimizerUsesTheScheduledRateAtEachStep() {
        ArrayBlock p = new ArrayBlock(0);
        Optimizer opt = new Sgd(p, 2.0).schedule(Schedule.linear(0.1, 100));
        for (int k = 0; k < 3; k++) {
            assertThat(opt.learningRate()).isCloseTo(2.0 * (1 - 0.9 * k / 100), within(1e-15));
            p.grad[0] = 1;
            opt.step();
        }
        assertThat(p.data[0]).isCloseTo(-(2.0 + 1.982 + 1.964), within(1e-12));
    }

    @Test
    void badSettingsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> new Sgd(new ArrayBlock(1), -1)).hasMessageContaining("learning rate");
        assertThatThrownBy(() -> new Sgd(new ArrayBlock(1), 0.1).momentum(1.5)).hasMessage("momentum must be in [0.0, 1.0), got 1.5");
        assertThatThrownBy(() -> new Sgd(new ArrayBlock(1), 0.1).weightDecay(-1)).hasMessage("weight decay must be ≥ 0.0, got -1.0");
        assertThatThrownBy(() -> new Adam(new ArrayBlock(1), 0.1).betas(1.0, 0.9)).hasMessageContaining("beta1");
    }

    @Test
    void aSettingChangedAfterTheFirstStepIsRefused() {
        Sgd sgd = new Sgd(new ArrayBlock(1), 0.1);
        sgd.step();
        assertThatThrownBy(() -> sgd.momentum(0.9)).isInstanceOf(IllegalStateException.class)
                .hasMessage("set momentum before the first step; 1 steps were taken");
        AdamW adamw = new AdamW(new ArrayBlock(1), 0.1);
        adamw.step();
        assertThatThrownBy(() -> adamw.weightDecay(0)).isInstanceOf(IllegalStateException.class);
    }
}
