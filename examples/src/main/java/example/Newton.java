package example;

import dev.jgrad.engine.Value;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Newton's method with gradients of gradients: x ← x − f'(x) / f''(x), where f' is Value.gradients with
 * createGraph, so f' is itself a graph and f'' is its gradient. First DeZero's f(x) = x⁴ − 2x² from x = 2
 * beside plain gradient descent, then the post's tanh neuron, whose w1 is moved until it outputs 0.5.
 */
public final class Newton {
    /** f'(x) and f''(x) at x, the second from the graph of the first. */
    static double[] slopes(UnaryOperator<Value> f, double at) {
        Value x = Value.of(at, "x");
        Value first = Value.gradients(f.apply(x), List.of(x), true).get(0);
        Value second = Value.gradients(first, List.of(x), false).get(0);
        return new double[] {first.data(), second.data()};
    }

    /** Where Newton's method stopped and how many steps it took. */
    record Result(double x, int steps) {
    }

    /** Newton steps until a step moves x by less than 1e-12. */
    static Result newton(String name, UnaryOperator<Value> f, double x) {
        for (int step = 1; step <= 50; step++) {
            double[] d = slopes(f, x);
            double next = x - d[0] / d[1];
            System.out.printf("%s: Newton step %d: x = %.12f%n", name, step, next);
            if (Math.abs(next - x) < 1e-12) {
                return new Result(next, step);
            }
            x = next;
        }
        throw new IllegalStateException(name + ": Newton's method did not converge");
    }

    /** Gradient descent with learning rate lr until x is within 1e-6 of {@code goal}; returns the steps. */
    static int descent(UnaryOperator<Value> f, double x, double lr, double goal) {
        int steps = 0;
        while (Math.abs(x - goal) > 1e-6) {
            Value v = Value.of(x);
            f.apply(v).backward();
            x -= lr * v.grad();
            steps++;
        }
        return steps;
    }

    public static void main(String[] args) {
        UnaryOperator<Value> f = x -> x.pow(4).sub(x.pow(2).mul(2));
        Result newton = newton("x^4 - 2x^2", f, 2);
        int descent = descent(f, 2, 0.01, 1);
        System.out.printf("x^4 - 2x^2 from x = 2: Newton reaches the minimum x = %.6f in %d steps, "
                + "gradient descent (lr 0.01) takes %d%n", newton.x(), newton.steps(), descent);

        // the post's neuron o = tanh(x1·w1 + x2·w2 + b) outputs 0.7071; Newton on (o − 0.5)² as a function of w1
        double x1 = 2, x2 = 0, w2 = 1, b = 6.8813735870195432;
        UnaryOperator<Value> error = w1 -> Value.of(x1).mul(w1).add(Value.of(x2).mul(Value.of(w2))).add(b)
                .tanh().sub(0.5).pow(2);
        Result neuron = newton("the neuron's w1", error, -3);
        double o = StrictMath.tanh(x1 * neuron.x() + x2 * w2 + b);
        System.out.printf("the neuron outputs %.6f with w1 = %.6f, found in %d Newton steps%n", o, neuron.x(), neuron.steps());
        if (newton.steps() > 10 || descent < 100 || Math.abs(o - 0.5) > 1e-6) {
            throw new IllegalStateException("Newton's method should take a handful of steps, descent hundreds");
        }
    }
}
