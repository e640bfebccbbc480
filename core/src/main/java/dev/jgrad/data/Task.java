package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.List;

/**
 * What a model learns to give back: a class out of several, or a number. It decides the data's
 * targets ({@link Dataset#labels()} or {@link Dataset#targets()}), the model's outputs, the loss
 * (regression trains with squared error on one linear output) and the metrics reported.
 */
public enum Task implements Named {
    /** Labelled points, one class each: accuracy, confusion matrix, per-class precision, recall and F1. */
    CLASSIFICATION,
    /** Points with a real-valued target: mean squared and absolute error and R², in the target's units. */
    REGRESSION;

    /** Both tasks by the names used on the command line and in model files. */
    public static final Choices<Task> CHOICES = Choices.of("task", List.of(values()));

    @Override
    public String description() {
        return this == CLASSIFICATION ? "predict a class" : "predict a number";
    }
}
