package dev.jgrad.data;

import dev.jgrad.base.Choices;
import dev.jgrad.base.Named;
import java.util.List;

/**
 * What to do about a feature cell with no value ({@code NA}, an empty cell). The fills are fitted
 * on the training split only and saved with the model, so that a prediction fills a missing cell
 * exactly as training did.
 */
public enum MissingPolicy implements Named {
    /** Refuse the table, counting the missing cells of each column and naming the first line of each. */
    ERROR("refuse the table, counting the missing cells of each column"),
    /** Leave out every row with a missing feature cell. */
    DROP("leave out every row with a missing feature cell"),
    /** The training split's mean of the column (a text column: its most frequent category). */
    MEAN("the training split's mean (a text column: its most frequent category)"),
    /** The training split's median of the column (a text column: its most frequent category). */
    MEDIAN("the training split's median (a text column: its most frequent category)"),
    /** The training split's most frequent value of the column, the smallest of a tie. */
    MOST_FREQUENT("the training split's most frequent value");

    /** Every policy by the name used on the command line. */
    public static final Choices<MissingPolicy> CHOICES = Choices.of("missing", List.of(values()));

    private final String description;

    MissingPolicy(String description) {
        this.description = description;
    }

    /** {@return whether missing cells get a value fitted on the training split} */
    public boolean fills() {
        return this == MEAN || this == MEDIAN || this == MOST_FREQUENT;
    }

    @Override
    public String description() {
        return description;
    }
}
