package dev.jgrad.nn;

import dev.jgrad.data.Features;
import dev.jgrad.data.Scaler;
import dev.jgrad.loss.Loss;
import java.util.List;

/**
 * A trained model as a user of its predictions sees it: raw features in (as in the training file),
 * scaled as training scaled them, then the model's outputs, class and probabilities. What a model
 * file gives back ({@code ModelFile.load(file).predictor()}) and a finished run offers.
 *
 * <pre>{@code
 * Predictor p = ModelFile.load(Path.of("model.json")).predictor();
 * String species = p.className(5.1, 3.5, 1.4, 0.2);
 * }</pre>
 *
 * @param classes the class names, index by index
 * @param features the transform of a 2-D point the model was trained on ({@code jgrad train --features}), applied
 *     before the scaler; null when the model reads the raw features
 */
public record Predictor(Model model, Scaler scaler, Loss loss, List<String> classes, Features features) {

    /** A model that reads the raw features. */
    public Predictor(Model model, Scaler scaler, Loss loss, List<String> classes) {
        this(model, scaler, loss, classes, null);
    }

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
        if (loss.outputs(classes.size()) != model.outputs()) {
            throw new IllegalArgumentException(loss.id() + " loss for " + classes.size() + " classes needs "
                    + loss.outputs(classes.size()) + " outputs, the model has " + model.outputs());
        }
    }

    /** The model's outputs for one point of raw features. */
    public double[] outputs(double... raw) {
        return model.predict(scaler.apply(features == null ? raw : features.apply(raw)));
    }

    /** How many numbers a point of raw features has: 2 with a transform, else the model's inputs. */
    public int rawInputs() {
        return features == null ? model.inputs() : 2;
    }

    /** The index of the predicted class. */
    public int classOf(double... raw) {
        return loss.predict(outputs(raw));
    }

    /** The predicted class's name. */
    public String className(double... raw) {
        return classes.get(classOf(raw));
    }

    /**
     * One probability per class, summing to 1 ({@link Loss#probabilities}); for a loss whose
     * outputs are not probabilities (mse, hinge), an {@link IllegalStateException}.
     */
    public double[] probabilities(double... raw) {
        return loss.probabilities(outputs(raw));
    }
}
