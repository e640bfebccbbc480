package dev.jgrad.nn;

import dev.jgrad.data.Scaler;
import dev.jgrad.data.Task;
import dev.jgrad.loss.Loss;
import java.util.List;

/**
 * A trained model as a user of its predictions sees it: raw features in (as in the training file),
 * scaled as training scaled them, then the model's outputs, class and probabilities — or, for a
 * regression model, its value in the target's own units. What a model file gives back
 * ({@code ModelFile.load(file).predictor()}) and a finished run offers.
 *
 * <pre>{@code
 * Predictor p = ModelFile.load(Path.of("model.json")).predictor();
 * String species = p.className(5.1, 3.5, 1.4, 0.2);     // a classifier
 * double y = p.value(0.5);                              // a regression model, in the target's units
 * }</pre>
 *
 * @param classes the class names, index by index (none for regression)
 * @param target null for a classifier; for a regression model the one-feature scaler its targets
 *     were scaled by, which its output is unscaled by
 */
public record Predictor(Model model, Scaler scaler, Loss loss, List<String> classes, Scaler target) {

    public Predictor {
        classes = List.copyOf(classes);
        if (scaler.features() != model.inputs()) {
            throw new IllegalArgumentException("the scaler takes " + scaler.features() + " features, the model "
                    + model.inputs() + " inputs");
        }
        if (target != null && (target.features() != 1 || model.outputs() != 1 || !loss.fitsRegression() || !classes.isEmpty())) {
            throw new IllegalArgumentException("a regression model has 1 output, mse loss, no classes and a 1-feature target "
                    + "scaler; got " + model.outputs() + " outputs, " + loss.id() + ", classes " + classes);
        }
        if (target == null && loss.outputs(classes.size()) != model.outputs()) {
            throw new IllegalArgumentException(loss.id() + " loss for " + classes.size() + " classes needs "
                    + loss.outputs(classes.size()) + " outputs, the model has " + model.outputs());
        }
    }

    /** A classifier's predictor. */
    public Predictor(Model model, Scaler scaler, Loss loss, List<String> classes) {
        this(model, scaler, loss, classes, null);
    }

    /** What the model predicts: a class or a number. */
    public Task task() {
        return target == null ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /** The model's outputs for one point of raw features (for regression, still in scaled units). */
    public double[] outputs(double... raw) {
        return model.predict(scaler.apply(raw));
    }

    /** A regression model's prediction for one point of raw features, in the target's units. */
    public double value(double... raw) {
        if (target == null) {
            throw new IllegalStateException("a classifier predicts classes, not values: use classOf or className");
        }
        return target.invert(0, outputs(raw)[0]);
    }

    /** The index of the predicted class. */
    public int classOf(double... raw) {
        if (target != null) {
            throw new IllegalStateException("a regression model predicts values, not classes: use value");
        }
        return loss.predict(outputs(raw));
    }

    /** The predicted class's name. */
    public String className(double... raw) {
        return classes.get(classOf(raw));
    }

    /**
     * One probability per class, summing to 1 ({@link Loss#probabilities}); for a loss whose
     * outputs are not probabilities (mse, hinge), or a regression model, an {@link IllegalStateException}.
     */
    public double[] probabilities(double... raw) {
        if (target != null) {
            throw new IllegalStateException("a regression model predicts values, not probabilities");
        }
        return loss.probabilities(outputs(raw));
    }
}
