package dev.jgrad.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Files of one run that belong together (a model and its metrics), published so that a reader never
 * sees a mixed pair, whatever stops the writer: each run is written whole into a folder of its own
 * under {@code .jgrad-runs/}, and one symbolic link, {@code .jgrad-runs/current}, is switched to it
 * by a single rename. {@code model.json} and {@code metrics.csv} in the output folder are fixed
 * links through {@code current}, so they always name the same run. Files that an older jgrad wrote
 * in place are first moved into a run of their own (as bytes, whatever their encoding), so they too
 * are only ever seen as a pair. A link of someone else's at one of the names is replaced, never
 * followed: the output folder is jgrad's.
 *
 * <p>Writers into one folder take turns ({@link RunLock}), threads and processes alike, so the last
 * to finish wins and the runs folder is only tidied by a writer that holds the turn: no writer can
 * delete the run another is about to switch {@code current} to.
 *
 * <p>Where symbolic links cannot be made (some file systems, Windows without the privilege), or a
 * name is a device or a pipe, the files are written by {@link AtomicFile#writeAll}: each whole, the
 * old pair kept until both new files are complete.
 */
public final class RunFiles {
    static final String RUNS = ".jgrad-runs";
    private static final String CURRENT = "current";
    private static final String PARTIAL = ".partial-";
    /**
     * How long a replaced run is kept: a reader that followed {@code current} just before it was
     * switched may still be opening the old run's files.
     */
    static final long GRACE_MILLIS = 30_000;

    private RunFiles() {
    }

    /** A file of a run: writes itself to the path it is given. */
    private interface Body {
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code files} (name → UTF-8 text) into {@code dir} as one run.
     *
     * @param dir the run's folder
     * @param files each file's name and text
     * @throws IOException when it cannot be written; the message names the file
     */
    public static void publish(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        Path runs = Files.createDirectories(dir.resolve(RUNS));
        try (RunLock turn = RunLock.take(runs)) {
            if (!linksWork(dir, files.keySet())) {
                Map<Path, AtomicFile.Content> each = new LinkedHashMap<>();
                files.forEach((name, text) -> each.put(dir.resolve(name), t -> Files.writeString(t, text, StandardCharsets.UTF_8)));
                AtomicFile.writeAll(each);
                return;
            }
            adoptFilesWrittenInPlace(dir, files);
            Map<String, Body> bodies = new LinkedHashMap<>();
            files.forEach((name, text) -> bodies.put(name, f -> Files.writeString(f, text, StandardCharsets.UTF_8)));
            Path run = write(dir, bodies);
            switchTo(runs, run);
            for (String name : files.keySet()) {
                Path link = dir.resolve(name);
                if (!ours(link, name)) {
                    replace(Files.createSymbolicLink(dir.resolve("." + name + ".link" + AtomicFile.unique()), through(name)), link);
                }
            }
            if (turn.held()) {
                removeOldRuns(runs, run);
            }
        }
    }

    /** The fixed target of the link called {@code name}: through {@code current}, relative. */
    private static Path through(String name) {
        return Path.of(RUNS, CURRENT, name);
    }

    private static boolean ours(Path link, String name) throws IOException {
        return Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(through(name));
    }

    /** Links work here, and no name is a device, a pipe or another such file written through. */
    private static boolean linksWork(Path dir, Iterable<String> names) {
        for (String name : names) {
            Path p = dir.resolve(name);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)
                    && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        Path probe = dir.resolve(".jgrad-link-probe" + AtomicFile.unique());
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
     * names turned into links, one by one, each still naming the same (old) pair. They are copied as
     * bytes: a spreadsheet may have saved them in another encoding.
     */
    private static void adoptFilesWrittenInPlace(Path dir, Map<String, String> files) throws IOException {
        Map<String, Body> old = new LinkedHashMap<>();
        for (String name : files.keySet()) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                old.put(name, f -> Files.copy(p, f));
            }
        }
        if (old.isEmpty()) {
            return;
        }
        Path runs = dir.resolve(RUNS);
        switchTo(runs, write(dir, old));
        for (String name : old.keySet()) {
            replace(Files.createSymbolicLink(dir.resolve("." + name + ".link" + AtomicFile.unique()), through(name)), dir.resolve(name));
        }
    }

    /**
     * The run's folder, complete: written under a hidden name, then renamed into place. A failure
     * (a full disk) names the file the user asked for and leaves no half-made run behind.
     */
    private static Path write(Path dir, Map<String, Body> files) throws IOException {
        Path runs = dir.resolve(RUNS);
        String id = System.currentTimeMillis() + "-" + AtomicFile.unique();
        Path partial = Files.createDirectory(runs.resolve(PARTIAL + id));
        try {
            for (Map.Entry<String, Body> f : files.entrySet()) {
                try {
                    f.getValue().writeTo(partial.resolve(f.getKey()));
                } catch (IOException e) {
                    throw AtomicFile.named(dir.resolve(f.getKey()), e);
                }
            }
            return Files.move(partial, runs.resolve(id), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /**
     * The one atomic step: {@code current} now names {@code run}. The run it named before is marked
     * as replaced now, so that readers who were just opening its files still find them.
     */
    private static void switchTo(Path runs, Path run) throws IOException {
        Path current = runs.resolve(CURRENT);
        Path before = Files.isSymbolicLink(current) ? runs.resolve(Files.readSymbolicLink(current)) : null;
        Path link = Files.createSymbolicLink(runs.resolve(".current" + AtomicFile.unique()), run.getFileName());
        replace(link, current);
        if (before != null && !before.equals(run)) {
            try {
                Files.setLastModifiedTime(before, FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                // gone already: nothing to keep
            }
        }
    }

    private static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Runs replaced over {@link #GRACE_MILLIS} ago, and what killed writers left half made; only while
     * holding the turn, so every other writer is either done or not yet started.
     */
    private static void removeOldRuns(Path runs, Path current) {
        long before = System.currentTimeMillis() - GRACE_MILLIS;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(runs)) {
            for (Path p : entries) {
                String n = p.getFileName().toString();
                if (Files.isSymbolicLink(p) ? n.startsWith(".current")
                        : !p.equals(current) && Files.isDirectory(p) && (n.startsWith(PARTIAL) ? !busy(n)
                        : Files.getLastModifiedTime(p).toMillis() < before)) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            // tidying is a courtesy: the run is published
        }
    }

    /** A half-written run of a writer that is still alive: an older jgrad, which took no turns. */
    private static boolean busy(String name) {
        if (!name.startsWith(PARTIAL)) {
            return false;
        }
        String[] parts = name.substring(PARTIAL.length()).split("-");
        try {
            return parts.length >= 3 && ProcessHandle.of(Long.parseLong(parts[1])).map(ProcessHandle::isAlive).orElse(false)
                    && Long.parseLong(parts[1]) != ProcessHandle.current().pid();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(p)) {
                    for (Path e : entries) {
                        Files.delete(e);
                    }
                }
            }
            Files.delete(p);
        } catch (IOException e) {
            // a leftover is tidied by the next run
        }
    }
}
