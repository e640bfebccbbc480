package dev.jgrad.io;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * A JSON array of numbers as {@link Json#parse} reads it: the numbers in one {@code double[]},
 * each boxed only when asked for, so that a model of millions of weights reads without a Double
 * apiece. Read-only, and equal to any list of the same Doubles.
 */
final class NumberList extends AbstractList<Object> implements RandomAccess {
    private final double[] values;

    NumberList(double[] values) {
        this.values = values;
    }

    @Override
    public Object get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The number at {@code index}, unboxed. */
    double number(int index) {
        return values[index];
    }
}
