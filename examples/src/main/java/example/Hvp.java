package example;

import dev.jgrad.base.Rng;
import dev.jgrad.data.Batch;
import dev.jgrad.data.Datasets;
import dev.jgrad.loss.Loss;
import dev.jgrad.loss.Penalty;
import dev.jgrad.nn.Activation;
import dev.jgrad.nn.Init;
import dev.jgrad.nn.Network;
import dev.jgrad.nn.TensorMLP;
import dev.jgrad.tensor.Tensor;
import java.util.List;

/**
 * A Hessian-vector product of the post's circle network (2 → 9 tanh → 1 tanh, squared error) on the
 * tensor engine, reverse over reverse: H·v is the gradient of ⟨∇loss, v⟩, and ∇loss comes from
 * Tensor.gradients with createGraph. Checked against a central difference of the gradient, then used
 * by power iteration to find the loss surface's sharpest curvature (the Hessian's largest eigenvalue).
 */
public final class Hvp {
    private final TensorMLP model = new TensorMLP(Network.initialise(2, List.of(9, 1),
            List.of(Activation.TANH, Activation.TANH), Init.UNIFORM, new Rng(1)));
    private final Batch batch = Datasets.circle(300, 0, new Rng(2)).batch();
    private final List<Tensor> ps = model.parameters();

    /** ⟨a, b⟩ over every parameter. */
    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    double[] gradient() {
        return flat(Tensor.gradients(model.loss(batch, Loss.MSE, Penalty.NONE), ps, false));
    }

    double[] hvp(double[] v) {
        List<Tensor> grads = Tensor.gradients(model.loss(batch, Loss.MSE, Penalty.NONE), ps, true);
        Tensor inner = null;
        int at = 0;
        for (int i = 0; i < ps.size(); i++) {
            double[] part = java.util.Arrays.copyOfRange(v, at, at + ps.get(i).size());
            Tensor term = grads.get(i).mul(Tensor.of(part, ps.get(i).shape())).sum();
            inner = inner == null ? term : inner.add(term);
            at += part.length;
        }
        return flat(Tensor.gradients(inner, ps, false));
    }

    /** The gradient at the parameters moved by step · v (and moved back). */
    double[] gradientAt(double[] v, double step) {
        double[] theta = flat(ps.stream().map(p -> Tensor.of(p.data(), p.shape())).toList());
        double[] moved = theta.clone();
        for (int i = 0; i < moved.length; i++) {
            moved[i] += step * v[i];
        }
        set(moved);
        double[] g = gradient();
        set(theta);
        return g;
    }

    private void set(double[] all) {
        int at = 0;
        for (Tensor p : ps) {
            p.setData(all, at);
            at += p.size();
        }
    }

    static double[] flat(List<Tensor> ts) {
        return ts.stream().flatMapToDouble(t -> java.util.Arrays.stream(t.data())).toArray();
    }

    public static void main(String[] args) {
        Hvp h = new Hvp();
        Rng random = new Rng(3);
        double[] v = new double[h.gradient().length];
        for (int i = 0; i < v.length; i++) {
            v[i] = random.nextDouble(-1, 1);
        }
        double[] hv = h.hvp(v);
        double[] plus = h.gradientAt(v, 1e-5);
        double[] minus = h.gradientAt(v, -1e-5);
        double worst = 0;
        for (int i = 0; i < hv.length; i++) {
            worst = Math.max(worst, Math.abs(hv[i] - (plus[i] - minus[i]) / 2e-5));
        }
        System.out.printf("circle network, %d parameters: |H·v − central difference| ≤ %.1e%n", v.length, worst);
        double lambda = 0;
        for (int iteration = 0; iteration < 50; iteration++) {
            double norm = Math.sqrt(dot(v, v));
            for (int i = 0; i < v.length; i++) {
                v[i] /= norm;
            }
            double[] next = h.hvp(v);
            lambda = dot(v, next);
            v = next;
        }
        System.out.printf("the Hessian's largest eigenvalue (power iteration): %.6f, so plain gradient descent "
                + "diverges along it above a learning rate of 2/λ = %.3f%n", lambda, 2 / lambda);
        if (worst > 1e-6) {
            throw new IllegalStateException("the Hessian-vector product disagrees with the central difference");
        }
    }
}
