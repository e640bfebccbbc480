package dev.jgrad.loss;

import dev.jgrad.engine.Value;
import dev.jgrad.tensor.Tensor;
import java.util.List;

/**
 * The weight penalty added to a data loss: β·Σ|p| (L1, which pulls every weight towards 0 by the same
 * amount and so zeroes the ones the data does not need) and α·Σp² (L2, which keeps every weight
 * small). A weight of 0 leaves its term out. The scalar engine's graph, the tensor engine's and the
 * plain sum a measurement reads stand here together, adding the same terms in the same order.
 *
 * @param l1 β, a finite number ≥ 0
 * @param l2 α, a finite number ≥ 0
 */
public record Penalty(double l1, double l2) {
    /** No penalty: the data loss alone. */
    public static final Penalty NONE = new Penalty(0, 0);

    /**
     * Refuses a negative weight (it would reward large weights), NaN and ∞.
     *
     * @param l1 β, a finite number ≥ 0
     * @param l2 α, a finite number ≥ 0
     * @throws IllegalArgumentException for a negative, NaN or infinite weight
     */
    public Penalty {
        check("L2", l2);
        check("L1", l1);
    }

    /** A penalty's weight: a finite number ≥ 0. */
    static void check(String penalty, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the " + penalty + " weight must be a finite number ≥ 0, got " + weight);
        }
    }

    /**
     * {@code loss} + β·Σ|p| + α·Σp² as a scalar graph over {@code parameters}, L1's term added first.
     *
     * @param loss the data loss, a graph node
     * @param parameters the weights the penalty reads, as graph leaves
     * @return the loss with the penalty's terms added (the loss itself when both weights are 0)
     */
    public Value addTo(Value loss, List<Value> parameters) {
        Value total = loss;
        if (l1 > 0) {
            total = total.add(Losses.l1(parameters, l1));
        }
        return l2 > 0 ? total.add(Losses.l2(parameters, l2)) : total;
    }

    /**
     * {@link #addTo(Value, List)} on the tensor engine, each term summed tensor by tensor.
     *
     * @param loss the data loss, a 0-dimensional tensor
     * @param parameters the weight tensors the penalty reads
     * @return the loss with the penalty's terms added (the loss itself when both weights are 0)
     */
    public Tensor addTo(Tensor loss, List<Tensor> parameters) {
        Tensor total = loss;
        if (l1 > 0) {
            Tensor sum = null;
            for (Tensor p : parameters) {
                Tensor s = p.relu().add(p.neg().relu()).sum();
                sum = sum == null ? s : sum.add(s);
            }
            total = total.add(sum.mul(l1));
        }
        if (l2 > 0) {
            Tensor sum = null;
            for (Tensor p : parameters) {
                Tensor s = p.square().sum();
                sum = sum == null ? s : sum.add(s);
            }
            total = total.add(sum.mul(l2));
        }
        return total;
    }

    /**
     * β·Σ|p| + α·Σp² of plain weights, summed in their order (as the scalar graph sums them), without a graph.
     *
     * @param parameters the weights, flat, in the model's parameter order
     * @return the penalty's value (0 when both weights are 0)
     */
    public double of(double[] parameters) {
        if (l1 == 0 && l2 == 0) {
            return 0;
        }
        double sizes = 0;
        double squares = 0;
        for (double v : parameters) {
            sizes += Math.abs(v);
            squares += v * v;
        }
        return (l1 > 0 ? sizes * l1 : 0) + (l2 > 0 ? squares * l2 : 0);
    }
}
