package dev.jgrad.base;

import java.util.Locale;

/**
 * Something a user names: on the command line, in a model file, in a URL. Each kind of such thing
 * (activations, losses, optimizers…) is gathered in one {@link Choices}, which parses and lists the
 * names, so that every front end accepts the same spellings and says the same thing about a typo.
 */
public interface Named {
    /**
     * {@return the lower-case name users type, e.g. "cross-entropy"} An enum's is its constant's name in
     * lower case with '-' for '_' ({@code CROSS_ENTROPY} is "cross-entropy"); anything else names itself.
     */
    default String id() {
        if (this instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        throw new UnsupportedOperationException("a Named that is not an enum must give its id");
    }

    /** {@return one line saying what it is, for help texts and listings} */
    String description();
}
