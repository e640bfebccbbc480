package dev.jgrad.viz;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Turns {@link Dot} graphs into SVG or PNG pictures with Graphviz's {@code dot} program. Without
 * {@code dot} nothing fails: {@link #write} writes the {@code .dot} text instead, and
 * {@link #INSTALL_HINT} says how to get pictures.
 */
public final class Graphviz {
    /**
     * The one limit on pictures: at most this many {@linkplain Dot#layoutSize() boxes to lay out},
     * one per value plus one per column that an edge between distant values crosses ({@code dot}
     * routes such an edge through a hidden box per column). {@code dot}'s time grows with their
     * number: about a second at 1,500, minutes at 10,000, however few of them are values.
     */
    public static final int MAX_LAYOUT = 2_000;
    /**
     * The largest picture in inches at {@code dot}'s 96 dpi: a PNG at most 2400 pixels on a side
     * (a 40-input neuron drawn left to right was 18139 pixels wide), scaled down to fit.
     */
    static final String PNG_SIZE = "25,25";
    /** One line for a user who has no {@code dot}. */
    public static final String INSTALL_HINT = "graph pictures need Graphviz's 'dot' program: install it "
            + "(apt-get install graphviz, brew install graphviz, or graphviz.org/download) and run again; "
            + "the .dot files are written meanwhile";

    private final Path executable;
    private final Duration timeout;

    private Graphviz(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    /** {@code dot} from the {@code PATH}, if it is there. */
    public static Graphviz find() {
        return find(System.getenv("PATH"));
    }

    /** Graphviz's {@code dot} on {@code searchPath} (a PATH-style list), or an absent one. */
    public static Graphviz find(String searchPath) {
        Path found = null;
        if (searchPath != null) {
            for (String dir : searchPath.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, "dot");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    found = candidate;
                    break;
                }
            }
        }
        return new Graphviz(found, Duration.ofSeconds(30));
    }

    /** The same program with another time limit per picture. */
    public Graphviz timeout(Duration limit) {
        return new Graphviz(executable, limit);
    }

    public boolean available() {
        return executable != null;
    }

    /** The {@code dot} program found, if any. */
    public Optional<Path> executable() {
        return Optional.ofNullable(executable);
    }

    /**
     * Writes {@code graph} to {@code target}, whose name ends in {@code .svg}, {@code .png} or
     * {@code .dot}. When a picture is asked for but {@code dot} is missing, writes the DOT text
     * beside it ({@code n.svg} → {@code n.dot}) instead.
     *
     * @return the file written: {@code target}, or the {@code .dot} file when there is no {@code dot}
     * @throws IllegalArgumentException for another extension, or a picture of more than {@link #MAX_LAYOUT}
     *     boxes to lay out
     */
    public Path write(Dot graph, Path target) {
        if (!format(target).equals("dot")) {
            String dotName = sibling(target, "dot").getFileName().toString();
            int boxes = graph.layoutSize();
            if (boxes > MAX_LAYOUT) {
                throw new IllegalArgumentException(limit(graph.size(), boxes) + " (a .dot file such as " + dotName
                        + " still works, or draw a smaller graph)");
            }
        }
        return write(graph.text(), target);
    }

    /** As {@link #write(Dot, Path)} for DOT text written by hand (no size limit: the writer knows its graph). */
    public Path write(String dot, Path target) {
        String format = format(target);
        if (format.equals("dot")) {
            PictureFile.text(target, dot);
            return target;
        }
        if (!available()) {
            Path dotFile = sibling(target, "dot");
            PictureFile.text(dotFile, dot);
            return dotFile;
        }
        PictureFile.write(target, temporary -> render(dot, format, temporary));
        return target;
    }

    /** The rule, as a refusal says it. */
    static String limit(int values, int boxes) {
        return "the graph has " + values + " values and " + (boxes - values) + " columns crossed by long edges: "
                + boxes + " boxes to lay out, and pictures are limited to " + MAX_LAYOUT;
    }

    private void render(String text, String format, Path output) throws IOException {
        // Files rather than pipes: a dot that dies early cannot break a half-written stream.
        Path input = Files.createTempFile("jgrad-graph", ".dot");
        Path errors = Files.createTempFile("jgrad-graph", ".err");
        try {
            Files.writeString(input, text, StandardCharsets.UTF_8);
            // Only a PNG is scaled to fit a screen: an SVG zooms without losing its text.
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-T" + format));
            if (format.equals("png")) {
                command.add("-Gsize=" + PNG_SIZE);
            }
            command.addAll(List.of("-o", output.toString(), input.toString()));
            Process dot = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            if (!dot.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                dot.destroyForcibly();
                throw new IOException("dot did not finish within " + timeout.toSeconds() + " s (write a .dot file "
                        + "instead, or draw a smaller graph)");
            }
            if (dot.exitValue() != 0) {
                String message = Files.readString(errors).strip().lines().findFirst().orElse("no message");
                throw new IOException("dot failed (exit " + dot.exitValue() + "): " + message);
            }
            if (!Files.isRegularFile(output) || Files.size(output) == 0) {
                // Said here: otherwise the rename that follows reports the missing temporary, or an old picture stays.
                throw new IOException("dot exited 0 but wrote no picture (" + executable + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while dot was running", e);
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(errors);
        }
    }

    private static String format(Path target) {
        String name = target.getFileName().toString();
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!name.contains(".") || !(ext.equals("svg") || ext.equals("png") || ext.equals("dot"))) {
            throw new IllegalArgumentException("cannot tell the picture format of '" + name
                    + "': the name must end in .svg, .png or .dot");
        }
        return ext;
    }

    static Path sibling(Path file, String extension) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(stem + "." + extension);
    }

    @Override
    public String toString() {
        return available() ? "Graphviz(" + executable + ")" : "Graphviz(missing)";
    }
}
