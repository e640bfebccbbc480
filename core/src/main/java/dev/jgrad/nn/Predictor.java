package dev.jgrad.nn;

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
 */
public record Predictor(Model model, Scaler scaler, Loss loss, List<String> classes) {

    public Predictor {
        classes = List.copyOf(classes);
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
        return model.predict(scaler.apply(raw));
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
