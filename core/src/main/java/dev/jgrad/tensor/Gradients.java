package dev.jgrad.tensor;

import dev.jgrad.engine.Anomaly;
import dev.jgrad.engine.NoGrad;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Tensor#gradients}: the reverse sweep of {@link Backward}, but each local rule is written with
 * tensor operations ({@link #chain}), so with {@code createGraph} the gradients are graphs over the same
 * parameters and can be differentiated again: a Hessian-vector product is the gradient of
 * ⟨gradient, v⟩. Shares meeting at a tensor are added with {@link Tensor#add}. Beside Backward, not in
 * it: backward's fast loops over pooled buffers stay as they are; here every step is an ordinary op.
 */
final class Gradients {
    private Gradients() {
    }

    static List<Tensor> of(Tensor output, List<Tensor> inputs, boolean createGraph) {
        if (output.size() != 1) {
            throw new IllegalStateException("gradients: needs a single number, got shape " + Arrays.toString(output.shape));
        }
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        try (NoGrad scope = createGraph ? null : NoGrad.enter()) {
            if (output.requiresGrad) {
                Tensor[] order = Backward.order(output);
                grads.put(output, ones(output.shape));
                for (int i = order.length - 1; i >= 0; i--) {
                    Tensor node = order[i];
                    Tensor g = grads.get(node);
                    if (node.fn != null && g != null) {
                        share(node, rule(node, g), grads);
                    }
                }
            }
            List<Tensor> result = new ArrayList<>(inputs.size());
            for (Tensor in : inputs) {
                Tensor g = grads.get(in);
                result.add(g != null ? g : Tensor.zeros(in.shape));
            }
            return result;
        }
    }

    private static void share(Tensor node, Tensor[] shares, Map<Tensor, Tensor> grads) {
        Tensor[] in = node.fn.in;
        for (int j = 0; j < in.length; j++) {
            if (in[j].requiresGrad && shares[j] != null) {
                grads.merge(in[j], shares[j], Tensor::add);
            }
        }
    }

    /** Under an anomaly scope a NaN made while building a share is said to come from this op's rule. */
    private static Tensor[] rule(Tensor node, Tensor g) {
        if (!Anomaly.isActive()) {
            return chain(node, g);
        }
        try {
            return chain(node, g);
        } catch (ArithmeticException e) {
            throw new ArithmeticException("anomaly: backward of " + node.fn.name() + " failed: " + e.getMessage());
        }
    }

    /** Each primitive's local rule as tensor operations: the share of each input (null: none needed). */
    static Tensor[] chain(Tensor out, Tensor g) {
        Function f = out.fn;
        Tensor a = f.in[0];
        if (f instanceof Elementwise.Add) {
            return new Tensor[] {g, g};
        } else if (f instanceof Elementwise.Mul) {
            Tensor b = f.in[1];
            return new Tensor[] {a.requiresGrad ? g.mul(b) : null, b.requiresGrad ? g.mul(a) : null};
        } else if (f instanceof Affine.Node affine) {
            return affine.chain(out, g);
        } else if (f instanceof MatMul) {
            Tensor b = f.in[1];
            return new Tensor[] {a.requiresGrad ? g.matmul(b.transpose()) : null,
                b.requiresGrad ? a.transpose().matmul(g) : null};
        }
        Tensor moved = movement(f, a, g);
        return new Tensor[] {moved != null ? moved : unary(out, a, g)};
    }

    /** The elementwise functions' rules: g times the local derivative, as a graph. */
    private static Tensor unary(Tensor out, Tensor a, Tensor g) {
        Function f = out.fn;
        if (f instanceof Elementwise.Neg) {
            return g.neg();
        } else if (f instanceof Elementwise.Exp) {
            return out.mul(g);
        } else if (f instanceof Elementwise.Log) {
            return g.div(a);
        } else if (f instanceof Elementwise.Reciprocal) {
            return g.neg().mul(out).mul(out);
        } else if (f instanceof Elementwise.Relu) {
            // a constant mask: relu's second derivative is 0, as PyTorch's; data(): float32 tensors keep floats, not data
            return g.mul(mask(a.shape, a.data(), null));
        } else if (f instanceof Elementwise.Tanh) {
            return out.mul(out).neg().add(1).mul(g);
        }
        throw new UnsupportedOperationException("gradients: no graph rule for " + f.name());
    }

    /** Reductions and movements: g routed back to where each entry came from (null for any other op). */
    private static Tensor movement(Function f, Tensor a, Tensor g) {
        if (f instanceof Reduce.Sum) {
            return g.expand(a.shape);
        } else if (f instanceof Reduce.Max max) {
            return g.expand(a.shape).mul(mask(a.shape, null, max.argmax));
        } else if (f instanceof Movement.Reshape) {
            return g.reshape(a.shape);
        } else if (f instanceof Movement.Permute p) {
            int[] inverse = new int[p.order.length];
            for (int i = 0; i < inverse.length; i++) {
                inverse[p.order[i]] = i;
            }
            return g.permute(inverse);
        } else if (f instanceof Movement.Expand) {
            return unexpand(g, a.shape);
        }
        return null;
    }

    /** Expand's rule: g summed over the axes the expansion repeated, back to {@code shape}. */
    private static Tensor unexpand(Tensor g, int[] shape) {
        int lead = g.shape.length - shape.length;
        Tensor s = g;
        for (int i = 0; i < g.shape.length; i++) {
            if ((i < lead || shape[i - lead] == 1) && g.shape[i] != 1) {
                s = s.sum(i, true);
            }
        }
        return s.reshape(shape);
    }

    /** A constant of 0s and 1s: 1 where {@code data} is positive, or at the positions {@code at}. */
    static Tensor mask(int[] shape, double[] data, int[] at) {
        double[] m = new double[Shape.size(shape)];
        if (data != null) {
            for (int i = 0; i < m.length; i++) {
                m[i] = data[i] > 0 ? 1 : 0;
            }
        } else {
            for (int i : at) {
                m[i] = 1;
            }
        }
        return new Tensor(m, shape.clone(), null);
    }

    private static Tensor ones(int[] shape) {
        double[] d = new double[Shape.size(shape)];
        Arrays.fill(d, 1);
        return new Tensor(d, shape.clone(), null);
    }
}
