package dev.jgrad.optim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgrad.base.Rng;
import dev.jgrad.tensor.DType;
import dev.jgrad.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A float32 parameter is stepped as PyTorch (1.13) steps a float32 tensor: state in float32, every operation of the
 * rule rounded to float32, the coefficients worked out in double and rounded once. The oracle is PyTorch's lines
 * transcribed one number at a time (float arithmetic in Java is IEEE's, as PyTorch's kernels without FMA are).
 */
class FloatStepTest {
    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String rule : List.of("adam", "adam-l2", "adamw", "sgd", "sgd-momentum")) {
            for (int n : new int[] {1, 17, 300}) {
                all.add(Arguments.of(rule, n, 31L * n + rule.length()));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}, {1} numbers, seed {2}")
    @MethodSource("cases")
    void aFloat32ParameterIsSteppedInFloat32AsPyTorchSteps(String rule, int n, long seed) {
        Rng rng = new Rng(seed);
        double[] start = new double[n];
        for (int i = 0; i < n; i++) {
            start[i] = rng.nextGaussian();
        }
        Tensor w = Tensor.of(start, n).to(DType.FLOAT32).requireGrad();
        Optimizer opt = optimizer(rule, Parameters.ofTensors(List.of(w)));
        Reference ref = new Reference(rule, w.data());
        for (int step = 1; step <= 6; step++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = rng.nextGaussian() * Math.pow(10, rng.nextInt(7) - 4);
            }
            opt.zeroGrad();
            w.mul(Tensor.of(c, n).to(DType.FLOAT32)).sum().add(w.square().sum().mul(0.25)).backward();
            ref.step(w.grad(), step);
            opt.step();
            assertThat(w.data()).as("step %d", step).containsExactly(ref.p());
        }
    }

    /** Each dtype's state is its own: a float32 and a float64 tensor in one optimizer step as each would alone. */
    @ParameterizedTest(name = "{0}, {1} numbers, seed {2}")
    @MethodSource("cases")
    void tensorsOfBothDtypesInOneOptimizerStepAsEachAlone(String rule, int n, long seed) {
        Rng rng = new Rng(seed);
        double[] a = new double[n], b = new double[n + 3];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextGaussian();
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextGaussian();
        }
        Tensor[] both = {Tensor.of(a, n).to(DType.FLOAT32).requireGrad(), Tensor.of(b, n + 3).requireGrad(),
            Tensor.of(b, n + 3).to(DType.FLOAT32).requireGrad()};
        Tensor[] alone = {Tensor.of(a, n).to(DType.FLOAT32).requireGrad(), Tensor.of(b, n + 3).requireGrad(),
            Tensor.of(b, n + 3).to(DType.FLOAT32).requireGrad()};
        List<Optimizer> opts = List.of(optimizer(rule, Parameters.ofTensors(List.of(both))),
                optimizer(rule, Parameters.ofTensors(List.of(alone[0]))), optimizer(rule, Parameters.ofTensors(List.of(alone[1]))),
                optimizer(rule, Parameters.ofTensors(List.of(alone[2]))));
        for (int step = 0; step < 4; step++) {
            for (Optimizer o : opts) {
                o.zeroGrad();
            }
            for (Tensor[] ts : List.of(both, alone)) {
                for (Tensor t : ts) {
                    t.square().sum().add(t.tanh().sum()).backward();
                }
            }
            for (Optimizer o : opts) {
                o.step();
            }
            for (int i = 0; i < both.length; i++) {
                assertThat(both[i].data()).as("step %d, tensor %d", step, i).containsExactly(alone[i].data());
            }
        }
    }

    private static Optimizer optimizer(String rule, Parameters ps) {
        return switch (rule) {
            case "adam" -> new Adam(ps, 0.01);
            case "adam-l2" -> new Adam(ps, 0.01).weightDecay(0.05);
            case "adamw" -> new AdamW(ps, 0.01).weightDecay(0.1);
            case "sgd" -> new Sgd(ps, 0.07).weightDecay(0.03);
            default -> new Sgd(ps, 0.07).momentum(0.9).weightDecay(0.03);
        };
    }

    /** torch.optim's single-tensor loops, float32 tensors, Python floats for the hyperparameters. */
    private static final class Reference {
        private final String rule;
        private final float[] p;
        private final float[] m;
        private final float[] v;

        Reference(String rule, double[] start) {
            this.rule = rule;
            p = new float[start.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = (float) start[i];
            }
            m = new float[p.length];
            v = new float[p.length];
        }

        double[] p() {
            double[] d = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                d[i] = p[i];
            }
            return d;
        }

        void step(double[] grad, int t) {
            for (int i = 0; i < p.length; i++) {
                float g = (float) grad[i];
                if (rule.startsWith("sgd")) {
                    sgd(i, g, t);
                } else {
                    adam(i, g, t);
                }
            }
        }

        private void sgd(int i, float g, int t) {
            double lr = 0.07, weightDecay = 0.03, momentum = 0.9;
            float d = g + (float) weightDecay * p[i];          // d_p = d_p.add(param, alpha=weight_decay)
            if (rule.equals("sgd-momentum")) {
                m[i] = t == 1 ? d : m[i] * (float) momentum + d; // buf = clone(d_p), then buf.mul_(momentum).add_(d_p)
                d = m[i];
            }
            p[i] = p[i] + (float) -lr * d;                     // param.add_(d_p, alpha=-lr)
        }

        private void adam(int i, float g, int t) {
            double lr = 0.01, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
            if (rule.equals("adamw")) {
                p[i] = p[i] * (float) (1 - lr * 0.1);          // param.mul_(1 - lr * weight_decay)
            } else if (rule.equals("adam-l2")) {
                g = g + (float) 0.05 * p[i];                   // grad = grad.add(param, alpha=weight_decay)
            }
            m[i] = m[i] * (float) beta1 + (float) (1 - beta1) * g;       // exp_avg.mul_(beta1).add_(grad, alpha=1 - beta1)
            v[i] = v[i] * (float) beta2 + (float) (1 - beta2) * g * g;   // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
            double stepSize = lr / (1 - StrictMath.pow(beta1, t));        // step_size = lr / bias_correction1
            double root = Math.sqrt(1 - StrictMath.pow(beta2, t));        // bias_correction2_sqrt
            float denom = (float) Math.sqrt(v[i]) / (float) root + (float) eps; // (exp_avg_sq.sqrt() / bc2_sqrt).add_(eps)
            p[i] = p[i] + (float) -stepSize * m[i] / denom;              // param.addcdiv_(exp_avg, denom, value=-step_size)
        }
    }
}
