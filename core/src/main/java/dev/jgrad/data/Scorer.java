package dev.jgrad.data;

/**
 * A trained model seen from a picture: a score for the 2-D point (x, y), computed without building
 * a graph. The sign carries the decision: a positive score means class 1, a negative one class 0,
 * so the 0 contour is the decision boundary whatever loss or engine trained the model.
 *
 * <p>Implementations read the model's current weights on every call: a scorer taken before training
 * shows the boundary as it is when it is called, which is how a listener snapshots a boundary that
 * evolves. Not thread-safe unless the model is not being trained meanwhile.
 */
@FunctionalInterface
public interface Scorer {
    /**
     * The score of the point (x, y): positive for class 1, negative for class 0.
     *
     * @param x the point's first coordinate, in the picture's units
     * @param y its second
     * @return the score
     */
    double score(double x, double y);
}
