package dev.jgrad.base;

/**
 * Something a user names: on the command line, in a model file, in a URL. Each kind of such thing
 * (activations, losses, optimizers…) is gathered in one {@link Choices}, which parses and lists the
 * names, so that every front end accepts the same spellings and says the same thing about a typo.
 */
public interface Named {
    /** The lower-case name users type, e.g. "cross-entropy". */
    String id();

    /** One line saying what it is (for help texts and listings). */
    String description();
}
