package dev.jgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Up-front checks that an input fits the heap, so that a model too big or a file too large fails at
 * once with working advice, not after a minute with a bare out-of-memory error. The estimates are
 * lower bounds: they refuse only what cannot fit.
 */
final class Memory {
    /** What reading a text file costs at least, per byte of it: the text, then the numbers parsed from it. */
    private static final int PER_FILE_BYTE = 3;
    /** What training costs at least, per parameter: its value and gradient, the optimizer's copies and state. */
    private static final int PER_PARAMETER = 6 * Double.BYTES;
    /** What a generated point costs at least: its two features, the split's and the batch's copies. */
    private static final int PER_POINT = 6 * Double.BYTES;
    /** The file-type bits of a unix mode, and their value for a character device. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;

    private Memory() {
    }

    /** Refuses {@code file} when reading it cannot fit the heap; a missing file is left to the reader to report. */
    static void checkFile(Path file) throws IOException {
        checkNotDevice(file);
        if (Files.isRegularFile(file)) {
            require(file + " (" + size(Files.size(file)) + ")", Files.size(file) * PER_FILE_BYTE);
        }
    }

    /** Refuses a model of {@code parameters} parameters that cannot train in the heap. */
    static void checkModel(String what, long parameters) {
        require(what + " (" + String.format("%,d", parameters) + " parameters)", parameters * PER_PARAMETER);
    }

    /** Refuses {@code points} generated points that cannot fit the heap (two features, a label, and their copies). */
    static void checkPoints(String what, long points) {
        require(what, points * PER_POINT);
    }

    /** Refuses {@code count} n × n matrices of doubles that cannot fit the heap. */
    static void checkMatrices(String what, long n, int count) {
        require(what, n * n * count * Double.BYTES);
    }

    /**
     * Refuses a device such as /dev/zero, which never ends and has no lines: read as a file it fills the
     * heap. Pipes and standard input stay readable; where the file system cannot tell, nothing is refused.
     */
    static void checkNotDevice(Path file) throws IOException {
        try {
            Object mode = Files.readAttributes(file, "unix:mode").get("mode");
            if (mode instanceof Integer m && (m & S_IFMT) == S_IFCHR) {
                throw new IOException(file + ": a device, not a file (jgrad reads files and pipes)");
            }
        } catch (UnsupportedOperationException | IllegalArgumentException | java.nio.file.NoSuchFileException e) {
            // no unix attributes here, or no such file: the reader says so
        }
    }

    private static void require(String what, long bytes) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes < 0 || bytes > max) {
            long gigabytes = bytes < 0 ? Long.MAX_VALUE : Math.max(1, (bytes * 2 + (1L << 30) - 1) >> 30);
            throw new IllegalStateException(what + " needs more memory than the " + size(max) + " this JVM may use"
                    + (gigabytes < 1024 ? "; run with JGRAD_JAVA_OPTS=-Xmx" + gigabytes + "g if the machine has it" : ""));
        }
    }

    private static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format("%.1f GB", bytes / (double) (1L << 30)) : String.format("%.0f MB", bytes / (double) (1 << 20));
    }
}
