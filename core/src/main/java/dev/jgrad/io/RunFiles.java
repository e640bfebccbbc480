package dev.jgrad.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Files of one run that belong together (a model and its metrics), published so that a reader never
 * sees a mixed pair, whatever stops the writer: each run is written whole into a folder of its own
 * under {@code .jgrad-runs/}, and one symbolic link, {@code .jgrad-runs/current}, is switched to it
 * by a single rename. {@code model.json} and {@code metrics.csv} in the output folder are fixed
 * links through {@code current}, so they always name the same run. Files that an older jgrad wrote
 * in place are first moved into a run of their own, so they too are only ever seen as a pair.
 *
 * <p>Where symbolic links cannot be made (some file systems, Windows without the privilege), or the
 * names are already something else (a user's own link, a device), the files are written by
 * {@link AtomicFile#writeAll}: each whole, the old pair kept until both new files are complete.
 */
public final class RunFiles {
    static final String RUNS = ".jgrad-runs";
    private static final String CURRENT = "current";
    private static final AtomicLong COUNTER = new AtomicLong();

    private RunFiles() {
    }

    /** Writes {@code files} (name → UTF-8 text) into {@code dir} as one run. */
    public static void publish(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        Path runs = dir.resolve(RUNS);
        if (!linksWork(dir, files.keySet())) {
            Map<Path, AtomicFile.Content> each = new LinkedHashMap<>();
            files.forEach((name, text) -> each.put(dir.resolve(name), t -> Files.writeString(t, text, StandardCharsets.UTF_8)));
            AtomicFile.writeAll(each);
            return;
        }
        adoptFilesWrittenInPlace(dir, files);
        Path run = write(runs, files);
        switchTo(runs, run);
        for (String name : files.keySet()) {
            Path link = dir.resolve(name);
            if (!Files.isSymbolicLink(link)) {
                replace(Files.createSymbolicLink(dir.resolve("." + name + ".link" + unique()), through(name)), link);
            }
        }
        removeOldRuns(runs, run);
    }

    /** The fixed target of the link called {@code name}: through {@code current}, relative. */
    private static Path through(String name) {
        return Path.of(RUNS, CURRENT, name);
    }

    /** Links work here, and every name is absent, a file written in place, or already our link. */
    private static boolean linksWork(Path dir, Iterable<String> names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            try {
                if (Files.isSymbolicLink(p) ? !Files.readSymbolicLink(p).equals(through(name))
                        : Files.exists(p) && !Files.isRegularFile(p)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        Path probe = dir.resolve(".jgrad-link-probe" + unique());
        try {
            Files.createSymbolicLink(probe, Path.of("probe"));
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                // a probe that cannot be removed is harmless
            }
        }
    }

    /**
     * Files an older jgrad wrote in place become a run of their own, made current; only then are the
     * names turned into links, one by one, each still naming the same (old) pair.
     */
    private static void adoptFilesWrittenInPlace(Path dir, Map<String, String> files) throws IOException {
        Map<String, String> old = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && !Files.isSymbolicLink(p)) {
                old.put(name, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        if (old.isEmpty()) {
            return;
        }
        Path runs = dir.resolve(RUNS);
        switchTo(runs, write(runs, old));
        for (String name : old.keySet()) {
            replace(Files.createSymbolicLink(dir.resolve("." + name + ".link" + unique()), through(name)), dir.resolve(name));
        }
    }

    /** The run's folder, complete: written under a hidden name, then renamed into place. */
    private static Path write(Path runs, Map<String, String> files) throws IOException {
        Files.createDirectories(runs);
        String id = System.currentTimeMillis() + "-" + ProcessHandle.current().pid() + "-" + unique();
        Path partial = Files.createDirectory(runs.resolve(".partial-" + id));
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(partial.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return Files.move(partial, runs.resolve(id), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The one atomic step: {@code current} now names {@code run}. */
    private static void switchTo(Path runs, Path run) throws IOException {
        Path link = Files.createSymbolicLink(runs.resolve(".current" + unique()), run.getFileName());
        replace(link, runs.resolve(CURRENT));
    }

    private static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Every run but the current one, and what a killed writer left half made. */
    private static void removeOldRuns(Path runs, Path current) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs)) {
            for (Path p : entries) {
                if (!p.equals(current) && !p.getFileName().toString().equals(CURRENT) && Files.isDirectory(p)
                        && !Files.isSymbolicLink(p) && !busy(p)) {
                    deleteTree(p);
                }
            }
        } catch (IOException e) {
            // tidying is a courtesy: the run is published
        }
    }

    /** A half-written run of a writer that is still alive (two trainings into one folder). */
    private static boolean busy(Path p) {
        String n = p.getFileName().toString();
        if (!n.startsWith(".partial-")) {
            return false;
        }
        String[] parts = n.substring(".partial-".length()).split("-");
        try {
            return parts.length == 3 && ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static long unique() {
        return COUNTER.incrementAndGet();
    }
}
