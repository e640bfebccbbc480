package dev.jgrad.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * zeroGrad leaves the gradient's array as it is and the next backward writes over it: every reader sees
 * zeros in between, and the gradient after it has the bits of one added to a filled array of zeros.
 */
class ZeroGradTest {
    @ParameterizedTest
    @EnumSource(DType.class)
    void afterZeroGradEveryReaderSeesZeros(DType dtype) {
        Tensor w = Tensor.of(new double[] {1, -2, 3}, 3).to(dtype).requireGrad();
        w.mul(w).sum().backward();
        w.zeroGrad();
        assertThat(w.grad()).containsExactly(0, 0, 0);
        double[] copy = {9, 9, 9, 9};
        w.copyGrad(copy, 1);
        assertThat(copy).containsExactly(9, 0, 0, 0);
        double[][] seen = new double[1][];
        new InPlace() {
            @Override
            public void update(double[] data, double[] grad, int at) {
                seen[0] = grad.clone();
            }

            @Override
            public void update(float[] data, double[] grad, int at) {
                seen[0] = grad.clone();
            }
        }.applyTo(w, 0);
        assertThat(seen[0]).containsExactly(0, 0, 0);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void backwardAfterZeroGradGivesTheBitsOfAddingToZeros(DType dtype) {
        Rng rng = new Rng(7);
        double[] c = new double[64];
        for (int i = 0; i < c.length; i++) {
            c[i] = i % 5 == 0 ? -0.0 : rng.nextGaussian();
        }
        Tensor w = Tensor.of(new double[64], 64).to(dtype).requireGrad();
        Tensor k = Tensor.of(c, 64).to(dtype);
        w.mul(k).sum().backward();
        w.mul(k).sum().backward();
        w.zeroGrad();
        w.mul(k).sum().backward();
        double[] expected = new double[64];
        for (int i = 0; i < 64; i++) {
            expected[i] = 0d + k.data()[i];
        }
        assertThat(bits(w.grad())).containsExactly(bits(expected));
        // a second backward adds to what the first wrote
        w.mul(k).sum().backward();
        for (int i = 0; i < 64; i++) {
            expected[i] += k.data()[i];
        }
        assertThat(bits(w.grad())).containsExactly(bits(expected));
    }

    @Test
    void aFloat32ProductsGradientIsWrittenOverTheStaleOne() {
        Rng rng = new Rng(3);
        double[] x = new double[40 * 30], w = new double[30 * 20];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.nextGaussian();
        }
        double[][] grads = new double[2][];
        for (int fresh = 0; fresh < 2; fresh++) {
            Tensor xt = Tensor.of(x, 40, 30).to(DType.FLOAT32);
            Tensor wt = Tensor.of(w, 30, 20).to(DType.FLOAT32).requireGrad();
            if (fresh == 0) {
                try (Arena step = Arena.open()) {
                    xt.matmul(wt).mul(3).sum().backward();
                }
                wt.zeroGrad();
            }
            try (Arena step = Arena.open()) {
                xt.matmul(wt).sum().backward();
            }
            grads[fresh] = wt.grad();
        }
        assertThat(bits(grads[0])).containsExactly(bits(grads[1]));
    }

    /**
     * A float64 product writes a zeroed parameter's gradient in place: the bits of accumulating it, whether the
     * parameter is both operands (x·x), also penalised (a second share), or a fused layer's weight and input.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3})
    void aProductWritingAGradientInPlaceGivesTheAccumulatedBits(int graph) {
        Rng rng = new Rng(11 + graph);
        double[] x = new double[24 * 24], b = new double[24];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        double[][] grads = new double[2][];
        for (int zeroed = 0; zeroed < 2; zeroed++) {
            Tensor xt = Tensor.of(x, 24, 24).requireGrad();
            Tensor bt = Tensor.of(b, 24).requireGrad();
            if (zeroed == 1) {
                try (Arena step = Arena.open()) {
                    loss(graph, xt, bt).mul(7).backward();
                }
                xt.zeroGrad();
                bt.zeroGrad();
            }
            try (Arena step = Arena.open()) {
                loss(graph, xt, bt).backward();
            }
            grads[zeroed] = xt.grad();
        }
        assertThat(bits(grads[1])).containsExactly(bits(grads[0]));
    }

    private static Tensor loss(int graph, Tensor x, Tensor b) {
        Tensor w = Tensor.of(x.data(), 24, 24);
        return switch (graph) {
            case 0 -> w.matmul(x).sum();
            case 1 -> x.matmul(x).sum();
            case 2 -> w.matmul(x).sum().add(x.square().sum().mul(0.5));
            default -> Affine.RELU.apply(x, x, b).sum();
        };
    }

    private static long[] bits(double[] d) {
        long[] b = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            b[i] = Double.doubleToRawLongBits(d[i]);
        }
        return b;
    }
}
