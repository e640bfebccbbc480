package dev.jgrad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output directory checked before a long run starts, so that a typo costs a second and not a
 * training run, and tidied after a failed run, so that a failure leaves no empty directory behind.
 */
final class OutDir {
    private final Path dir;
    /** The outermost directory this run will create, or null when {@code dir} exists already. */
    private final Path created;

    private OutDir(Path dir, Path created) {
        this.dir = dir;
        this.created = created;
    }

    /**
     * Checks that {@code option}'s directory {@code dir} exists or can be created and that none of
     * {@code files} in it is a directory, and creates it: a problem is a usage error naming the
     * option, found before any work. A path through a folder that does not exist yet and back out
     * ({@code m/new/../out}) is resolved first, as {@link #path()}.
     */
    static OutDir check(String option, Path dir, String... files) {
        if (dir.toString().isBlank()) {
            throw new IllegalArgumentException(option + " is empty; give a directory, e.g. " + option + " out/train");
        }
        Path resolved = resolved(dir);
        if (Files.exists(resolved) && !Files.isDirectory(resolved)) {
            throw new IllegalArgumentException(option + " " + dir + ": is a file, not a directory");
        }
        for (String f : files) {
            if (Files.isDirectory(resolved.resolve(f))) {
                throw new IllegalArgumentException(option + " " + dir + ": " + dir.resolve(f) + " is a directory, not a file");
            }
        }
        Path created = null;
        Path existing = resolved.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            created = existing;
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot be created, " + existing + " is a file");
        }
        if (!Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": cannot write into " + existing + " (permission denied)");
        }
        try {
            Files.createDirectories(resolved);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f ? dev.jgrad.io.AtomicFile.reason(f) : e.getMessage();
            throw new IllegalArgumentException(option + " " + dir + ": cannot be created (" + why + ")", e);
        }
        return new OutDir(resolved, created);
    }

    /**
     * {@code dir} as the kernel will reach it once made. Without {@code ..} it is {@code dir} itself;
     * with, the part that exists is resolved through its links and the rest, which cannot hold
     * links yet, is normalised: the kernel cannot pass through {@code new/..} before {@code new} exists.
     */
    static Path resolved(Path dir) {
        boolean up = false;
        for (Path name : dir) {
            up |= name.toString().equals("..");
        }
        if (!up) {
            return dir;
        }
        Path abs = dir.toAbsolutePath();
        Path existing = abs.getRoot();
        int i = 0;
        while (i < abs.getNameCount() && Files.exists(existing.resolve(abs.getName(i)))) {
            existing = existing.resolve(abs.getName(i++));
        }
        try {
            Path real = existing.toRealPath();
            return i == abs.getNameCount() ? real : real.resolve(abs.subpath(i, abs.getNameCount())).normalize();
        } catch (IOException e) {
            return abs.normalize();
        }
    }

    /** The directory, made and resolved: where to write. */
    Path path() {
        return dir;
    }

    /**
     * Checks an output file option before any work: absent or {@code -} (standard output) is fine; a
     * path naming a directory is a usage error that says what to give instead.
     */
    static void checkFile(String option, Path file, String example) {
        if (file == null || file.toString().equals("-")) {
            return;
        }
        if (file.getFileName() == null || Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a directory; give a file, e.g. " + option + " " + example);
        }
    }

    Path resolve(String file) {
        return dir.resolve(file);
    }

    /** After a failure: removes the directories this run created, if they are still empty. */
    void removeIfEmpty() {
        if (created == null) {
            return;
        }
        for (Path p = dir.toAbsolutePath().normalize(); p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // not empty, or not ours to delete: tidying up must not hide the failure being reported
            }
        }
    }
}
