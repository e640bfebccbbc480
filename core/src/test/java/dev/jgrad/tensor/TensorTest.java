package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jgrad.engine.Anomaly;
import dev.jgrad.engine.NoGrad;
import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void broadcastingFollowsNumpy() {
        Tensor a = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Tensor col = Tensor.of(new double[] {10, 20}, 2, 1);
        assertThat(a.add(col).data()).containsExactly(11, 12, 13, 24, 25, 26);
        assertThat(a.mul(Tensor.of(new double[] {1, 0, -1}, 3)).data()).containsExactly(1, 0, -3, 4, 0, -6);
        assertThat(Tensor.of(new double[] {1, 2}, 2, 1).add(Tensor.of(new double[] {1, 2, 3}, 1, 3)).shape())
                .containsExactly(2, 3);
    }

    @Test
    void shapeMismatchesNameTheOpAndBothShapes() {
        Tensor a = Tensor.zeros(2, 3);
        assertThatThrownBy(() -> a.add(Tensor.zeros(2))).hasMessage("add: shapes [2, 3] and [2] cannot broadcast");
        assertThatThrownBy(() -> a.matmul(Tensor.zeros(2, 3)))
                .hasMessageStartingWith("matmul: shapes [2, 3] and [2, 3] do not chain");
        assertThatThrownBy(() -> a.reshape(4, 2)).hasMessageStartingWith("reshape: shapes [2, 3] and [4, 2]");
        assertThatThrownBy(() -> a.sum(2, false)).hasMessageContaining("axis 2 is out of range for shape [2, 3]");
    }

    @Test
    void compositesNameThemselvesInShapeErrors() {
        Tensor a = Tensor.zeros(2, 3);
        Tensor b = Tensor.zeros(2);
        assertThatThrownBy(() -> a.sub(b)).hasMessage("sub: shapes [2, 3] and [2] cannot broadcast");
        assertThatThrownBy(() -> a.div(b)).hasMessage("div: shapes [2, 3] and [2] cannot broadcast");
        assertThatThrownBy(() -> a.mse(b)).hasMessage("mse: shapes [2, 3] and [2] cannot broadcast");
    }

    @Test
    void aTensorOfAClosedStepRefusesToBeReadOrUsed() {
        Tensor w = Tensor.of(new double[] {1, 2, 3}, 3).requireGrad();
        Tensor p;
        Tensor l;
        try (Arena step = Arena.open()) {
            p = w.mul(2);
            l = p.sum();
            l.backward();
        }
        // the next step takes p's old array for this product, which is why reading p must fail
        try (Arena step = Arena.open()) {
            w.mul(100).add(7);
        }
        assertThatThrownBy(p::data).hasMessageStartingWith("data: tensor belonged to a step whose Arena has closed");
        assertThatThrownBy(() -> p.add(1)).hasMessageStartingWith("add: tensor belonged to a step");
        assertThatThrownBy(l::item).hasMessageStartingWith("item: tensor belonged to a step");
        assertThatThrownBy(l::backward).hasMessageStartingWith("backward: tensor belonged to a step");
        assertThat(w.data()).containsExactly(1, 2, 3);
        assertThat(w.grad()).containsExactly(2, 2, 2);
    }

    @Test
    void anInnerScopeJoinsTheOpenStepAndClosingTwiceFreesNothingTwice() {
        Tensor w = Tensor.of(new double[] {1, 2}, 2).requireGrad();
        Tensor x;
        try (Arena outer = Arena.open()) {
            try (Arena inner = Arena.open()) {
                x = w.mul(3);
            }
            assertThat(x.data()).containsExactly(3, 6);
            outer.close();
        }
        try (Arena step = Arena.open()) {
            Tensor y = w.mul(5);
            Tensor z = w.mul(7);
            assertThat(y.data()).containsExactly(5, 10);
            assertThat(z.data()).containsExactly(7, 14);
        }
        assertThat(Arena.isOpen()).isFalse();
    }

    @Test
    void constantsAndParametersMadeInAStepOutliveIt() {
        Tensor c;
        Tensor w;
        try (Arena step = Arena.open()) {
            c = Tensor.of(new double[] {4, 5}, 2);
            w = Tensor.zeros(2).requireGrad();
            w.mul(c).sum().backward();
        }
        assertThat(c.data()).containsExactly(4, 5);
        assertThat(w.grad()).containsExactly(4, 5);
    }

    @Test
    void gradientsAccumulateAcrossBackwardCallsUntilZeroed() {
        Tensor w = Tensor.of(new double[] {1, 2}, 2).requireGrad();
        w.mul(3).sum().backward();
        w.mul(3).sum().backward();
        assertThat(w.grad()).containsExactly(6, 6);
        w.zeroGrad();
        w.square().sum().backward();
        assertThat(w.grad()).containsExactly(2, 4);
    }

    @Test
    void aTensorUsedTwiceReceivesBothShares() {
        Tensor x = Tensor.of(new double[] {3}, 1).requireGrad();
        x.mul(x).add(x).sum().backward();
        assertThat(x.grad()).containsExactly(7);
    }

    @Test
    void noGradScopeRecordsNothing() {
        Tensor w = Tensor.of(new double[] {1, 2}, 2).requireGrad();
        Tensor y;
        try (NoGrad scope = NoGrad.enter()) {
            y = w.mul(2).sum();
        }
        assertThat(y.requiresGrad()).isFalse();
        assertThat(y.item()).isEqualTo(6);
        assertThatThrownBy(y::backward).isInstanceOf(IllegalStateException.class).hasMessageContaining("under NoGrad");
        assertThat(w.grad()).containsExactly(0, 0);
    }

    @Test
    void anomalyScopeStopsAtTheFirstNonFiniteResult() {
        Tensor x = Tensor.of(new double[] {1, 0}, 2).requireGrad();
        assertThat(x.log().data()[1]).isEqualTo(Double.NEGATIVE_INFINITY);
        try (Anomaly scope = Anomaly.detect()) {
            assertThatThrownBy(x::log).isInstanceOf(ArithmeticException.class)
                    .hasMessageStartingWith("anomaly: log produced -Infinity from inputs of shape [2]");
        }
    }

    @Test
    void compositesComputeTheirDefinitions() {
        Tensor x = Tensor.of(new double[] {-3, 0.5, 2}, 3);
        double[] s = x.sigmoid().data();
        assertThat(s[0]).isCloseTo(1 / (1 + Math.exp(3)), within(1e-15));
        assertThat(x.div(Tensor.of(new double[] {2, 4, 8}, 3)).data()).containsExactly(-1.5, 0.125, 0.25);
        assertThat(x.mean().item()).isCloseTo(-0.5 / 3, within(1e-15));
        assertThat(x.softmax(0).sum().item()).isCloseTo(1, within(1e-15));
        assertThat(x.mse(Tensor.scalar(1)).item()).isCloseTo((16 + 0.25 + 1) / 3, within(1e-15));
    }

    @Test
    void crossEntropyStaysFiniteForLargeLogits() {
        Tensor logits = Tensor.of(new double[] {1000, 0, -1000, 0, 1000, 1000}, 2, 3).requireGrad();
        Tensor loss = logits.crossEntropy(new int[] {0, 1});
        // row 0: loss 0; row 1: log(e^0 + 2e^1000) − 1000 = ln 2, softmax [0, ½, ½]
        assertThat(loss.item()).isCloseTo(Math.log(2) / 2, within(1e-15));
        loss.backward();
        assertThat(logits.grad()).containsExactly(0, 0, 0, 0, -0.25, 0.25);
    }

    @Test
    void crossEntropyMatchesTheScalarFormula() {
        double[] z = {0.3, -1.2, 2.0, 0.7, 0.1, -0.4};
        Tensor loss = Tensor.of(z, 2, 3).crossEntropy(new int[] {2, 0});
        double r0 = Math.log(Math.exp(0.3) + Math.exp(-1.2) + Math.exp(2.0)) - 2.0;
        double r1 = Math.log(Math.exp(0.7) + Math.exp(0.1) + Math.exp(-0.4)) - 0.7;
        assertThat(loss.item()).isCloseTo((r0 + r1) / 2, within(1e-15));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void tanhStaysWithinSixUlpOfMathTanh(long seed) {
        dev.jgrad.base.Rng rng = new dev.jgrad.base.Rng(seed);
        for (int i = 0; i < 50_000; i++) {
            double x = rng.nextDouble(-25, 25) * Math.pow(10, -rng.nextInt(10));
            assertThat(Elementwise.tanh(x)).as("tanh(%s)", x).isCloseTo(Math.tanh(x), within(6 * Math.ulp(Math.tanh(x))));
        }
        assertThat(Elementwise.tanh(-0.0)).isEqualTo(-0.0);
        assertThat(Elementwise.tanh(Double.NaN)).isNaN();
        assertThat(Elementwise.tanh(Double.POSITIVE_INFINITY)).isEqualTo(1);
    }

    /** tanh as it was first written (Math.rint, 2^k and the sign from bits): rounding and 2^k in doubles give its bits. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void tanhIsTheBitsOfItsFirstForm(long seed) {
        dev.jgrad.base.Rng rng = new dev.jgrad.base.Rng(seed);
        for (int i = 0; i < 200_000; i++) {
            double x = i < 4400 ? (i - 2200) / 100.0 : rng.nextDouble(-25, 25) * Math.pow(10, -rng.nextInt(6));
            assertThat(Elementwise.tanh(x)).as("tanh(%s)", x).isEqualTo(firstTanh(x));
            double t = -Math.abs(x) * 1.7;
            if (t >= -41) {
                assertThat(Elementwise.expOfNonPositive(t)).as("exp(%s)", t).isEqualTo(firstExp(t));
            }
        }
    }

    private static double firstTanh(double x) {
        double ax = Math.abs(x);
        if (ax < 0.55) {
            double y = x * x;
            return x * (2027025 + y * (270270 + y * (6930 + y * 36))) / (2027025 + y * (945945 + y * (51975 + y * (630 + y))));
        }
        if (ax > 20) {
            return Math.copySign(1, x);
        }
        double e = firstExp(-2 * ax);
        return Math.copySign((1 - e) / (1 + e), x);
    }

    private static double firstExp(double t) {
        double k = Math.rint(t * 1.4426950408889634);
        double r = (t - k * 0.6931471803691238) - k * 1.9082149292705877e-10;
        double[] c = {1.6059043836821613e-10, 2.08767569878681e-09, 2.505210838544172e-08, 2.755731922398589e-07,
            2.7557319223985893e-06, 2.48015873015873e-05, 1.984126984126984e-04, 1.388888888888889e-03, 8.333333333333333e-03,
            4.1666666666666664e-02, 0.16666666666666666, 0.5, 1, 1};
        double p = c[0];
        for (int i = 1; i < c.length; i++) {
            p = p * r + c[i];
        }
        return p * Double.longBitsToDouble((long) (k + 1023) << 52);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3})
    void tanhsExponentialStaysWithinTwoUlpOfStrictMath(long seed) {
        dev.jgrad.base.Rng rng = new dev.jgrad.base.Rng(seed);
        for (int i = 0; i < 50_000; i++) {
            double t = -rng.nextDouble(0, 41) * Math.pow(10, -rng.nextInt(4));
            double e = StrictMath.exp(t);
            assertThat(Elementwise.expOfNonPositive(t)).as("exp(%s)", t).isCloseTo(e, within(2 * Math.ulp(e)));
        }
        assertThat(Elementwise.expOfNonPositive(0)).isEqualTo(1);
        assertThat(Elementwise.expOfNonPositive(-41)).isCloseTo(StrictMath.exp(-41), within(2 * Math.ulp(StrictMath.exp(-41))));
    }

    @org.junit.jupiter.api.Test
    void aNegativeDimensionIsRefusedEvenWhenTheSizeWouldFit() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tensor.of(new double[0], 0, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("of: shape [0, -1] has a negative dimension");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tensor.zeros(2, -3))
                .hasMessage("zeros: shape [2, -3] has a negative dimension");
        assertThat(Tensor.of(new double[0], 0, 3).size()).isZero();
    }
}
