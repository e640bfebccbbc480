package dev.jgrad.web;

import dev.jgrad.data.Dataset;
import dev.jgrad.data.Datasets;
import dev.jgrad.data.Task;

/**
 * What the page needs to know of a data set before it has its points: whether each point has a class or a number to
 * fit (regression), and how many coordinates it has (2, or 1 for a curve such as the sine). A generator says so itself;
 * drawn points are two classes in the plane; a loaded file says so by its columns, so the setup of {@code data=csv}
 * carries the loaded file's shape.
 *
 * @param regression whether each point has a number to fit, not a class
 * @param inputs the coordinates of a point: 1 or 2
 */
record DataShape(boolean regression, int inputs) {
    /** Two classes in the plane: drawn points, and a CSV before any is loaded. */
    static final DataShape CLASSES = new DataShape(false, 2);

    /** The shape of generator {@code data}, read from one point it draws (so the fact stays {@link Datasets}'). */
    static DataShape generator(String data) {
        Datasets.Generator g = Datasets.CHOICES.parse(data);
        return new DataShape(g.task() == Task.REGRESSION, Datasets.generate(g.id(), 1, 0, 2, new dev.jgrad.base.Rng(0)).features());
    }

    /** The shape of points as they are: a target per point makes them a regression's. */
    static DataShape of(Dataset points) {
        return new DataShape(points.targets() != null, points.features());
    }
}
