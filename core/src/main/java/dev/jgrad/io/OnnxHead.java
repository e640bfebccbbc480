package dev.jgrad.io;

import dev.jgrad.data.Task;
import dev.jgrad.io.OnnxFile.Node;
import dev.jgrad.loss.Loss;
import java.util.List;
import java.util.Set;

/**
 * What follows an MLP's last layer, and so what the model predicts: PyTorch's Softmax (a
 * cross-entropy classifier), Sigmoid of one output (bce) or nothing (logits, or a regression's
 * value); or the outputs jgrad's exporter writes ({@code label} with {@code probabilities} or
 * {@code scores}, or {@code value} with the target's scaler undone), mapped back to the loss and the
 * target scaler they came from.
 *
 * @param task what the user says the model predicts; null: as the graph says
 */
record OnnxHead(Task task, Set<String> outputs) {
    /** What the head says: the task, the loss of a classifier (null when the graph cannot tell), and a target scaler. */
    record Reading(Task task, Loss loss, double[] target, boolean sigmoid) {
    }

    /** Whether {@code n} is PyTorch's Sigmoid at the end of a classifier (a bce output, not an activation). */
    boolean isOutputFunction(Node n) {
        return n != null && n.op().equals("Sigmoid") && n.outputs().size() == 1 && outputs.contains(OnnxWalk.out(n)) && task != Task.REGRESSION;
    }

    /** Takes the nodes after the last layer of {@code outputs} outputs; refuses what is left over. */
    Reading read(OnnxWalk walk, int width) {
        Reading r = walk.at("ArgMax") || walk.at("Greater") || walk.at("Sub") && width == 1 ? jgradClassifier(walk, width)
                : walk.at("Mul") ? jgradRegression(walk) : pytorch(walk, width);
        walk.skipNoOps();
        if (walk.peek() != null) {
            throw walk.refuse(walk.peek());
        }
        return r;
    }

    private Reading pytorch(OnnxWalk walk, int width) {
        Node n = walk.peek();
        if (n != null && n.op().equals("Softmax") && walk.reads(n)) {
            long axis = OnnxWalk.attribute(n, "axis", -1);
            if (axis != 1 && axis != -1) {
                throw OnnxWalk.refuse(n, "it is taken along axis " + axis + ", not over the classes (axis 1)");
            }
            walk.h = OnnxWalk.out(walk.take("Softmax", walk.h));
            return new Reading(Task.CLASSIFICATION, Loss.CROSS_ENTROPY, null, false);
        }
        if (isOutputFunction(n) && walk.reads(n) && width == 1) {
            walk.h = OnnxWalk.out(walk.take("Sigmoid", walk.h));
            return new Reading(Task.CLASSIFICATION, Loss.BCE, null, false);
        }
        if (n != null && n.op().equals("Sigmoid") && task == Task.REGRESSION) {
            walk.h = OnnxWalk.out(walk.take("Sigmoid", walk.h));
            return new Reading(Task.REGRESSION, null, null, true);
        }
        outputIs(walk);
        Task t = task != null ? task : width == 1 ? Task.REGRESSION : Task.CLASSIFICATION;
        return new Reading(t, t == Task.REGRESSION ? null : width == 1 ? Loss.BCE : Loss.CROSS_ENTROPY, null, false);
    }

    /** PyTorch's graph ends where the chain does: its one output is the last tensor taken. */
    private void outputIs(OnnxWalk walk) {
        walk.skipNoOps();
        if (walk.peek() == null && !(outputs.size() == 1 && outputs.contains(walk.h))) {
            throw new IllegalArgumentException("the graph's outputs " + outputs + " are not its last layer's '" + walk.h
                    + "': jgrad imports MLPs with one output");
        }
    }

    /** value = output · scale + shift, then Identity: {@link OnnxExport}'s regression. */
    private static Reading jgradRegression(OnnxWalk walk) {
        Node mul = walk.take("Mul", walk.h, null);
        Node add = walk.take("Add", OnnxWalk.out(mul), null);
        walk.h = OnnxWalk.out(add);
        return new Reading(Task.REGRESSION, null, new double[] {walk.scalar(add, 1), walk.scalar(mul, 1)}, false);
    }

    /** {@code label} from ArgMax, or from Greater than 0 (after Sub 0.5 for mse); then the probabilities or scores. */
    private static Reading jgradClassifier(OnnxWalk walk, int width) {
        boolean half = false;
        String z = walk.h;
        if (width == 1) {
            if (walk.at("Sub")) {
                Node sub = walk.take("Sub", z, null);
                half = walk.scalar(sub, 1) == 0.5;
                z = OnnxWalk.out(sub);
            }
            Node above = walk.take("Greater", z, null);
            Node cast = walk.take("Cast", OnnxWalk.out(above));
            walk.take("Reshape", OnnxWalk.out(cast), null);
        } else {
            walk.take("ArgMax", z);
        }
        if (walk.at("Softmax")) {
            walk.take("Softmax", z);
            return new Reading(Task.CLASSIFICATION, Loss.CROSS_ENTROPY, null, false);
        }
        if (walk.at("Neg")) {
            Node neg = walk.take("Neg", z);
            String negative = walk.sigmoid(OnnxWalk.out(neg));
            walk.take("Concat", negative, walk.sigmoid(z));
            return new Reading(Task.CLASSIFICATION, Loss.BCE, null, false);
        }
        walk.take("Identity", z);
        Loss scores = width > 1 ? null : half ? Loss.MSE : Loss.HINGE;
        return new Reading(Task.CLASSIFICATION, scores, null, false);
    }

    static List<String> names(List<OnnxFile.Value> values) {
        return values.stream().map(OnnxFile.Value::name).toList();
    }
}
