package dev.jgrad.nn;

import dev.jgrad.data.Features;
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
 * @param features the transform of a 2-D point the model was trained on ({@code jgrad train --features}), applied
 *     before the scaler; null when the model reads the raw features
 */
public record Predictor(Model model, Scaler scaler, Loss loss, List<String> classes, Scaler target, Features features) {

    /**
     * A model that reads the raw features.
     *
     * @param model the trained model
     * @param scaler the features' scaling, fitted on the training data
     * @param loss the loss it was trained with
     * @param classes the class names (none for regression)
     * @param target the targets' scaler for regression, else null
     */
    public Predictor(Model model, Scaler scaler, Loss loss, List<String> classes, Scaler target) {
        this(model, scaler, loss, classes, target, null);
    }

    /**
     * Refuses parts that do not fit together: a scaler or features of another width than the model's
     * inputs, or a regression target with more than one output, another loss than mse, or classes.
     *
     * @param model the trained model
     * @param scaler the features' scaling, fitted on the training data
     * @param loss the loss it was trained with
     * @param classes the class names, copied (none for regression)
     * @param target the targets' scaler for regression, else null
     * @param features the transform of a 2-D point, or null
     */
    public Predictor {
        classes = List.copyOf(classes);
        if (features != null && features.size() != model.inputs()) {
            throw new IllegalArgumentException("the features " + features + " are " + features.size() + " numbers, the model takes "
                    + model.inputs() + " inputs");
        }
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

    /**
     * A classifier's predictor.
     *
     * @param model the trained model
     * @param scaler the features' scaling, fitted on the training data
     * @param loss the loss it was trained with
     * @param classes the class names
     */
    public Predictor(Model model, Scaler scaler, Loss loss, List<String> classes) {
        this(model, scaler, loss, classes, null);
    }

    /** {@return what the model predicts: a class or a number} */
    public Task task() {
        return target == null ? Task.CLASSIFICATION : Task.REGRESSION;
    }

    /**
     * The model's outputs for one point of raw features (for regression, still in scaled units).
     *
     * @param raw the point's features as the data holds them
     * @return the outputs
     */
    public double[] outputs(double... raw) {
        return model.predict(scaler.apply(features == null ? raw : features.apply(raw)));
    }

    /** {@return how many numbers a point of raw features has: 2 with a transform, else the model's inputs} */
    public int rawInputs() {
        return features == null ? model.inputs() : 2;
    }

    /**
     * A regression model's prediction for one point of raw features, in the target's units.
     *
     * @param raw the point's features as the data holds them
     * @return the predicted number
     */
    public double value(double... raw) {
        if (target == null) {
            throw new IllegalStateException("a classifier predicts classes, not values: use classOf or className");
        }
        return target.invert(0, outputs(raw)[0]);
    }

    /**
     * The index of the predicted class.
     *
     * @param raw the point's features as the data holds them
     * @return the class index
     */
    public int classOf(double... raw) {
        if (target != null) {
            throw new IllegalStateException("a regression model predicts values, not classes: use value");
        }
        return loss.predict(outputs(raw));
    }

    /**
     * The class of a two-class model's {@code outputs} at a decision threshold: class 1 when its
     * probability exceeds {@code threshold} (in (0, 1)), that is when the logit of class 1 exceeds
     * log(t / (1 − t)), so that 0.5 decides exactly as {@link Loss#predict} does. Only for models whose
     * outputs are probabilities (bce, or cross-entropy over two classes): an {@link IllegalStateException} otherwise.
     *
     * @param threshold the probability (or score) above which the class is 1
     * @param outputs the model's outputs for the point
     * @return 0 or 1
     */
    public int classAt(double threshold, double[] outputs) {
        if (target != null || classes.size() != 2 || !loss.givesProbabilities()) {
            throw new IllegalStateException("a decision threshold applies to a model of 2 classes with probabilities "
                    + "(bce or cross-entropy); this one " + (target != null ? "is a regression model"
                    : "has " + classes.size() + " classes and " + loss.id() + " loss"));
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("a decision threshold is a probability in (0, 1), got " + threshold);
        }
        return loss.margin(outputs) > Math.log(threshold / (1 - threshold)) ? 1 : 0;
    }

    /**
     * The predicted class's name.
     *
     * @param raw the point's features as the data holds them
     * @return the class's name
     */
    public String className(double... raw) {
        return classes.get(classOf(raw));
    }

    /**
     * One probability per class, summing to 1 ({@link Loss#probabilities}); for a loss whose
     * outputs are not probabilities (mse, hinge), or a regression model, an {@link IllegalStateException}.
     *
     * @param raw the point's features as the data holds them
     * @return one probability per class
     */
    public double[] probabilities(double... raw) {
        if (target != null) {
            throw new IllegalStateException("a regression model predicts values, not probabilities");
        }
        return loss.probabilities(outputs(raw));
    }
}
